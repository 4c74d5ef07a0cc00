// The island runtime stays only on pages with islands, once, and the CSP follows.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ISLAND_STYLE, pruneIslandRuntime } from '../../src/lib/island-runtime.ts';

const RUNTIME = '(()=>{class f extends HTMLElement{};customElements.get("astro-island")||customElements.define("astro-island",f)})();';
const VISIBLE = '(()=>{var a=()=>{};(self.Astro||(self.Astro={})).visible=a;window.dispatchEvent(new Event("astro:visible"));})();';
const OTHER = 'document.documentElement.dataset.js="";';
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const page = (body: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' ${hash(VISIBLE)} ${hash(RUNTIME)} ${hash(OTHER)}; style-src 'self' ${hash(ISLAND_STYLE)}; style-src-attr 'unsafe-inline';"><style>${ISLAND_STYLE}</style></head><body>${body}</body></html>`;
const script = (text: string) => `<script>${text}</script>`;

describe('pruneIslandRuntime', () => {
  it('removes the runtime, its directive scripts, the island style and their hashes from a page without islands', () => {
    const out = pruneIslandRuntime(page(`<figure>x</figure>${script(VISIBLE)}${script(RUNTIME)}${script(OTHER)}`));
    expect(out).not.toContain('astro-island');
    expect(out).not.toContain('self.Astro');
    expect(out).toContain(script(OTHER));
    expect(out).not.toContain(hash(RUNTIME));
    expect(out).not.toContain(hash(VISIBLE));
    expect(out).not.toContain(hash(ISLAND_STYLE));
    expect(out).toContain(`script-src 'self' ${hash(OTHER)};`);
    expect(out).toContain("style-src 'self'; style-src-attr 'unsafe-inline';");
  });

  it('keeps the first copy of each script on a page with islands, and every hash', () => {
    const copy = `${script(VISIBLE)}${script(RUNTIME)}<astro-island uid="a"></astro-island>`;
    const html = page(`${copy}<section>${copy}</section>${copy}`);
    const out = pruneIslandRuntime(html);
    expect(out.split(RUNTIME)).toHaveLength(2);
    expect(out.split(VISIBLE)).toHaveLength(2);
    expect(out.split('<astro-island uid="a">')).toHaveLength(4);
    expect(out.indexOf(RUNTIME)).toBeLessThan(out.indexOf('<astro-island'));
    expect(out).toContain(hash(RUNTIME));
    expect(out).toContain(`<style>${ISLAND_STYLE}</style>`);
  });

  it('leaves a page with no island scripts or style unchanged', () => {
    const html = page('<p>text</p>').replace(`<style>${ISLAND_STYLE}</style>`, '');
    expect(pruneIslandRuntime(html)).toBe(html);
  });
});
