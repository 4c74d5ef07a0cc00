// Critical CSS (src/lib/critical-css.ts): a page paints with its inline rules
// while the rest of its stylesheet is still on the way, and nothing that has
// painted moves or changes when the rest arrives. The rest is held back here
// until the first layout is measured, at a phone's and a desktop's width.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Route } from 'playwright-core';
import { launch, type OpenBrowser } from './browser.ts';

const PAGES = ['/', '/ways-to-see-a-dataset/', '/curation-by-statistics/', '/gulls-fixture/', '/ways-to-see-a-dataset/print/'];
const WIDTHS = [390, 1280];

interface Box { i: number; x: number; y: number; w: number; h: number; color: string; font: string }

type Win = { early: Element[]; shifts: number; boxOf: (el: Element, i: number) => Box };

/** Remembers the elements before the body's stylesheet link (all of the body if there is none) and returns their boxes. */
const boxesBeforeLink = () => {
  const w = window as unknown as Win;
  const link = document.querySelector('body link[rel="stylesheet"]');
  const all = Array.from(document.body.querySelectorAll('*'));
  w.early = link ? all.filter((el) => el !== link && !el.contains(link) && el.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING) : all;
  return w.early.map(w.boxOf);
};

/** The boxes of the same elements now. */
const sameBoxes = () => (window as unknown as Win).early.map((window as unknown as Win).boxOf);

describe('critical CSS paints the first screen', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  for (const width of WIDTHS) {
    it.each(PAGES)(`%s at ${width} px: what paints before the rest of the CSS arrives keeps its place and style, and nothing shifts`, async (path) => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      // Init scripts run outside the page's CSP.
      await page.addInitScript(() => {
        const w = window as unknown as Win;
        w.shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) w.shifts += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        w.boxOf = (el, i) => {
          const r = el.getBoundingClientRect();
          const s = getComputedStyle(el);
          return { i, x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height), color: s.color, font: `${s.fontFamily} ${s.fontSize}` };
        };
      });
      const held: Route[] = [];
      let release: () => void = () => {};
      const released = new Promise<void>((done) => (release = done));
      await page.route(/\/_astro\/[^/]+\.css$/, async (route) => {
        held.push(route);
        await released;
        await route.continue();
      });
      const url = new URL(path, inject('baseUrl')).href;
      const hasRest = /<link rel="preload" href="[^"]+\.css" as="style">/.test(await (await fetch(url)).text());
      await page.goto(url, { waitUntil: 'commit' });
      if (hasRest) await page.waitForSelector('body link[rel="stylesheet"]', { state: 'attached' });
      else await page.waitForLoadState('domcontentloaded');
      // No render-blocking stylesheet: the page has laid out with the inline rules alone.
      expect(await page.evaluate(() => document.querySelectorAll('head link[rel="stylesheet"]').length)).toBe(0);
      const early: Box[] = await page.evaluate(boxesBeforeLink);
      expect(early.length, 'elements painted before the rest of the CSS').toBeGreaterThan(3);
      release();
      await page.waitForLoadState('load');
      await page.evaluate(() => document.fonts.ready);
      const late: Box[] = await page.evaluate(sameBoxes);
      expect(late, 'the same elements, once every stylesheet has loaded').toEqual(early);
      expect(hasRest ? held.length : 0, 'the rest of the CSS was requested once').toBe(hasRest ? 1 : 0);
      expect(await page.evaluate(() => (window as unknown as Win).shifts)).toBe(0);
      await page.close();
    });
  }
});
