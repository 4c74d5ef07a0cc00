// Discovery files: the options of the RSS feed (written by @astrojs/rss), which
// built pages the sitemap lists (written by @astrojs/sitemap), and robots.txt.
import type { RSSOptions } from '@astrojs/rss';
import { escapeXml, xmlChars } from './xml-escape.ts';

export interface FeedItem {
  title: string;
  /** Absolute URL of the essay. */
  url: string;
  description: string;
  authors: readonly string[];
  category: string;
}

export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the site's home page. */
  url: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
}

/** The sitemap's name: @astrojs/sitemap writes this index and its sitemap-N.xml parts. */
export const SITEMAP_INDEX = 'sitemap-index.xml';

/**
 * An RSS 2.0 feed for @astrojs/rss. The library escapes the text it is given;
 * characters XML forbids are dropped first, and the raw-XML extras (authors as
 * dc:creator, the feed's self link) are escaped here.
 */
export function rssOptions(channel: FeedChannel, items: readonly FeedItem[]): RSSOptions {
  return {
    title: xmlChars(channel.title),
    description: xmlChars(channel.description),
    site: channel.url,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>en</language><atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    items: items.map((i) => ({
      title: xmlChars(i.title),
      link: i.url,
      description: xmlChars(i.description),
      categories: [xmlChars(i.category)],
      customData: i.authors.map((a) => `<dc:creator>${escapeXml(a)}</dc:creator>`).join(''),
    })),
  };
}

/**
 * Which built pages belong in the sitemap: pages, not files (feeds, images);
 * not the 404 page; not the copies of essays made for other media (embeds,
 * print, presentation).
 */
export function isIndexablePage(pathname: string): boolean {
  const path = pathname.replace(/^\/+/, '');
  if (/\.[a-z0-9]+$/i.test(path) && !/\.html$/.test(path)) return false;
  if (/^404\/?$|^404\.html$/.test(path)) return false;
  if (/^embed\//.test(path)) return false;
  return !/(^|\/)(print|present)\/?$/.test(path);
}

export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /embed/\n\nSitemap: ${sitemapUrl}\n`;
}
