// Astro inlines its island runtime (the <astro-island> element, ~1.8 KB gzip)
// and one small script per hydration directive into any page whose render
// touched an island, and once more per rendered copy. Pages that carry the
// HTML of an island without the island (an embed of one figure beside an
// island, a print copy) then ship it for nothing; a slide deck that repeats a
// figure repeats the runtime with it. After the build: pages with no
// <astro-island> lose the runtime, its directive scripts, the island <style>
// and their CSP hashes; pages with islands keep the first copy of each.
import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style>([\s\S]*?)<\/style>/g;
/** The runtime defines <astro-island>; a directive script registers itself on self.Astro. */
const IS_ISLAND_SCRIPT = (text: string) => text.includes('customElements.define("astro-island"') || /\(self\.Astro\|\|\(self\.Astro=\{\}\)\)\.\w+=/.test(text);
export const ISLAND_STYLE = 'astro-island,astro-slot,astro-static-slot{display:contents}';

const hashSource = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Removes `source` from `directive` of the page's <meta> CSP. */
function dropSource(html: string, directive: string, source: string): string {
  const meta = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
  return html.replace(meta, (_, open: string, policy: string, close: string) =>
    open + policy.replace(new RegExp(`(${directive} [^;]*?) ${source.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`), '$1') + close,
  );
}

/** The page with island scripts only where they are needed (see the note at the top). */
export function pruneIslandRuntime(html: string): string {
  const hasIslands = html.includes('<astro-island');
  const seen = new Set<string>();
  const dropped = new Set<string>();
  let out = html.replace(INLINE_SCRIPT, (element, text: string) => {
    if (!IS_ISLAND_SCRIPT(text)) return element;
    if (hasIslands && !seen.has(text)) {
      seen.add(text);
      return element;
    }
    dropped.add(text);
    return '';
  });
  if (!hasIslands) out = out.replace(INLINE_STYLE, (element, text: string) => (text === ISLAND_STYLE ? (dropped.add(`style:${text}`), '') : element));
  // A hash leaves the CSP only when no element with that text is left.
  const scriptsLeft = new Set([...out.matchAll(INLINE_SCRIPT)].map((m) => m[1]!));
  const stylesLeft = new Set([...out.matchAll(INLINE_STYLE)].map((m) => m[1]!));
  for (const text of dropped) {
    if (text.startsWith('style:')) {
      const style = text.slice('style:'.length);
      if (!stylesLeft.has(style)) out = dropSource(out, 'style-src', hashSource(style));
    } else if (!scriptsLeft.has(text)) {
      out = dropSource(out, 'script-src', hashSource(text));
    }
  }
  return out;
}
