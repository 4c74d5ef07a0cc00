// /rss.xml: every published essay, newest index first, all text escaped.
import type { APIRoute } from 'astro';
import rss from '@astrojs/rss';
import { publishedEssays } from '../lib/essays.ts';
import { rssOptions } from '../lib/feeds.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const essays = (await publishedEssays()).reverse();
  const abs = (path: string) => new URL(path, site).href;
  return rss(
    rssOptions(
      { title: SITE_NAME, description: SITE_DESCRIPTION, url: abs('/'), feedUrl: abs('/rss.xml') },
      essays.map(({ data }) => ({
        title: data.title,
        url: abs(`/${data.slug}/`),
        description: data.excerpt,
        authors: data.authors,
        category: data.contentType,
      })),
    ),
  );
};
