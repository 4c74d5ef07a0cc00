// The site's own address (Astro's `site`): it goes into print handouts, slide
// QR codes, the sitemap, the RSS feed, canonical links and share cards. It
// comes from the SITE_URL environment variable; unset, it is the example
// domain, which `npm run build` refuses to publish and `npm run dev` shows a
// banner about. `npm start` and `npm test` build for a loopback address they
// serve themselves (package.json), which is honest for a local copy.
import { AuthorError } from './author-error.ts';

/** The placeholder address the project ships with; never a real site. */
export const EXAMPLE_SITE = 'https://dataset-essays.example.org';
/** What `npm start` and `npm test` build for when SITE_URL is unset: the local server. */
export const LOCAL_SITE = 'http://127.0.0.1:4321';

const WHERE = 'SITE_URL (environment)';
const FIX_EXAMPLE = 'set SITE_URL to the address readers will use, e.g. `SITE_URL=https://essays.your-university.edu npm run build` (docs/deploy.md: "The site\'s address")';

/** SITE_URL, checked: an absolute http(s) address with no query or fragment; the example domain when unset. */
export function siteAddress(env: Record<string, string | undefined> = process.env): string {
  const raw = env['SITE_URL']?.trim();
  if (!raw) return EXAMPLE_SITE;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AuthorError(`"${raw}" is not an address`, { file: WHERE, field: 'SITE_URL', hint: 'write the whole address with its scheme, e.g. https://essays.example.edu' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AuthorError(`"${raw}" is not an http(s) address`, { file: WHERE, field: 'SITE_URL', hint: 'write the whole address with its scheme, e.g. https://essays.example.edu' });
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new AuthorError(`"${raw}" has a query, fragment or credentials`, { file: WHERE, field: 'SITE_URL', hint: 'give only the scheme, host and (if any) path, e.g. https://essays.example.edu' });
  }
  return url.href.replace(/\/$/, '');
}

/** Whether an address is the shipped placeholder (any path on its host). */
export function isExampleSite(site: string | URL | undefined): boolean {
  return site !== undefined && new URL(site).hostname === new URL(EXAMPLE_SITE).hostname;
}

/** The error a production build stops with while the address is the placeholder. */
export function exampleSiteError(): AuthorError {
  return new AuthorError(`the site's address is still the placeholder ${EXAMPLE_SITE}, so every QR code, handout link, feed and sitemap entry would point nowhere; refusing to publish`, {
    file: WHERE,
    field: 'SITE_URL',
    hint: `${FIX_EXAMPLE}; to look at the site on this computer, use npm start (it builds for ${LOCAL_SITE})`,
  });
}

/** A short form of a URL for people to read and type: no scheme, no trailing slash. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
