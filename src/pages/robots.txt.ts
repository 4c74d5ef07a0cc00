// /robots.txt: everything may be crawled except the iframe copies in /embed/.
import type { APIRoute } from 'astro';
import { robotsTxt, SITEMAP_INDEX } from '../lib/feeds.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(new URL(`/${SITEMAP_INDEX}`, site).href), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
