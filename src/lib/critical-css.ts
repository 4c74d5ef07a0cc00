// Which of a page's stylesheet chunks it needs, and which it needs before
// its first paint. Pure functions over built HTML and CSS text, used by
// src/lib/merge-stylesheets.ts after the build.
//
// - A rule whose every selector is scoped to an Astro component absent from
//   the page (`[data-astro-cid-x]` with no element carrying that attribute)
//   can match nothing there: Astro components render on the server only, so
//   no script adds them later. Astro bundles the styles of every component a
//   route imports, so e.g. the see:set widgets' styles otherwise ride along
//   on every essay. Such rules, and chunks of nothing else, are left out.
// - Critical CSS is a prefix of the page's chunks (whole chunks, in order, so
//   the cascade is the one of the single stylesheet it replaces), at most
//   CRITICAL_GZIP_BYTES gzip. The rest is linked from the <body>, just before
//   the first element any of its rules can match: what comes before it paints
//   with the critical rules alone, and those elements are ones the rest does
//   not style, so nothing shifts when it arrives.
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { isConditional, isStyleRule, selectorLists, splitRules, splitSelectorList, type CssRule } from './css-rules.ts';

/** Issue 18: critical CSS inline, at most 3 KB gzip. */
export const CRITICAL_GZIP_BYTES = 3 * 1024;

export const gzipBytes = (text: string) => gzipSync(text, { level: 9 }).length;

const CID = /\[data-astro-cid-([\w-]+)\]/g;

/** Selector text with `:not(...)` arguments removed: a component named only inside :not() does not scope the selector. */
const withoutNot = (selector: string) => selector.replace(/:not\((?:[^()]|\([^()]*\))*\)/g, '');

/** True when no selector of the list can match in `html`: each names an Astro component absent from it. */
function unmatchable(list: string, html: string): boolean {
  return splitSelectorList(list).every((selector) => {
    const cids = [...withoutNot(selector).matchAll(CID)].map((m) => m[1]!);
    return cids.length > 0 && cids.some((cid) => !html.includes(`data-astro-cid-${cid}`));
  });
}

/** True when no rule of `css` can match anything in `html` (see the note at the top). */
export function unusedScopedChunk(css: string, html: string): boolean {
  const { lists, other } = selectorLists(css);
  if (other.length > 0 || lists.length === 0) return false;
  return lists.every((list) => unmatchable(list, html));
}

/**
 * `css` without the style rules that can match nothing in `html` (scoped to
 * absent components), and without conditional blocks left empty; everything
 * else as written. Dropping rules that match nothing leaves the cascade as it was.
 */
export function withoutUnmatchableRules(css: string, html: string): string {
  const keep = (rules: CssRule[]): string[] =>
    rules.flatMap((rule) => {
      if (isStyleRule(rule)) return unmatchable(rule.prelude, html) ? [] : [rule.text];
      if (isConditional(rule)) {
        const inner = keep(splitRules(rule.body!));
        return inner.length ? [`${rule.prelude}{${inner.join('')}}`] : [];
      }
      return [rule.text];
    });
  return keep(splitRules(css)).join('');
}

/** How many leading chunks fit in `budget` gzip bytes together (0 if the first does not). */
export function criticalChunkCount(chunks: readonly string[], budget = CRITICAL_GZIP_BYTES): number {
  let count = 0;
  while (count < chunks.length && gzipBytes(chunks.slice(0, count + 1).join('\n')) <= budget) count++;
  return count;
}

/**
 * A selector as it matches its element at first paint: pseudo-elements
 * (`::before`, legacy `:after`) dropped, since they style the element they
 * hang on; states no element is in before the reader acts (`:hover`,
 * `:focus-visible`, `:target`) become `:not(*)`, which matches nothing.
 */
export function originatingSelector(selector: string): string {
  return selector
    .replace(/::?(before|after|first-line|first-letter|marker|placeholder|selection|backdrop|file-selector-button|-webkit-[\w-]+|-moz-[\w-]+)\b(\([^)]*\))?/gi, '')
    .replace(/:(hover|active|focus|focus-visible|focus-within|target|target-within|visited|popover-open|modal|fullscreen|user-invalid|user-valid|autofill)(?![\w-])/gi, ':not(*)');
}

