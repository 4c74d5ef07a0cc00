// Presentation mode in Chromium: keys (clicker remotes included), URL sync and
// refresh, fullscreen, step slides in the right graphic state with a QR link,
// the presenter view with notes kept in step with the audience window, no-JS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type OpenBrowser } from './browser.ts';
import { formatAxeViolations, runAxe } from './page-audit.ts';
import { builtSiteOrigin } from '../../scripts/quality/built-files.ts';

const DECK = '/reading-a-datasheet/present/';
// The address the site was built for (SITE_URL; `npm test` builds for the local one).
const SITE = builtSiteOrigin('dist');


async function waitForSlide(page: Page, n: number) {
  await page.waitForFunction(
    (n) => document.querySelector('[data-slide][data-current]')?.getAttribute('data-slide') === String(n) && location.hash === `#slide-${n}`,
    n,
    { timeout: 5000 },
  );
}

describe('presentation mode', () => {
  let browser: OpenBrowser;
  let total: number;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is linked from the essay page', async () => {
    const { page, errors } = await browser.open('/reading-a-datasheet/');
    await page.click('a[href="/reading-a-datasheet/present/"]');
    await waitForSlide(page, 1);
    expect(errors).toEqual([]);
  });

  it('moves with arrows, space, PageUp/PageDown, Home/End, and shows one slide with a counter', async () => {
    const { page, errors } = await browser.open(DECK);
    total = Number(await page.locator('[data-deck]').getAttribute('data-slide-count'));
    expect(total).toBeGreaterThan(10);
    await waitForSlide(page, 1);
    const steps: [string, number][] = [['ArrowRight', 2], [' ', 3], ['PageDown', 4], ['PageUp', 3], ['ArrowLeft', 2], ['End', total], ['ArrowRight', total], ['Home', 1], ['ArrowLeft', 1]];
    for (const [key, expected] of steps) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await waitForSlide(page, expected);
      await expect(page.locator('.deck-bar [data-deck-current]').textContent()).resolves.toBe(String(expected));
    }
    await expect(page.locator('.deck-counter').innerText()).resolves.toBe(`1 / ${total}`);
    expect(await page.locator('[data-slide]').evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none').length)).toBe(1);
    await page.click('[data-deck-next]');
    await waitForSlide(page, 2);
    expect(errors).toEqual([]);
  });

  it('keeps its place on refresh, and opens at a #slide-N link', async () => {
    const { page, errors } = await browser.open(`${DECK}#slide-5`);
    await waitForSlide(page, 5);
    await page.keyboard.press('ArrowRight');
    await waitForSlide(page, 6);
    await page.reload({ waitUntil: 'load' });
    await waitForSlide(page, 6);
    expect(errors).toEqual([]);
  });

  it('shows a step slide with its graphic state, caption and a QR code to that step', async () => {
    const { page, errors } = await browser.open(DECK);
    const slide = page.locator('[data-slide]:has(a.slide-qr[href$="#datasheet-sections-2"])');
    const n = Number(await slide.getAttribute('data-slide'));
    await page.evaluate((n) => (location.hash = `#slide-${n}`), n);
    await waitForSlide(page, n);
    expect(await slide.locator('.slide-qr').getAttribute('href')).toBe(`${SITE}/reading-a-datasheet/#datasheet-sections-2`);
    expect(await slide.locator('.slide-qr svg.qr path').count()).toBeGreaterThan(0);
    await expect(slide.locator('.slide-caption').innerText()).resolves.toContain('Composition says what one item is');
    const active = await slide.locator('[data-scrolly-graphic] [data-state-active]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    expect(active).toEqual(['2']);
    expect(await slide.locator('[data-scrolly-graphic] [data-state="2"]').evaluate((e) => getComputedStyle(e).visibility)).toBe('visible');
    expect(await slide.locator('[data-scrolly-graphic] [data-state="1"]').evaluate((e) => getComputedStyle(e).visibility)).toBe('hidden');
    // Ids in the repeated graphics stay unique on the page.
    const dupes = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(dupes).toEqual([]);
    expect(errors).toEqual([]);
  });

  for (const viewport of [{ width: 1024, height: 768 }, { width: 1920, height: 1080 }]) {
    it(`prints each QR code's short URL beside it, legible at ${viewport.width}x${viewport.height}`, async () => {
      const projector = await launch({ viewport });
      try {
        const { page, errors } = await projector.open(DECK);
        const slide = page.locator('[data-slide]:has(a.slide-qr[href$="#datasheet-sections-2"])');
        const n = Number(await slide.getAttribute('data-slide'));
        await page.evaluate((n) => (location.hash = `#slide-${n}`), n);
        await waitForSlide(page, n);
        const caption = slide.locator('.slide-qr [data-qr-url]');
        // The URL a phone would open, without the scheme, as printed text.
        await expect(caption.innerText()).resolves.toBe(`${SITE.replace(/^https?:\/\//, '')}/reading-a-datasheet/#datasheet-sections-2`);
        const m = await caption.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const qr = el.closest('.slide-qr')!.querySelector('svg.qr')!.getBoundingClientRect();
          return { font: parseFloat(getComputedStyle(el).fontSize) * (el.currentCSSZoom ?? 1), bottom: r.bottom, right: r.right, left: r.left, qrRight: qr.right };
        });
        expect(m.font, 'QR caption font size (px)').toBeGreaterThanOrEqual(16);
        expect(m.bottom).toBeLessThanOrEqual(viewport.height);
        expect(m.right).toBeLessThanOrEqual(viewport.width);
        expect(m.left, 'the caption sits beside the code, not over it').toBeGreaterThanOrEqual(m.qrRight);
        // Every slide's code carries its own address in print.
        const pairs = await page.locator('a.slide-qr').evaluateAll((els) => els.map((a) => [a.getAttribute('href'), a.querySelector('[data-qr-url]')?.textContent]));
        for (const [href, text] of pairs) expect(text).toBe(href!.replace(/^https?:\/\//, '').replace(/\/$/, ''));
        expect(errors).toEqual([]);
      } finally {
        await projector.close();
      }
    });
  }

  it('drives an interactive graphic on a step slide to that step, and fits it on the slide', async () => {
    // ways-to-see-a-dataset: the image grid of the "look" scrolly; its step 2 (0-based) groups the digits by label.
    const { page, errors } = await browser.open('/ways-to-see-a-dataset/present/');
    const slide = page.locator('[data-slide]:has(a.slide-qr[href$="#look-2"])');
    const n = Number(await slide.getAttribute('data-slide'));
    await page.evaluate((n) => (location.hash = `#slide-${n}`), n);
    await waitForSlide(page, n);
    const island = slide.locator('.grid-island[data-drawn="true"]');
    await island.waitFor({ timeout: 30_000 });
    await expect(slide.locator('.grid-summary').textContent()).resolves.toBe('Showing 70,000 digits grouped by digit.');
    // The grid, its caption and source line end above the slide's footer.
    const [figureBottom, footerTop] = await Promise.all([
      slide.locator('[data-image-grid]').evaluate((e) => e.getBoundingClientRect().bottom),
      slide.locator('.slide-footer').evaluate((e) => e.getBoundingClientRect().top),
    ]);
    expect(figureBottom).toBeLessThanOrEqual(footerTop + 1);
    expect(errors).toEqual([]);
  });

  it('requests fullscreen with the f key and the button', async () => {
    const { page, errors } = await browser.open(DECK);
    await page.evaluate(() => {
      const w = window as unknown as { fullscreenCalls: number };
      w.fullscreenCalls = 0;
      const original = Element.prototype.requestFullscreen;
      Element.prototype.requestFullscreen = function (this: Element, options?: FullscreenOptions) {
        w.fullscreenCalls++;
        return original.call(this, options);
      };
    });
    await page.keyboard.press('f');
    await page.waitForFunction(() => (window as unknown as { fullscreenCalls: number }).fullscreenCalls === 1);
    await page.waitForFunction(() => document.fullscreenElement === document.documentElement);
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement === null);
    await page.click('[data-deck-fullscreen]');
    await page.waitForFunction(() => (window as unknown as { fullscreenCalls: number }).fullscreenCalls === 2);
    expect(errors).toEqual([]);
  });

  it('pauses, resumes and resets the presenter clock (keys and buttons), and keeps it over a reload', async () => {
    const { page, errors } = await browser.open(`${DECK}?presenter#slide-2`);
    await waitForSlide(page, 2);
    const clock = page.locator('[data-presenter-clock]');
    // A clock started 65 s ago (the state the page keeps in sessionStorage).
    await page.evaluate(() => sessionStorage.setItem('deck-clock:reading-a-datasheet', JSON.stringify({ before: 65_000, since: null })));
    await page.reload({ waitUntil: 'load' });
    await waitForSlide(page, 2);
    await expect(clock.textContent()).resolves.toBe('1:05');
    expect(await clock.getAttribute('data-paused')).toBe('');
    await expect(page.locator('[data-clock-toggle]').textContent()).resolves.toBe('Resume');
    await page.keyboard.press('t');
    await page.waitForFunction(() => !document.querySelector('[data-presenter-clock]')!.hasAttribute('data-paused'));
    await page.waitForFunction(() => document.querySelector('[data-presenter-clock]')!.textContent === '1:06', undefined, { timeout: 3000 });
    await page.click('[data-clock-toggle]');
    const paused = await clock.textContent();
    await page.waitForTimeout(1200);
    await expect(clock.textContent()).resolves.toBe(paused);
    await page.reload({ waitUntil: 'load' });
    await waitForSlide(page, 2);
    await expect(clock.textContent()).resolves.toBe(paused);
    await page.keyboard.press('r');
    await expect(clock.textContent()).resolves.toBe('0:00');
    await page.keyboard.press('t');
    await page.click('[data-clock-reset]');
    await expect(clock.textContent()).resolves.toBe('0:00');
    // The clock keys do not move the slides.
    await expect(page.locator('[data-slide][data-current]').getAttribute('data-slide')).resolves.toBe('2');
    expect(errors).toEqual([]);
  });

  it('hides speaker notes from the audience and the essay, and shows them in the presenter view', async () => {
    const note = 'Point out that funding and purpose';
    const essay = await browser.open('/reading-a-datasheet/');
    expect(await essay.page.evaluate(() => document.body.innerText)).not.toContain(note);
    const audience = await browser.open(DECK);
    const withNotes = Number(await audience.page.locator('[data-slide]:has(a.slide-qr[href$="#datasheet-sections-1"])').getAttribute('data-slide'));
    await audience.page.evaluate((n) => (location.hash = `#slide-${n}`), withNotes);
    await waitForSlide(audience.page, withNotes);
    expect(await audience.page.evaluate(() => document.body.innerText)).not.toContain(note);

    const presenter = await browser.open(`${DECK}?presenter#slide-${withNotes}`);
    await waitForSlide(presenter.page, withNotes);
    await expect(presenter.page.locator('[data-presenter-notes]').innerText()).resolves.toContain(note);
    expect(await presenter.page.locator('[data-slide][data-next]').getAttribute('data-slide')).toBe(String(withNotes + 1));
    expect(await presenter.page.locator('[data-slide][data-next]').isVisible()).toBe(true);
    // The audience window follows the presenter.
    await presenter.page.keyboard.press('ArrowRight');
    await waitForSlide(presenter.page, withNotes + 1);
    await waitForSlide(audience.page, withNotes + 1);
    await expect(presenter.page.locator('[data-presenter-notes]').innerText()).resolves.toBe('No notes for this slide.');
    expect([...essay.errors, ...audience.errors, ...presenter.errors]).toEqual([]);
  });
});

