// First step of `npm run build`: refuse at once, before the data and image
// steps, while the site's address is the placeholder (src/lib/site-address.ts).
// The same check also stops a direct `astro build` (src/integrations/site-address.ts);
// this one prints the author's message alone, without Astro's stack trace.
import { exampleSiteError, isExampleSite, siteAddress } from '../src/lib/site-address.ts';

try {
  if (isExampleSite(siteAddress())) throw exampleSiteError();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