/** Elements a link may precede: ones whose content model is flow content (no <ul>, <table>, <picture>, <details>, <figure>, SVG ...). */
const FLOW_PARENTS = new Set(['body', 'main', 'article', 'section', 'aside', 'nav', 'header', 'footer', 'blockquote', 'div']);

export interface LinkPlace {
  /**
   * Offset in the HTML before which the link goes (the end of <body> when the
   * rest styles nothing there yet); undefined: only <head> is safe (the rest
   * styles an ancestor of everything, or the element could not be located).
   */
  offset: number | undefined;
  /** The element there, for messages (e.g. `section.scrolly`). */
  element: string | undefined;
}

/**
 * Offsets of every start tag of the document tree, in document order: comments
 * and the text of script, style, textarea and title skipped, and the contents
 * of <template> (a separate fragment, not part of the tree).
 */
function startTagOffsets(html: string): { offset: number; name: string }[] {
  const tags: { offset: number; name: string }[] = [];
  const lower = html.toLowerCase();
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\/[^>]*>|<([a-zA-Z][\w:-]*)(?:"[^"]*"|'[^']*'|[^'">])*>/g;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    if (!m[1]) continue;
    const name = m[1].toLowerCase();
    tags.push({ offset: m.index, name });
    if (m[0].endsWith('/>')) continue;
    if (/^(script|style|textarea|title)$/.test(name)) {
      const close = lower.indexOf(`</${name}`, token.lastIndex);
      token.lastIndex = close < 0 ? html.length : close;
    } else if (name === 'template') {
      // Skip to the matching </template>, counting nested ones.
      const nested = /<template\b|<\/template\s*>/g;
      nested.lastIndex = token.lastIndex;
      let depth = 1;
      for (let t = nested.exec(lower); t && depth > 0; t = depth > 0 ? nested.exec(lower) : null) depth += t[0].startsWith('</') ? -1 : 1;
      token.lastIndex = depth === 0 ? nested.lastIndex : html.length;
    }
  }
  return tags;
}

const describe = (el: Element) => `${el.localName}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;

/** Where the link to the rest of a page's CSS goes (see the note at the top). */
export function restLinkPlace(html: string, restCss: string): LinkPlace {
  const { document } = parseHTML(html);
  const elements = [...document.querySelectorAll('*')] as Element[];
  const index = new Map(elements.map((el, i) => [el, i]));
  const body = document.body as Element | null;
  if (!body) return { offset: undefined, element: undefined };
  let first = Infinity;
  for (const list of selectorLists(restCss).lists) {
    for (const selector of splitSelectorList(list)) {
      let matched: Element | null;
      try {
        matched = document.querySelector(originatingSelector(selector) || '*') as Element | null;
      } catch {
        // A selector this matcher cannot read might match anything: keep the sheet in <head>.
        return { offset: undefined, element: undefined };
      }
      if (matched) first = Math.min(first, index.get(matched) ?? Infinity);
    }
  }
  if (first === Infinity) {
    // Nothing on the page yet (what scripts render later): the end of <body>.
    const end = html.lastIndexOf('</body>');
    return { offset: end < 0 ? undefined : end, element: undefined };
  }
  let target = elements[first]!;
  // Anything the rest styles that is not inside <body> (html, body, head): only <head> is safe.
  if (!body.contains(target) || target === body) return { offset: undefined, element: describe(target) };
  while (target.parentElement && !(FLOW_PARENTS.has(target.parentElement.localName) && target.parentElement.parentElement?.localName !== 'dl')) {
    target = target.parentElement;
  }
  if (target === body) return { offset: undefined, element: describe(target) };
  const tag = startTagOffsets(html)[index.get(target)!];
  // The tokenizer and the parser must agree on which tag this is; otherwise play safe.
  if (!tag || tag.name !== target.localName) return { offset: undefined, element: describe(target) };
  return { offset: tag.offset, element: describe(target) };
}
