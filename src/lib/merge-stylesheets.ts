// One stylesheet per page instead of several: Astro splits CSS by component
// chunk, so an essay page links six small render-blocking files (Base, the
// essay components, the print styles, ...). A run of adjacent
// <link rel="stylesheet"> to our own /_astro/*.css files is replaced by one
// link to their concatenation, in the same order: the cascade is the same
// (no file uses @import or @charset, which must come first; checked here).
// The name carries a content hash, so pages with the same set share one file.
import { createHash } from 'node:crypto';

const LINK = /<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)">/;
const RUN = new RegExp(`${LINK.source}(?:\\s*${LINK.source})+`, 'g');

export interface MergedPage {
  html: string;
  /** New stylesheets: root-relative path -> contents. */
  files: Map<string, string>;
}

/** Merges each run of two or more adjacent stylesheet links in `html`; `read` returns a stylesheet's text by URL. */
export function mergeStylesheetLinks(html: string, read: (href: string) => string): MergedPage {
  const files = new Map<string, string>();
  const merged = html.replace(RUN, (run) => {
    const hrefs = [...run.matchAll(new RegExp(LINK.source, 'g'))].map((m) => m[1]!);
    const css = hrefs
      .map((href) => {
        const text = read(href);
        if (/^\s*@(import|charset)\b/m.test(text)) throw new Error(`${href} uses @import or @charset: it cannot be merged with other stylesheets`);
        return text.trimEnd();
      })
      .join('\n');
    const href = `/_astro/page.${createHash('sha256').update(css).digest('base64url').slice(0, 10)}.css`;
    files.set(href, `${css}\n`);
    return `<link rel="stylesheet" href="${href}">`;
  });
  return { html: merged, files };
}
