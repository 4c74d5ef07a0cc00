// Discovery files as pure functions: the RSS feed, the sitemap and robots.txt.
import { escapeXml } from './xml-escape.ts';

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

/** An RSS 2.0 feed; every text is escaped. */
export function rssXml(channel: FeedChannel, items: readonly FeedItem[]): string {
  const item = (i: FeedItem) =>
    [
      '<item>',
      `<title>${escapeXml(i.title)}</title>`,
      `<link>${escapeXml(i.url)}</link>`,
      `<guid isPermaLink="true">${escapeXml(i.url)}</guid>`,
      `<description>${escapeXml(i.description)}</description>`,
      ...i.authors.map((a) => `<dc:creator>${escapeXml(a)}</dc:creator>`),
      `<category>${escapeXml(i.category)}</category>`,
      '</item>',
    ].join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${escapeXml(channel.title)}</title>`,
    `<link>${escapeXml(channel.url)}</link>`,
    `<description>${escapeXml(channel.description)}</description>`,
    '<language>en</language>',
    `<atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items.map(item),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** A sitemap of absolute URLs. */
export function sitemapXml(urls: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `<url><loc>${escapeXml(u)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}

/**
 * Which built pages belong in the sitemap: not the 404 page, and not the
 * copies of essays made for other media (embeds, print, presentation).
 */
export function isIndexablePage(pathname: string): boolean {
  const path = pathname.replace(/^\/+/, '');
  if (/^404\/?$|^404\.html$/.test(path)) return false;
  if (/^embed\//.test(path)) return false;
  return !/(^|\/)(print|present)\/?$/.test(path);
}

export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /embed/\n\nSitemap: ${sitemapUrl}\n`;
}
