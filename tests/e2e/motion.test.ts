// Scrubbed motion in Chromium on a built essay: half-way between two steps a
// bar's colour lies between its two states, it lands exactly on the next
// state, scrolling back runs it back; with reduced motion the states swap
// and the motion code is never fetched. One browser per mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type OpenBrowser } from './browser.ts';

const ESSAY = '/curation-by-statistics/';
const ID = 'where-from';
// The bar highlighted from step 1 on (muted grey before, accent red after).
const KEY = 'pinterest.com';

/** Scrolls so the trigger line sits at `share` of the gap between step n's card and step n + 1's. */
async function scrollIntoGap(page: Page, n: number, share: number) {
  await page.evaluate(([id, n, share]) => {
    const root = document.querySelector(`[data-scrolly="${id}"]`)!;
    const line = innerHeight * parseFloat(getComputedStyle(root).getPropertyValue('--scrolly-offset'));
    const bottom = document.getElementById(`${id}-${n}`)!.getBoundingClientRect().bottom;
    const top = document.getElementById(`${id}-${n + 1}`)!.getBoundingClientRect().top;
    scrollBy(0, bottom + (top - bottom) * share - line);
  }, [ID, n, share] as const);
}

const MUTED = [0x4a, 0x4a, 0x55];
const ACCENT = [0x8a, 0x2d, 0x1c];

/**
 * Waits until the keyed bar in the state on screen (wide layout) has the fill
 * `want` says: exactly muted, exactly accent, or strictly between the two.
 */
async function waitForFill(page: Page, want: 'muted' | 'accent' | 'between') {
  await page.waitForFunction(
    ([id, key, want, muted, accent]) => {
      const bar = document.querySelector(`[data-scrolly="${id}"] .chart-wide [data-state-active] rect[data-key="${key}"]`);
      const v = bar?.getAttribute('fill') ?? '';
      const hex = /^#(..)(..)(..)$/.exec(v);
      const c = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : (v.match(/\d+/g) ?? []).map(Number);
      if (c.length !== 3) return false;
      if (want === 'muted') return c.join() === muted.join();
      if (want === 'accent') return c.join() === accent.join();
      return c.every((x, i) => x > Math.min(muted[i]!, accent[i]!) && x < Math.max(muted[i]!, accent[i]!));
    },
    [ID, encodeURIComponent(KEY), want, MUTED, ACCENT] as const,
    { timeout: 5000 },
  );
}

/** Resolves after two animation frames (the runtime and motion each had a frame to react). */
const twoFrames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

describe('scrolly motion (scrub)', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => browser?.close());

  it('moves between states with the scroll, lands exactly, and runs back', async () => {
    const { page, errors } = await browser.open(ESSAY);
    expect(await page.locator(`[data-scrolly="${ID}"]`).getAttribute('data-motion')).toBe('scrub');
    await scrollIntoGap(page, 0, 0.5);
    await waitForFill(page, 'between');
    // Screen readers still get step 0's sentence: never an in-between frame's.
    const said = await page.locator(`#source-domains .chart-said [data-state-active]`).getAttribute('data-state');
    expect(said).toBe('0');
    // Into step 1's card: the exact pre-rendered state, byte for byte.
    await scrollIntoGap(page, 0, 1.2);
    await waitForFill(page, 'accent');
    expect(await page.locator(`[data-scrolly="${ID}"] .chart-wide [data-state-active] rect[data-key="${encodeURIComponent(KEY)}"]`).getAttribute('fill')).toBe('#8a2d1c');
    expect(await page.locator(`[data-scrolly="${ID}"] [data-motion-copy]`).count()).toBe(0);
    // And back: the motion runs backwards.
    await scrollIntoGap(page, 0, 0.4);
    await waitForFill(page, 'between');
    await scrollIntoGap(page, 0, 0);
    await waitForFill(page, 'muted');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('scrolly motion (step)', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => browser?.close());

  it('plays a short motion on a step change and lands on the exact state', async () => {
    const { page, errors } = await browser.open('/a-taxonomy-of-people/');
    const id = 'branches';
    const key = 'worker';
    expect(await page.locator(`[data-scrolly="${id}"]`).getAttribute('data-motion')).toBe('step');
    // Near the scrolly, still on step 0; the motion code loads once the reader scrolls.
    await page.locator(`#${id}-0`).scrollIntoViewIfNeeded();
    await page.evaluate(() => scrollBy(0, 1));
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /\/motion\.[\w-]+\.js$/.test(r.name)));
    // Record every fill the bar takes, then go to step 1.
    await page.evaluate(([id, key]) => {
      const seen: string[] = [];
      (window as unknown as { seenFills: string[] }).seenFills = seen;
      const bars = document.querySelectorAll(`[data-scrolly="${id}"] .chart-wide rect[data-key="${key}"]`);
      const observer = new MutationObserver((records) => records.forEach((r) => seen.push((r.target as Element).getAttribute('fill') ?? '')));
      bars.forEach((bar) => observer.observe(bar, { attributes: true, attributeFilter: ['fill'] }));
    }, [id, key] as const);
    // The runtime is live (it observes the steps) before the reader moves on.
    await page.waitForFunction((id) => document.querySelector(`[data-scrolly="${id}"]`)?.hasAttribute('data-scrolly-live'), id);
    // Step 1's top just past the trigger line. Late layout (images, fonts) on a
    // loaded machine can move the step after the scroll: scroll again until
    // the runtime says step 1 is active.
    await expect
      .poll(async () => {
        await page.evaluate((id) => {
          const root = document.querySelector<HTMLElement>(`[data-scrolly="${id}"]`)!;
          if (root.dataset['activeStep'] === '1') return;
          const line = innerHeight * parseFloat(getComputedStyle(root).getPropertyValue('--scrolly-offset'));
          scrollBy(0, document.getElementById(`${id}-1`)!.getBoundingClientRect().top - line + 40);
        }, id);
        return page.locator(`[data-scrolly="${id}"]`).getAttribute('data-active-step');
      }, { timeout: 10_000, interval: 500 })
      .toBe('1');
    await page.waitForFunction(([id, key]) => {
      const bar = document.querySelector(`[data-scrolly="${id}"] .chart-wide [data-state-active] rect[data-key="${key}"]`);
      const seen = (window as unknown as { seenFills: string[] }).seenFills;
      return bar?.getAttribute('fill') === '#8a2d1c' && seen.length > 0 && seen.at(-1) === '#8a2d1c';
    }, [id, key] as const, { timeout: 10_000 });
    const seen = await page.evaluate(() => (window as unknown as { seenFills: string[] }).seenFills);
    expect(seen.filter((f) => f.startsWith('rgb(')).length, `fills seen: ${seen.join(' ')}`).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('scrolly motion with reduced motion', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  });
  afterAll(async () => browser?.close());

  it('swaps exact states and never fetches the motion code', async () => {
    const { page, errors } = await browser.open(ESSAY);
    const scripts: string[] = [];
    page.on('request', (r) => scripts.push(r.url()));
    await scrollIntoGap(page, 0, 0.5);
    // Let the runtime settle on step 0 with the trigger line half-way through the gap.
    await page.waitForFunction((id) => document.querySelector(`[data-scrolly="${id}"]`)?.hasAttribute('data-scrolly-live'), ID);
    await twoFrames(page);
    await twoFrames(page);
    await waitForFill(page, 'muted');
    await scrollIntoGap(page, 0, 1.2);
    await waitForFill(page, 'accent');
    expect(scripts.filter((u) => /motion\.[\w-]+\.js$/.test(u))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
