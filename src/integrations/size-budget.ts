// Measures the finished build (pages' gzip HTML, <img> counts, total size,
// growth against the site it replaces) and warns when a budget of
// src/lib/size-budget.ts is crossed. Runs before atomicOutput() swaps the
// build in, so the previous dist/ is still there to compare with.
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { sizeWarnings, type PageMeasure } from '../lib/size-budget.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}
const totalBytes = (dir: string) => files(dir).reduce((sum, f) => sum + statSync(f).size, 0);

export function sizeBudget(): AstroIntegration {
  let outDir = '';
  return {
    name: 'dataset-essays:size-budget',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
      },
      'astro:build:done': ({ dir, logger }) => {
        const built = fileURLToPath(dir).replace(/[\\/]+$/, '');
        const pages: PageMeasure[] = files(built)
          .filter((f) => f.endsWith('.html'))
          .map((f) => {
            const html = readFileSync(f);
            return { path: relative(built, f), htmlGzipBytes: gzipSync(html, { level: 6 }).length, images: (html.toString().match(/<img\b/g) ?? []).length };
          });
        // While building into dist.staging/, the last good site is still at dist/.
        const previous = outDir.replace(/\.staging$/, '');
        const previousSiteBytes = previous !== built && existsSync(previous) ? totalBytes(previous) : undefined;
        const siteBytes = totalBytes(built);
        for (const warning of sizeWarnings({ pages, siteBytes, previousSiteBytes })) logger.warn(warning);
        logger.info(`${pages.length} pages, ${(siteBytes / 1024 / 1024).toFixed(1)} MB; largest page ${Math.round(Math.max(...pages.map((p) => p.htmlGzipBytes)) / 1024)} KB gzip HTML`);
      },
    },
  };
}
