// Critical CSS: which rules a page's opening needs, and how the page is
// rewritten (inline hashed <style> in <head>, the stylesheet at the end of
// <body>). Synthetic pages and stylesheets (fixtures, not site output).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { allowStyle, criticalCss, inlineCriticalCss, openingEnd, parseCss, splitSelectors, staticSelector } from '../../src/lib/critical-css.ts';

const matcherFor = (html: string) => {
  const { document } = parseHTML(html);
  return (selector: string) => document.querySelector(selector) !== null;
};
const sha = (text: string) => createHash('sha256').update(text).digest('base64');

const CSS =
  ':root{--ink:#111}body{margin:0}.header h1{font-size:2rem}a:hover{color:red}.chart{height:300px}' +
  '@media (min-width:40rem){.header{padding:1rem}.chart{height:400px}}' +
  '@keyframes spin{to{transform:rotate(1turn)}}@keyframes fade{to{opacity:0}}.header .logo{animation:spin 1s}' +
  'p::first-line,.unused{font-variant:small-caps}.x[data-note="a,b{c}"]{color:blue}';

describe('critical CSS', () => {
  it('splits minified CSS into rules, groups and other at-rules, strings and nesting included', () => {
    const blocks = parseCss(CSS);
    expect(blocks.map((b) => b.kind)).toEqual(['rule', 'rule', 'rule', 'rule', 'rule', 'group', 'other', 'other', 'rule', 'rule', 'rule']);
    expect(blocks.at(-1)).toEqual({ kind: 'rule', selector: '.x[data-note="a,b{c}"]', text: '.x[data-note="a,b{c}"]{color:blue}' });
    expect(splitSelectors('a:is(.b,.c),d[x=","] , e')).toEqual(['a:is(.b,.c)', 'd[x=","]', 'e']);
  });

  it('tests selectors as a static page can answer them: no hover, focus or pseudo-elements', () => {
    expect(staticSelector('a:hover')).toBe('a');
    expect(staticSelector('p::first-line')).toBe('p');
    expect(staticSelector('.nav > :focus-visible')).toBe('.nav > *');
    expect(staticSelector('::selection')).toBe('*');
    expect(staticSelector('li:not(.x):first-child')).toBe('li:not(.x):first-child');
    expect(staticSelector(':focus-visible + .tip')).toBe('* + .tip');
  });

  it('keeps the rules that match the opening, in source order and inside their media queries, and the keyframes they use', () => {
    const opening = '<html><body><header class="header"><h1>T</h1><span class="logo"></span></header><p>x <a href="/">home</a></p></body></html>';
    const css = criticalCss(CSS, { matches: matcherFor(opening) });
    expect(css).toBe(
      '@keyframes spin{to{transform:rotate(1turn)}}' +
        ':root{--ink:#111}body{margin:0}.header h1{font-size:2rem}a:hover{color:red}' +
        '@media (min-width:40rem){.header{padding:1rem}}.header .logo{animation:spin 1s}p::first-line,.unused{font-variant:small-caps}',
    );
    expect(css).not.toContain('.chart');
    expect(css).not.toContain('fade');
  });

  it('ends the opening at the first figure after the essay body starts its first section', () => {
    const page = '<main data-pagefind-body><p>intro</p><figure>early</figure><h2>One</h2><p>text</p><section class="scrolly">s</section></main>';
    expect(page.slice(0, openingEnd(page))).toBe('<main data-pagefind-body><p>intro</p><figure>early</figure><h2>One</h2><p>text</p>');
    const plain = '<main><p>no essay</p></main>';
    expect(openingEnd(plain)).toBe(plain.length);
  });

  it('adds the inline style hash to style-src, or creates the directive', () => {
    const meta = (policy: string) => `<head><meta http-equiv="content-security-policy" content="${policy}"></head>`;
    expect(allowStyle(meta("default-src 'self'; style-src 'self' 'sha256-a='; style-src-attr 'unsafe-inline';"), "'sha256-b='")).toBe(
      meta("default-src 'self'; style-src 'self' 'sha256-a=' 'sha256-b='; style-src-attr 'unsafe-inline';"),
    );
    expect(allowStyle(meta("default-src 'self'"), "'sha256-b='")).toBe(meta("default-src 'self'; style-src 'self' 'sha256-b=';"));
    expect(() => allowStyle('<head></head>', "'sha256-b='")).toThrow(/no <meta> content-security-policy/);
  });

  it('rewrites an essay page: hashed critical <style> in <head>, the stylesheet at the end of <body>', () => {
    const html =
      `<html><head><meta http-equiv="content-security-policy" content="default-src 'self'; style-src 'self';"><link rel="stylesheet" href="/_astro/page.a.css"></head>` +
      '<body><header class="header"><h1>T</h1></header><main data-pagefind-body><h2>S</h2><figure class="chart"></figure></main></body></html>';
    const { html: out, inlined } = inlineCriticalCss(html, () => CSS, matcherFor, sha);
    const style = /<style>([^<]*)<\/style>/.exec(out)![1]!;
    expect(inlined).toBe(style.length);
    expect(style).toContain('.header h1{font-size:2rem}');
    expect(style).not.toContain('.chart');
    expect(out.indexOf('<style>')).toBeLessThan(out.indexOf('</head>'));
    expect(out).toMatch(/<\/figure><\/main><link rel="stylesheet" href="\/_astro\/page\.a\.css"><\/body>/);
    expect(out).toContain(`style-src 'self' 'sha256-${sha(style)}';`);
    // Pages without exactly one head stylesheet are left alone.
    const two = html.replace('</head>', '<link rel="stylesheet" href="/_astro/b.css"></head>');
    expect(inlineCriticalCss(two, () => CSS, matcherFor, sha)).toEqual({ html: two, inlined: 0 });
  });
});
