// Writes dist/sitemap.xml after the build from the pages Astro actually built,
// so the sitemap can never list a page that does not exist (or miss one).
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { isIndexablePage, sitemapXml } from '../lib/feeds.ts';
import { writeFileAtomic } from '../../scripts/lib/atomic-write.ts';

export function sitemap(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'dataset-essays:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        if (!site) throw new Error('astro.config.mjs must set `site` for the sitemap');
        const urls = pages
          .map((p) => p.pathname)
          .filter((path) => !/\.[a-z0-9]+$/i.test(path) && isIndexablePage(path))
          .map((path) => new URL(`/${path}`, site).href)
          .sort();
        const target = fileURLToPath(new URL('sitemap.xml', dir));
        writeFileAtomic(target, sitemapXml(urls));
        logger.info(`sitemap.xml: ${urls.length} pages`);
      },
    },
  };
}
