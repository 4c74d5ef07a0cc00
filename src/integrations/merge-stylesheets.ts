// After the build: every page inlines its critical CSS and links the rest of
// its stylesheets as one file that does not block the first paint
// (src/lib/merge-stylesheets.ts). Must come before atomicOutput().
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { mergeStylesheetLinks } from '../lib/merge-stylesheets.ts';

export function mergeStylesheets(): AstroIntegration {
  return {
    name: 'dataset-essays:merge-stylesheets',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const written = new Set<string>();
        let pages = 0;
        for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          const file = join(entry.parentPath, entry.name);
          const html = readFileSync(file, 'utf8');
          const merged = mergeStylesheetLinks(html, (href) => readFileSync(join(root, href), 'utf8'), { critical: true }, relative(root, file));
          if (merged.html === html) continue;
          for (const [href, css] of merged.files) {
            if (written.has(href)) continue;
            writeFileSync(join(root, href), css);
            written.add(href);
          }
          writeFileSync(file, merged.html);
          pages++;
        }
        logger.info(`${pages} page(s) now inline their critical CSS and link one stylesheet at most (${written.size} merged file(s))`);
      },
    },
  };
}
