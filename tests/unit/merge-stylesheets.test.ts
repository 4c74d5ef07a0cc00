// A page's adjacent stylesheet links become one link to their concatenation, in order.
import { describe, expect, it } from 'vitest';
import { mergeStylesheetLinks } from '../../src/lib/merge-stylesheets.ts';

const sheets: Record<string, string> = {
  '/_astro/a.css': 'a{color:red}\n',
  '/_astro/b.css': 'b{color:blue}',
  '/_astro/c.css': '@media print{c{display:none}}',
  '/_astro/bad.css': '@import "x.css";b{}',
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
});
