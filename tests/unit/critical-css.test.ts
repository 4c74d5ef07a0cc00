// Critical CSS: reading built stylesheets into rules, leaving out chunks a page
// cannot use, and placing the link to the rest before the first element it styles.
import { describe, expect, it } from 'vitest';
import { selectorLists, splitRules, splitSelectorList } from '../../src/lib/css-rules.ts';
import { criticalChunkCount, originatingSelector, restLinkPlace, unusedScopedChunk, withoutUnmatchableRules } from '../../src/lib/critical-css.ts';

describe('splitRules', () => {
  it('splits top-level rules, keeping braces inside strings and blocks', () => {
    const css = 'a{content:"}{"}@media (min-width:40rem){b{color:red}c{color:blue}}@layer x;/* note { */d{e:f}';
    expect(splitRules(css).map((r) => r.prelude)).toEqual(['a', '@media (min-width:40rem)', '@layer x;', 'd']);
    expect(splitRules(css)[1]!.body).toBe('b{color:red}c{color:blue}');
  });
  it('refuses unbalanced braces', () => {
    expect(() => splitRules('a{b{}')).toThrow('not closed');
    expect(() => splitRules('a{}}')).toThrow('unbalanced "}"');
  });
  it('lists selectors inside conditional blocks and reports other at-rules', () => {
    const { lists, other } = selectorLists('a,b{x:y}@media print{c{x:y}}@keyframes k{0%{x:y}}');
    expect(lists).toEqual(['a,b', 'c']);
    expect(other.map((r) => r.prelude)).toEqual(['@keyframes k']);
  });
  it('splits selector lists at top-level commas only', () => {
    expect(splitSelectorList('a, :is(b,c) d,[x="1,2"]')).toEqual(['a', ':is(b,c) d', '[x="1,2"]']);
  });
});

describe('unusedScopedChunk', () => {
  const chunk = '.card[data-astro-cid-abc]{x:y}@media (min-width:40rem){.grid[data-astro-cid-def] img{x:y}}';
  it('is true when every selector needs a component absent from the page', () => {
    expect(unusedScopedChunk(chunk, '<p>no widgets</p>')).toBe(true);
  });
  it('is false when one of its components is on the page', () => {
    expect(unusedScopedChunk(chunk, '<div class="grid" data-astro-cid-def></div>')).toBe(false);
  });
  it('is false for unscoped rules, :not() scoping and names other sheets may use', () => {
    expect(unusedScopedChunk(`${chunk}p{x:y}`, '<p></p>')).toBe(false);
    expect(unusedScopedChunk('p:not([data-astro-cid-abc]){x:y}', '<p></p>')).toBe(false);
    expect(unusedScopedChunk(`${chunk}@keyframes k{0%{x:y}}`, '<p></p>')).toBe(false);
  });
});

describe('withoutUnmatchableRules', () => {
  it('drops rules scoped to absent components and conditional blocks left empty, keeping the rest in order', () => {
    const css = 'p{a:b}.x[data-astro-cid-gone]{a:b}@media print{.y[data-astro-cid-gone]{a:b}}@media (min-width:1px){.z[data-astro-cid-here]{a:b}.x[data-astro-cid-gone]{a:b}}.w[data-astro-cid-gone],.v{a:b}@keyframes k{0%{a:b}}';
    expect(withoutUnmatchableRules(css, '<div data-astro-cid-here></div>')).toBe('p{a:b}@media (min-width:1px){.z[data-astro-cid-here]{a:b}}.w[data-astro-cid-gone],.v{a:b}@keyframes k{0%{a:b}}');
  });
});

describe('criticalChunkCount', () => {
  it('takes leading whole chunks within the gzip budget', () => {
    expect(criticalChunkCount(['a{x:y}', 'b{x:y}'], 100)).toBe(2);
    // Random-looking text barely compresses: 200 bytes of it overflow a 100-byte budget.
    const big = `c{content:"${Array.from({ length: 200 }, (_, i) => ((i * 7919) % 97).toString(36)).join('')}"}`;
    expect(criticalChunkCount(['a{x:y}', big, 'b{x:y}'], 100)).toBe(1);
    expect(criticalChunkCount([big, 'a{x:y}'], 100)).toBe(0);
  });
});

describe('originatingSelector', () => {
  it('drops pseudo-elements and makes reader-driven states match nothing', () => {
    expect(originatingSelector('.a::before')).toBe('.a');
    expect(originatingSelector('.a:after')).toBe('.a');
    expect(originatingSelector('a:hover')).toBe('a:not(*)');
    expect(originatingSelector('.s:not(:focus-visible) .k')).toBe('.s:not(:not(*)) .k');
    expect(originatingSelector('li:nth-child(2)')).toBe('li:nth-child(2)');
  });
});

describe('restLinkPlace', () => {
  const page = (body: string) => `<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`;
  it('is just before the first element the rest styles', () => {
    const html = page('<header><h1>T</h1></header><main><p>one</p><section class="scrolly"><p>two</p></section></main>');
    const place = restLinkPlace(html, '.scrolly p{x:y}.scrolly{x:y}');
    expect(place.element).toBe('section.scrolly');
    expect(html.slice(place.offset)).toMatch(/^<section class="scrolly">/);
  });
  it('climbs out of elements a link may not sit in (lists, pictures, templates before it)', () => {
    const html = page('<template><div class="x"></div></template><main><ul><li class="x">a</li></ul></main>');
    const place = restLinkPlace(html, '.x{x:y}');
    expect(place.element).toBe('ul');
    expect(html.slice(place.offset)).toMatch(/^<ul>/);
  });
  it('ignores hover states and pseudo-elements, not the elements they hang on', () => {
    const html = page('<a href="/">home</a><p class="late">x</p>');
    expect(restLinkPlace(html, 'a:hover{x:y}.late:before{x:y}').element).toBe('p.late');
  });
  it('says only <head> is safe when the rest styles the body or the root', () => {
    expect(restLinkPlace(page('<p>x</p>'), 'body{x:y}').offset).toBeUndefined();
    expect(restLinkPlace(page('<p>x</p>'), ':root{--x:1}').offset).toBeUndefined();
  });
  it('is the end of <body> when the rest styles nothing on the page yet', () => {
    const html = page('<p>x</p>');
    const place = restLinkPlace(html, '.rendered-later{x:y}');
    expect(html.slice(place.offset)).toBe('</body></html>');
  });
});
