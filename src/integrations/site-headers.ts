// Writes dist/_headers (Netlify / Cloudflare Pages) from the one header list
// in src/lib/site-headers.ts, so the security and cache headers scripts/serve.ts
// sends travel with the site to whatever host serves it.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { netlifyHeadersFile } from '../lib/site-headers.ts';
import { writeFileAtomic } from '../lib/atomic-write.ts';

export function siteHeaders(): AstroIntegration {
  return {
    name: 'dataset-essays:site-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        writeFileAtomic(fileURLToPath(new URL('_headers', dir)), netlifyHeadersFile());
        logger.info('_headers written (docs/deploy.md for nginx and Caddy)');
      },
    },
  };
}
