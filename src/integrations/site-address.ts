// Stops a production build while the site's address (SITE_URL, Astro's
// `site`) is still the example domain: every QR code, handout link, feed and
// sitemap entry would point at a placeholder. `npm run dev` shows a banner
// instead (src/components/site/SiteAddressBanner.astro).
import type { AstroIntegration } from 'astro';
import { EXAMPLE_SITE, exampleSiteError, isExampleSite } from '../lib/site-address.ts';

export function siteAddressCheck(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'dataset-essays:site-address',
    hooks: {
      // At the start of a real build (not when a tool such as vitest or knip loads the config).
      'astro:build:start': () => {
        if (site && isExampleSite(site)) throw exampleSiteError();
      },
      'astro:config:setup': ({ config, command, logger }) => {
        site = config.site;
        if (!isExampleSite(config.site)) return;
        if (command === 'dev') logger.warn(`the site's address is the placeholder ${EXAMPLE_SITE}: pages show a banner, and npm run build refuses until SITE_URL is set (docs/deploy.md)`);
      },
    },
  };
}
