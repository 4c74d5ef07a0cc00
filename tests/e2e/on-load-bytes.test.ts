// Issue 9's on-load target, guarded in CI: everything a page transfers when
// it opens on a phone (the viewport and pixel density of Lighthouse's mobile
// run), body and headers as served with gzip, before the reader scrolls: at
// most 46 KB (see ON_LOAD_BYTES) on the home page and on every essay. Bytes, not timings: scores
// and timings are `npm run bench:lighthouse`'s job, and its count is the one
// of record. It can be larger than this one: in its run Chromium also fetched
// lazy images further down (the home page's fifth cover, the see:set
// carousel's thumbnails), which a phone at rest here does not; for the essays
// whose first screen is text, charts and the cover the two agree within 1 KB
// (curation-by-statistics: 44,612 B here, 45,166 B in Lighthouse).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBuiltPages } from '../../scripts/quality/built-files.ts';
import { pathForFile } from '../../src/lib/quality/internal-links.ts';
import { launch, type OpenBrowser } from './browser.ts';
import { coldTransfer, transferList } from './transfer.ts';

// 45 KB until December 2026; raised to 47 KB when three deliberate changes
// landed together: every response now carries the security headers of
// src/lib/site-headers.ts (issue 16: about 130 B more on each of the 7
// responses of an essay); curation-by-statistics gained the arguments its
// source audit asked for (issue 21: about 0.9 KB of gzip HTML); and the
// threshold histogram draws its hatching as lines instead of an SVG
// <pattern>, so copies of the figure share no id (issue 22: about 0.6 KB).
// Measured then: curation-by-statistics 47,205 B, plus 632 B when Chromium's
// favicon request finishes before the network is idle (47,837 B).
// Briefly 49 KB (issue 15), while the see:set widgets' styles rode along in
// the stylesheet Astro bundles for the essay route; back to 47 KB since a
// page leaves out the stylesheet chunks scoped to components it does not
// contain (src/lib/critical-css.ts, issue 18).
const ON_LOAD_BYTES = 47 * 1024;
// A photo essay's first screen is its photos: the copies a photo widget
// fetches on load (those within Chromium's lazy-loading distance) are counted
// apart, under their own cap, so the 47 KB stays a budget for the page itself.
const PHOTOS = /\/generated\/images\/[^/]+\/photos\//;
const ON_LOAD_PHOTO_BYTES = 64 * 1024;
const DIST = 'dist';
const pages = ['/', ...listBuiltPages(DIST).filter((file) => readFileSync(join(DIST, file), 'utf8').includes('data-pagefind-body')).map(pathForFile)];

describe('bytes on load, on a phone', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  });
  afterAll(async () => browser?.close());

  it('measures the home page and every essay', () => {
    expect(pages.length).toBeGreaterThanOrEqual(6);
  });

  it.each(pages)('%s transfers at most 47 KB on load (photos of photo widgets apart, at most 64 KB)', async (path) => {
    // Cold, as a first visit: nothing from the cache other pages filled.
    const requests = await coldTransfer(browser.context, path);
    const isPhoto = (r: { url: string }) => PHOTOS.test(new URL(r.url).pathname);
    const total = requests.filter((r) => !isPhoto(r)).reduce((sum, r) => sum + r.bytes, 0);
    const photos = requests.filter(isPhoto).reduce((sum, r) => sum + r.bytes, 0);
    const list = transferList(requests);
    expect(requests.length, 'the page and its files were counted').toBeGreaterThanOrEqual(3);
    expect(total, `bytes on load of ${path} (photos apart):\n${list}`).toBeLessThanOrEqual(ON_LOAD_BYTES);
    expect(photos, `photo bytes on load of ${path}:\n${list}`).toBeLessThanOrEqual(ON_LOAD_PHOTO_BYTES);
  });
});
