// Critical CSS: the rules of a page's stylesheet that style what the first
// screen shows, to inline in <head> so the first paint needs no request (the
// whole stylesheet follows at the end of <body>, where it blocks nothing).
// Pure: the caller says which selectors match (src/integrations/critical-css.ts
// asks a DOM of the page's opening). Works on the minified CSS Astro writes.

/** A top-level piece of a stylesheet, in source order. */
export type CssBlock =
  | { kind: 'rule'; selector: string; text: string }
  /** @media, @supports, @container, @layer with a block: kept when any rule inside is. */
  | { kind: 'group'; prelude: string; blocks: CssBlock[] }
  /** Anything else (@keyframes, @font-face, @property, statements): kept by `keepOther`. */
  | { kind: 'other'; name: string; text: string };

const GROUPS = new Set(['media', 'supports', 'container', 'layer']);

/** Index just past the quoted string or comment starting at `i`, or `i` when none starts there. */
function skipQuoted(css: string, i: number): number {
  const c = css[i];
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  if (c === '/' && css[i + 1] === '*') {
    const end = css.indexOf('*/', i + 2);
    return end < 0 ? css.length : end + 2;
  }
  return i;
}

/** Splits a stylesheet into its top-level blocks (recursing into grouping at-rules). */
export function parseCss(css: string): CssBlock[] {
  const blocks: CssBlock[] = [];
  let i = 0;
  while (i < css.length) {
    while (i < css.length && /\s/.test(css[i]!)) i++;
    if (i >= css.length) break;
    if (css.startsWith('/*', i)) {
      i = skipQuoted(css, i);
      continue;
    }
    // The prelude runs to the first "{" or ";" outside strings.
    const start = i;
    while (i < css.length && css[i] !== '{' && css[i] !== ';') {
      const next = skipQuoted(css, i);
      i = next > i ? next : i + 1;
    }
    const prelude = css.slice(start, i).trim();
    if (css[i] === ';' || i >= css.length) {
      i++;
      blocks.push({ kind: 'other', name: atName(prelude), text: `${prelude};` });
      continue;
    }
    // The block runs to its matching "}".
    const open = i;
    let depth = 0;
    while (i < css.length) {
      const next = skipQuoted(css, i);
      if (next > i) {
        i = next;
        continue;
      }
      if (css[i] === '{') depth++;
      else if (css[i] === '}' && --depth === 0) break;
      i++;
    }
    const body = css.slice(open + 1, i);
    i++;
    const name = atName(prelude);
    if (!prelude.startsWith('@')) blocks.push({ kind: 'rule', selector: prelude, text: `${prelude}{${body}}` });
    else if (GROUPS.has(name)) blocks.push({ kind: 'group', prelude, blocks: parseCss(body) });
    else blocks.push({ kind: 'other', name, text: `${prelude}{${body}}` });
  }
  return blocks;
}

function atName(prelude: string): string {
  return prelude.startsWith('@') ? (/^@([\w-]+)/.exec(prelude)?.[1] ?? '').toLowerCase() : '';
}

/** The selectors of a selector list, split on commas outside parentheses, brackets and strings. */
export function splitSelectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const next = skipQuoted(list, i);
    if (next > i) {
      i = next - 1;
      continue;
    }
    const c = list[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out.filter(Boolean);
}

// Pseudo-classes a static page cannot be in (a reader's action or a later
// state) and pseudo-elements: dropped before matching, so `a:hover` counts as
// `a` and `p::first-line` as `p`. Structural ones (:not, :is, :first-child,
// ...) stay: the DOM can answer them.
const DYNAMIC = /::?(?:hover|focus-visible|focus-within|focus|active|visited|link|any-link|target|checked|placeholder-shown|autofill|open|popover-open|modal|fullscreen|before|after|first-letter|first-line|marker|placeholder|selection|backdrop|file-selector-button|(?:-webkit-|-moz-)[\w-]+)(?![\w-])(?:\([^)]*\))?/gi;

/** The selector as a static DOM can test it: dynamic pseudo-classes and pseudo-elements removed. */
export function staticSelector(selector: string): string {
  let s = selector.replace(DYNAMIC, '').replace(/\s+/g, ' ').trim();
  // "a:hover > b" -> "a > b"; a compound left empty ("::selection", "x > :focus") becomes "*".
  s = s.replace(/([>+~(,])\s*(?=[>+~),])/g, '$1 *');
  if (/^[>+~]/.test(s)) s = `* ${s}`;
  if (/[>+~]$/.test(s)) s = `${s} *`;
  return s || '*';
}

export interface CriticalOptions {
  /** Whether a (static) selector matches something on the first screen. */
  matches: (selector: string) => boolean;
  /** Other at-rules to keep (default: @font-face, @property, and @keyframes whose name the kept rules use). */
  keepOther?: (block: Extract<CssBlock, { kind: 'other' }>, kept: string) => boolean;
}

