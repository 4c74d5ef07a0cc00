// Critical CSS in Chromium (issue 18): on every essay the first paint needs
// no stylesheet request, no request is render-blocking, and the first screen
// is laid out the same before and after the whole stylesheet arrives (so the
// late stylesheet shifts nothing a reader sees). No timings are asserted:
// the stylesheet is held back by the test until the page has painted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBuiltPages } from '../../scripts/quality/built-files.ts';
import { CHROMIUM_ARGS, chromiumPath } from './browser.ts';
import { inject } from 'vitest';

const DIST = 'dist';
const essays = listBuiltPages(DIST)
  .filter((file) => readFileSync(join(DIST, file), 'utf8').includes('data-pagefind-body'))
  .map((file) => `/${file.replace(/index\.html$/, '')}`);

/**
 * The part of each element's box that lies on the first screen, keyed by its
 * position in the document (rounded to 0.5 px). What lies below the screen may
 * change (unstyled figures further down are taller until the stylesheet
 * comes); boxes of a pixel or less (the scrollies' invisible trigger lines) are left out.
 */
const firstScreen = () =>
  [...document.body.querySelectorAll('*')]
    .map((el, i) => ({ i, tag: el.tagName, r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.top < innerHeight && r.bottom > 0 && r.width * r.height > 1)
    .map(({ i, tag, r }) => `${i} ${tag} ${[r.left, r.top, r.width, Math.min(r.bottom, innerHeight) - r.top].map((v) => Math.round(v * 2) / 2).join(',')}`);

describe.each([
  { name: 'phone', viewport: { width: 412, height: 823 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
])('critical CSS on a $name', ({ viewport }) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the essays', () => {
    expect(essays).toContain('/ways-to-see-a-dataset/');
  });

  it.each(essays)('%s paints before its stylesheet arrives, and the stylesheet moves nothing on the first screen', async (path) => {
    // A context of its own (one page in front, an empty cache), without scripts:
    // what is compared is the styles alone (islands hydrate after the stylesheet either way).
    const context = await browser.newContext({ viewport, javaScriptEnabled: false });
    try {
      await paintsBeforeStylesheet(await context.newPage(), path);
    } finally {
      await context.close();
    }
  });
});

async function paintsBeforeStylesheet(page: Page, path: string): Promise<void> {
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  const stylesheets: string[] = [];
  await page.route('**/_astro/*.css', async (route: Route) => {
    stylesheets.push(new URL(route.request().url()).pathname);
    await held;
    await route.continue();
  });
  await page.goto(new URL(path, inject('baseUrl')).href, { waitUntil: 'commit' });
  // The first contentful paint happens while the stylesheet is still held back.
  // (Polled with evaluate: Playwright's waitForFunction does not poll in a page whose scripts are off.)
  // The parser has reached the stylesheet, last in <body>: everything before it is in the document.
  await until(page, () => performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint') && document.querySelector('body > link[rel="stylesheet"]') !== null);
  const before = await page.evaluate(firstScreen);
  expect(stylesheets.length, 'the stylesheet was asked for').toBe(1);
  release();
  await page.waitForLoadState('load');
  const after = await page.evaluate(firstScreen);
  expect(before.length).toBeGreaterThan(5);
  expect(after).toEqual(before);
  // Chromium's own verdict: nothing this page fetched blocked rendering.
  const blocking = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming & { renderBlockingStatus?: string }).renderBlockingStatus === 'blocking').map((e) => e.name));
  expect(blocking).toEqual([]);
}

/** Waits until `test` holds in the page, asking every 100 ms for at most 20 s. */
async function until(page: Page, test: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if (await page.evaluate(test)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`still false after 20 s: ${String(test)}`);
}
