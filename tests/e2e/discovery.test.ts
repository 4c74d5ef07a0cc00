// The discovery files of the built site: the sitemap (@astrojs/sitemap) lists
// exactly the built pages a reader should find, robots.txt points at it, and
// every RSS item (@astrojs/rss) is a built essay. Reads dist/; no browser.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isIndexablePage, SITEMAP_INDEX } from '../../src/lib/feeds.ts';
import { pathForFile } from '../../src/lib/quality/internal-links.ts';
import { builtSiteOrigin, listBuiltPages } from '../../scripts/quality/built-files.ts';

const DIST = 'dist';
const origin = builtSiteOrigin(DIST);

function xml(file: string) {
  return new DOMParser().parseFromString(readFileSync(join(DIST, file), 'utf8'), 'text/xml');
}

/** The file in dist/ that a URL on the site's origin names. */
function distFile(url: string): string {
  const u = new URL(url);
  expect(u.origin, `${url} is not on the site's origin`).toBe(origin);
  return decodeURIComponent(u.pathname).replace(/^\//, '');
}

describe('sitemap', () => {
  const parts = xml(SITEMAP_INDEX).querySelectorAll('sitemap loc');
  const listed = [...parts].flatMap((loc) => [...xml(distFile(loc.textContent!)).querySelectorAll('url loc')].map((l) => l.textContent!));

  it('lists every built page readers should find, and nothing else', () => {
    const expected = listBuiltPages(DIST)
      .map(pathForFile)
      .filter(isIndexablePage)
      .map((path) => new URL(path, origin).href)
      .sort();
    expect(expected.length).toBeGreaterThan(5);
    expect([...listed].sort()).toEqual(expected);
  });

  it('leaves out embeds, print and slide copies, and the 404 page', () => {
    expect(listed.filter((u) => /\/(embed\/|404\/)|\/(print|present)\/$/.test(new URL(u).pathname))).toEqual([]);
    expect(existsSync(join(DIST, 'sitemap.xml')), 'the old hand-written sitemap.xml is gone').toBe(false);
  });

  it('is what robots.txt points at', () => {
    const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toBe(new URL(`/${SITEMAP_INDEX}`, origin).href);
  });
});

describe('RSS feed', () => {
  const doc = xml('rss.xml');
  const links = [...doc.querySelectorAll('item link')].map((l) => l.textContent!);

  it('has one item per published essay, each a built page', () => {
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links).size).toBe(links.length);
    for (const link of links) expect(existsSync(join(DIST, distFile(link), 'index.html')), `${link} is not a built page`).toBe(true);
    expect(doc.querySelector('channel atom\\:link')!.getAttribute('href')).toBe(new URL('/rss.xml', origin).href);
  });

  it('is announced in the home page head', () => {
    const home = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(home).toMatch(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="\/rss\.xml"/);
  });
});
