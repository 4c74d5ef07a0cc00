// One stylesheet per page instead of several: Astro splits CSS by component
// chunk, so an essay page links six small render-blocking files (Base, the
// essay components, the print styles, ...). A run of adjacent
// <link rel="stylesheet"> to our own /_astro/*.css files is replaced by one
// link to their concatenation, in the same order: the cascade is the same
// (no file uses @import or @charset, which must come first; checked here).
// The name carries a content hash, so pages with the same set share one file.
//
// With `critical` (the build's setting), the run in <head> goes further
// (src/lib/critical-css.ts): rules (and whole chunks) that can match nothing
// on the page are left out; the leading chunks (at most 3 KB gzip) are inlined as a
// <style> whose sha256 joins the page's CSP; the rest is preloaded from
// <head> and linked in <body> before the first element it styles, so it does
// not block the first paint. Readers without JavaScript get every rule: no
// script is involved.
import { createHash } from 'node:crypto';
import { criticalChunkCount, restLinkPlace, unusedScopedChunk, withoutUnmatchableRules } from './critical-css.ts';

const LINK = /<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)">/;
const RUN = new RegExp(`${LINK.source}(?:\\s*${LINK.source})+`, 'g');
const HEAD_RUN = new RegExp(`${LINK.source}(?:\\s*${LINK.source})*`);

export interface MergedPage {
  html: string;
  /** New stylesheets: root-relative path -> contents. */
  files: Map<string, string>;
}

export interface MergeOptions {
  /** Leave out unused chunks, inline the critical ones, link the rest from <body>. */
  critical?: boolean;
}

function chunkText(href: string, read: (href: string) => string): string {
  const text = read(href);
  if (/^\s*@(import|charset)\b/m.test(text)) throw new Error(`${href} uses @import or @charset: it cannot be merged with other stylesheets`);
  return text.trimEnd();
}

/** The href for chunks merged (one chunk keeps its own file). */
function mergedHref(hrefs: string[], chunks: string[], files: Map<string, string>): string {
  if (hrefs.length === 1 && !hrefs[0]!.endsWith('#pruned')) return hrefs[0]!;
  const css = chunks.join('\n');
  const href = `/_astro/page.${createHash('sha256').update(css).digest('base64url').slice(0, 10)}.css`;
  files.set(href, `${css}\n`);
  return href;
}

export const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The page with `source` added to the style-src of its <meta> CSP; throws if the page has none (the inline style would be blocked). */
export function allowStyle(html: string, source: string, page = 'the page'): string {
  const directive = /(<meta http-equiv="content-security-policy" content="[^"]*?style-src )([^;"]*)/i;
  if (!directive.test(html)) throw new Error(`${page}: no <meta> CSP with a style-src to add the critical CSS hash to`);
  return html.replace(directive, (_, before: string, sources: string) => `${before}${sources.trimEnd()} ${source}`);
}

/** The head's stylesheet run split into inline critical CSS and a body link to the rest (see the note at the top). */
function splitHeadRun(html: string, read: (href: string) => string, files: Map<string, string>, page: string): string {
  const headEnd = html.indexOf('</head>');
  const run = HEAD_RUN.exec(html);
  if (!run || headEnd < 0 || run.index > headEnd) return html;
  const hrefs = [...run[0].matchAll(new RegExp(LINK.source, 'g'))].map((m) => m[1]!);
  const used = hrefs
    .map((href) => ({ href, css: chunkText(href, read) }))
    .filter((c) => !unusedScopedChunk(c.css, html))
    .map((c) => {
      const css = withoutUnmatchableRules(c.css, html);
      // A chunk with rules left out is a new file, never the original's name.
      return { href: css === c.css ? c.href : `${c.href}#pruned`, css };
    })
    .filter((c) => c.css !== '');
  const count = criticalChunkCount(used.map((c) => c.css));
  const critical = used.slice(0, count).map((c) => c.css).join('\n');
  const rest = used.slice(count);
  const before = html.slice(0, run.index);
  const after = html.slice(run.index + run[0].length);
  const restHref = rest.length ? mergedHref(rest.map((c) => c.href), rest.map((c) => c.css), files) : undefined;
  const restLink = restHref ? `<link rel="stylesheet" href="${restHref}">` : '';
  if (count === 0) return `${before}${restLink}${after}`;
  const style = `<style>${critical}</style>`;
  let out = `${before}${style}${after}`;
  if (restHref) {
    const place = restLinkPlace(out, rest.map((c) => c.css).join('\n'));
    out = place.offset === undefined
      ? `${before}${style}${restLink}${after}`
      : `${before}${style}<link rel="preload" href="${restHref}" as="style">${after.slice(0, place.offset - before.length - style.length)}${restLink}${after.slice(place.offset - before.length - style.length)}`;
  }
  return allowStyle(out, cspHash(critical), page);
}

/** Merges each run of two or more adjacent stylesheet links in `html`; `read` returns a stylesheet's text by URL. */
export function mergeStylesheetLinks(html: string, read: (href: string) => string, options: MergeOptions = {}, page = 'the page'): MergedPage {
  const files = new Map<string, string>();
  const split = options.critical ? splitHeadRun(html, read, files, page) : html;
  const merged = split.replace(RUN, (run) => {
    const hrefs = [...run.matchAll(new RegExp(LINK.source, 'g'))].map((m) => m[1]!);
    return `<link rel="stylesheet" href="${mergedHref(hrefs, hrefs.map((href) => chunkText(href, read)), files)}">`;
  });
  return { html: merged, files };
}