/** Whether `css` names `name` as a whole word (an animation using a keyframes rule). */
function usesName(css: string, name: string | undefined): boolean {
  return !!name && new RegExp(`(^|[^\\w-])${name.replace(/[-]/g, '\\-')}($|[^\\w-])`).test(css);
}

function keepRule(rule: Extract<CssBlock, { kind: 'rule' }>, matches: (s: string) => boolean): boolean {
  return splitSelectors(rule.selector).some((s) => matches(staticSelector(s)));
}

function keptText(blocks: CssBlock[], matches: (s: string) => boolean): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'rule') {
      if (keepRule(b, matches)) out.push(b.text);
    } else if (b.kind === 'group') {
      const inner = keptText(b.blocks, matches);
      if (inner.length) out.push(`${b.prelude}{${inner.join('')}}`);
    }
  }
  return out;
}

/**
 * The rules of `css` that `matches` says style the first screen, in their
 * source order (so the cascade among them is the stylesheet's), inside the
 * same @media/@supports/@container groups.
 */
export function criticalCss(css: string, options: CriticalOptions): string {
  const blocks = parseCss(css);
  const rules = keptText(blocks, options.matches).join('');
  const keepOther = options.keepOther ?? ((b, kept) => b.name === 'font-face' || b.name === 'property' || (b.name === 'keyframes' && usesName(kept, /^@keyframes\s+([\w-]+)/.exec(b.text)?.[1])));
  const others = blocks.filter((b): b is Extract<CssBlock, { kind: 'other' }> => b.kind === 'other' && keepOther(b, rules)).map((b) => b.text);
  return others.join('') + rules;
}

/**
 * Where a page's opening ends, as an offset in its HTML: at the first figure,
 * scrolly section, table, aside or island after the first <h2> of the essay
 * body (the first screen of every essay at 412 to 1920 px wide shows less:
 * header, cover, contents, the first paragraphs). The whole page when there is
 * no essay body or no <h2>.
 */
export function openingEnd(html: string): number {
  const body = html.indexOf('data-pagefind-body');
  const h2 = body < 0 ? -1 : html.indexOf('<h2', body);
  if (h2 < 0) return html.length;
  const figure = /<(?:section|figure|astro-island|table|aside)\b/.exec(html.slice(h2));
  return figure ? h2 + figure.index : html.length;
}

/** The CSP source for an inline <style> element's text. */
export function styleHash(css: string, sha256Base64: (text: string) => string): string {
  return `'sha256-${sha256Base64(css)}'`;
}

/** The page's <meta> CSP with `source` added to style-src (the directive is created after default-src if missing). */
export function allowStyle(html: string, source: string): string {
  const meta = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i.exec(html);
  if (!meta) throw new Error('the page has no <meta> content-security-policy to allow its critical styles in');
  const policy = meta[2]!;
  const next = /(^|;)\s*style-src\s/.test(policy)
    ? policy.replace(/((?:^|;)\s*style-src\s[^;]*)/, `$1 ${source}`)
    : `${policy.replace(/;?\s*$/, '')}; style-src 'self' ${source};`;
  return html.slice(0, meta.index) + meta[1] + next + meta[3] + html.slice(meta.index + meta[0].length);
}

export interface InlinedPage {
  html: string;
  /** Bytes of CSS inlined (0 when the page was left as it was). */
  inlined: number;
}

/**
 * The page with its one head stylesheet split: the rules its opening uses
 * inline in <head> (hashed into the CSP), the whole stylesheet linked at the
 * end of <body>, where it no longer holds back the first paint. Unchanged when
 * the head links no stylesheet or several.
 */
export function inlineCriticalCss(html: string, read: (href: string) => string, matchesIn: (openingHtml: string) => (selector: string) => boolean, sha256Base64: (text: string) => string): InlinedPage {
  const headEnd = html.indexOf('</head>');
  const links = [...html.slice(0, headEnd).matchAll(/<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)">/g)];
  if (links.length !== 1 || headEnd < 0) return { html, inlined: 0 };
  const link = links[0]!;
  const css = criticalCss(read(link[1]!), { matches: matchesIn(html.slice(0, openingEnd(html))) });
  if (/<\/style/i.test(css)) throw new Error(`${link[1]}: the critical rules contain "</style", which would end the inline element`);
  const bodyEnd = html.lastIndexOf('</body>');
  if (bodyEnd < 0) return { html, inlined: 0 };
  const withStyle = html.slice(0, link.index) + `<style>${css}</style>` + html.slice(link.index + link[0].length, bodyEnd) + link[0] + html.slice(bodyEnd);
  return { html: allowStyle(withStyle, styleHash(css, sha256Base64)), inlined: css.length };
}
