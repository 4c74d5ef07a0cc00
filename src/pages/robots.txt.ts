// /robots.txt: everything may be crawled except the iframe copies in /embed/.
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/feeds.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(new URL('/sitemap.xml', site).href), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
