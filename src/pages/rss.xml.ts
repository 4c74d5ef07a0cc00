// /rss.xml: every published essay, newest index first, all text escaped.
import type { APIRoute } from 'astro';
import { publishedEssays } from '../lib/essays.ts';
import { rssXml } from '../lib/feeds.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const essays = (await publishedEssays()).reverse();
  const abs = (path: string) => new URL(path, site).href;
  const body = rssXml(
    { title: SITE_NAME, description: SITE_DESCRIPTION, url: abs('/'), feedUrl: abs('/rss.xml') },
    essays.map(({ data }) => ({
      title: data.title,
      url: abs(`/${data.slug}/`),
      description: data.excerpt,
      authors: data.authors,
      category: data.contentType,
    })),
  );
  return new Response(body, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};