describe('presentation mode accessibility', () => {
  it('has no WCAG 2.2 AA violations on any slide, nor in the presenter view', async () => {
    const browser = await launch();
    try {
      // The site-wide gate only sees the deck's current slide: here every slide
      // is put back on screen (the no-JS list layout) for one axe run.
      const { page, errors } = await browser.open(DECK);
      await waitForSlide(page, 1);
      await page.evaluate(() => {
        document.querySelector('[data-deck]')!.removeAttribute('data-deck-live');
        document.querySelectorAll('[data-slide]').forEach((s) => ((s as HTMLElement).inert = false));
      });
      const all = await runAxe(page);
      expect(all, formatAxeViolations(DECK, all)).toEqual([]);
      const presenter = await browser.open(`${DECK}?presenter#slide-6`);
      await waitForSlide(presenter.page, 6);
      const inPresenter = await runAxe(presenter.page);
      expect(inPresenter, formatAxeViolations(`${DECK}?presenter`, inPresenter)).toEqual([]);
      expect([...errors, ...presenter.errors]).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('presentation mode without JavaScript', () => {
  it('is a readable list of every slide with its graphic and QR code', async () => {
    const browser = await launch({ javaScriptEnabled: false });
    try {
      const { page } = await browser.open(DECK);
      const slides = page.locator('[data-slide]');
      const count = await slides.count();
      expect(count).toBe(Number(await page.locator('[data-deck]').getAttribute('data-slide-count')));
      for (const slide of await slides.all()) expect(await slide.isVisible()).toBe(true);
      const stepSlides = page.locator('.slide--step');
      expect(await stepSlides.count()).toBe(13);
      for (const s of await stepSlides.all()) expect(await s.locator('[data-state-active]').count()).toBeGreaterThan(0);
      expect(await page.locator('svg.qr').count()).toBe(count);
    } finally {
      await browser.close();
    }
  });
});
