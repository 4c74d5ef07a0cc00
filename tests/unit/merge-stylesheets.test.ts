// A page's adjacent stylesheet links become one link to their concatenation, in order.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allowStyle, cspHash, mergeStylesheetLinks } from '../../src/lib/merge-stylesheets.ts';

const sheets: Record<string, string> = {
  '/_astro/a.css': 'a{color:red}\n',
  '/_astro/b.css': 'b{color:blue}',
  '/_astro/c.css': '@media print{c{display:none}}',
  '/_astro/bad.css': '@import "x.css";b{}',
  '/_astro/widget.css': '.w[data-astro-cid-w1]{color:green}',
  // Hex digests barely compress: about 5 KB gzip, over the 3 KB critical budget.
  '/_astro/late.css': `.late{content:"${Array.from({ length: 160 }, (_, i) => createHash('sha256').update(String(i)).digest('hex')).join('')}"}`,
};
const read = (href: string) => sheets[href] ?? '';
const link = (name: string) => `<link rel="stylesheet" href="/_astro/${name}.css">`;

describe('mergeStylesheetLinks', () => {
  it('replaces a run of links with one content-named file holding them in order', () => {
    const { html, files } = mergeStylesheetLinks(`<head><meta charset="utf-8">${link('a')}\n${link('b')}${link('c')}<title>t</title></head>`, read);
    expect(files.size).toBe(1);
    const [href, css] = [...files][0]!;
    expect(href).toMatch(/^\/_astro\/page\.[\w-]{10}\.css$/);
    expect(css).toBe('a{color:red}\nb{color:blue}\n@media print{c{display:none}}\n');
    expect(html).toBe(`<head><meta charset="utf-8"><link rel="stylesheet" href="${href}"><title>t</title></head>`);
    // Same set, same file; another order is another file.
    expect([...mergeStylesheetLinks(`${link('a')}${link('b')}${link('c')}`, read).files.keys()]).toEqual([href]);
    expect([...mergeStylesheetLinks(`${link('b')}${link('a')}${link('c')}`, read).files.keys()]).not.toEqual([href]);
  });

  it('leaves single links, links apart and other stylesheets alone', () => {
    for (const html of [link('a'), `${link('a')}<style>x{}</style>${link('b')}`, `${link('a')}<link rel="stylesheet" href="/pagefind/ui.css">`]) {
      expect(mergeStylesheetLinks(html, read)).toEqual({ html, files: new Map() });
    }
  });

  it('refuses to merge a stylesheet whose @import would stop working', () => {
    expect(() => mergeStylesheetLinks(`${link('a')}${link('bad')}`, read)).toThrow('/_astro/bad.css uses @import or @charset');
  });

  describe('with critical CSS', () => {
    const csp = `<meta http-equiv="content-security-policy" content="default-src 'self'; style-src 'self' 'sha256-x='; style-src-attr 'unsafe-inline';">`;
    const page = (links: string, body: string) => `<html><head>${csp}${links}</head><body>${body}</body></html>`;

    it('inlines leading chunks with their hash in the CSP, preloads the rest and links it before the first element it styles', () => {
      const { html, files } = mergeStylesheetLinks(page(`${link('a')}${link('b')}${link('late')}`, '<a href="/">x</a><main><p class="late">y</p></main>'), read, { critical: true });
      const critical = 'a{color:red}\nb{color:blue}';
      expect(html).toContain(`<style>${critical}</style><link rel="preload" href="/_astro/late.css" as="style"></head>`);
      expect(html).toContain(`style-src 'self' 'sha256-x=' ${cspHash(critical)};`);
      expect(html).toContain('<main><link rel="stylesheet" href="/_astro/late.css"><p class="late">');
      expect(files.size).toBe(0);
    });

    it('leaves out chunks scoped to components absent from the page', () => {
      const without = mergeStylesheetLinks(page(`${link('a')}${link('widget')}`, '<p>x</p>'), read, { critical: true }).html;
      expect(without).not.toContain('color:green');
      expect(without).not.toContain('<link');
      const withWidget = mergeStylesheetLinks(page(`${link('a')}${link('widget')}`, '<div class="w" data-astro-cid-w1></div>'), read, { critical: true }).html;
      expect(withWidget).toContain('<style>a{color:red}\n.w[data-astro-cid-w1]{color:green}</style>');
    });

    it('keeps a page that inlines nothing render-blocking as before', () => {
      const { html } = mergeStylesheetLinks(page(`${link('late')}${link('a')}`, '<p class="late">x</p>'), read, { critical: true });
      expect(html).toMatch(/<link rel="stylesheet" href="\/_astro\/page\.[\w-]{10}\.css"><\/head>/);
      expect(html).not.toContain('<style>');
    });

    it('refuses a page without a CSP to add the hash to', () => {
      expect(() => allowStyle('<html><head></head></html>', "'sha256-y='", 'x/index.html')).toThrow('x/index.html: no <meta> CSP');
    });
  });
});
