// After the build (after mergeStylesheets, before atomicOutput): on essay
// pages the rules their opening uses go inline into <head> with a CSP hash,
// and the one stylesheet moves to the end of <body> (src/lib/critical-css.ts),
// so the first paint waits for no request.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import type { AstroIntegration } from 'astro';
import { inlineCriticalCss } from '../lib/critical-css.ts';

/** A selector test against a DOM of `html`; a selector the DOM engine cannot read counts as matching (kept). */
function matcherFor(html: string): (selector: string) => boolean {
  const { document } = parseHTML(html);
  return (selector) => {
    try {
      return document.querySelector(selector) !== null;
    } catch {
      return true;
    }
  };
}

const sha256Base64 = (text: string) => createHash('sha256').update(text).digest('base64');

export function criticalCss(): AstroIntegration {
  return {
    name: 'dataset-essays:critical-css',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const css = new Map<string, string>();
        const read = (href: string) => css.get(href) ?? css.set(href, readFileSync(join(root, href), 'utf8')).get(href)!;
        let pages = 0;
        let largest = 0;
        for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          const file = join(entry.parentPath, entry.name);
          const html = readFileSync(file, 'utf8');
          // Essay pages: their layout marks the article for the search index.
          if (!html.includes('data-pagefind-body')) continue;
          const page = inlineCriticalCss(html, read, matcherFor, sha256Base64);
          if (!page.inlined) continue;
          writeFileSync(file, page.html);
          pages++;
          largest = Math.max(largest, page.inlined);
        }
        logger.info(`${pages} essay page(s) inline their opening's styles (largest ${largest.toLocaleString('en-US')} B) and link the stylesheet at the end of <body>`);
      },
    },
  };
}
