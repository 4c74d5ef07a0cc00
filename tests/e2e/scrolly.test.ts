// Scrollies in Chromium on the built guide essay: steps activate in order as
// the reader scrolls, flings / anchor jumps / deep links land on the step the
// geometry says, keyboard moves step by step, reduced motion and no-JS work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type OpenBrowser } from './browser.ts';

const ESSAY = '/reading-a-datasheet/';

const activeStep = (page: Page, id: string) =>
  page.locator(`[data-scrolly="${id}"]`).getAttribute('data-active-step').then(Number);

/** Waits until scrolly `id` shows step n: root attribute, aria-current and graphic state. */
async function waitForStep(page: Page, id: string, n: number) {
  await page.waitForFunction(
    ([id, n]) => {
      const root = document.querySelector(`[data-scrolly="${id}"]`) as HTMLElement | null;
      return root?.dataset['activeStep'] === String(n) && root.querySelector(`[data-step="${n}"]`)?.getAttribute('aria-current') === 'step';
    },
    [id, n] as const,
    { timeout: 5000 },
  );
}

/** The step the geometry says is active (independent re-implementation of the rule). */
const geometryStep = (page: Page, id: string) =>
  page.evaluate((id) => {
    const root = document.querySelector(`[data-scrolly="${id}"]`) as HTMLElement;
    const line = innerHeight * parseFloat(getComputedStyle(root).getPropertyValue('--scrolly-offset'));
    const tops = [...root.querySelectorAll('[data-step]')].map((s) => s.getBoundingClientRect().top);
    return Math.max(0, tops.filter((t) => t <= line).length - 1);
  }, id);

/** Scroll position (document y) that puts step n of `id` just past the trigger line. */
const yForStep = (page: Page, id: string, n: number) =>
  page.evaluate(([id, n]) => {
    const step = document.getElementById(`${id}-${n}`)!;
    const offset = parseFloat(getComputedStyle(step.closest('[data-scrolly]')!).getPropertyValue('--scrolly-offset'));
    return step.getBoundingClientRect().top + scrollY - innerHeight * offset + 20;
  }, [id, n] as const);

/** Active states in the graphic, as their data-state values. */
const activeStates = (page: Page, id: string) =>
  page.locator(`[data-scrolly="${id}"] [data-scrolly-graphic] [data-state-active]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-state'))));

describe('scrolly', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the step structure with deep-link ids and one runtime script', async () => {
    const { page, errors } = await browser.open(ESSAY);
    const ids = await page.locator('[data-scrolly]').evaluateAll((els) => els.map((e) => e.getAttribute('data-scrolly')));
    expect(ids).toEqual(['datasheet-sections', 'source-line', 'trust']);
    for (const id of ids) {
      const steps = await page.locator(`[data-scrolly="${id}"] [data-step]`).evaluateAll((els) => els.map((e) => [e.getAttribute('data-step'), e.id]));
      expect(steps.length).toBeGreaterThan(2);
      steps.forEach(([n, elId], i) => expect([n, elId]).toEqual([String(i), `${id}-${i}`]));
      expect(await page.locator(`[data-scrolly="${id}"] [data-scrolly-graphic]`).count()).toBe(1);
      expect(await page.locator(`[data-scrolly="${id}"][data-scrolly-live]`).count()).toBe(1);
    }
    expect(await page.locator('script[src*="Scrolly"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('activates steps in order while the reader scrolls, and the graphic follows', async () => {
    const { page, errors } = await browser.open(ESSAY);
    await page.evaluate(() => {
      const w = window as unknown as { seen: number[] };
      w.seen = [];
      document.addEventListener('scrolly:step', (e) => {
        const { id, step } = (e as CustomEvent<{ id: string; step: number }>).detail;
        if (id === 'datasheet-sections' && w.seen.at(-1) !== step) w.seen.push(step);
      });
    });
    const start = await yForStep(page, 'datasheet-sections', 0);
    const end = await yForStep(page, 'datasheet-sections', 4);
    await page.evaluate((y) => scrollTo(0, y - 300), start);
    await page.mouse.move(200, 300);
    for (let guard = 0; guard < 200 && (await page.evaluate(() => scrollY)) < end + 50; guard++) {
      const before = await page.evaluate(() => scrollY);
      await page.mouse.wheel(0, 120);
      await page.waitForFunction((b) => scrollY !== b, before, { timeout: 5000 });
    }
    await waitForStep(page, 'datasheet-sections', 4);
    const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(await activeStates(page, 'datasheet-sections')).toEqual([4]);
    expect(errors).toEqual([]);
  });

  it('a fast fling lands on the step the geometry says, with its graphic state', async () => {
    const { page, errors } = await browser.open(ESSAY);
    // One jump from the top to the middle of the second scrolly.
    const y = await yForStep(page, 'source-line', 2);
    await page.evaluate((y) => scrollTo({ top: y, behavior: 'instant' }), y);
    await waitForStep(page, 'source-line', 2);
    expect(await activeStates(page, 'source-line')).toEqual([2]);
    // The scrolly flung past entirely shows its last step.
    await waitForStep(page, 'datasheet-sections', 4);
    // Then to the very bottom: every scrolly ends on its last step.
    await page.evaluate(() => scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await waitForStep(page, 'source-line', 3);
    await waitForStep(page, 'trust', 3);
    expect(await activeStates(page, 'trust')).toEqual([0, 1, 2, 3]);
    // And back up in one go.
    const back = await yForStep(page, 'datasheet-sections', 1);
    await page.evaluate((y) => scrollTo({ top: y, behavior: 'instant' }), back);
    await waitForStep(page, 'datasheet-sections', 1);
    await waitForStep(page, 'trust', 0);
    expect(await activeStates(page, 'datasheet-sections')).toEqual([1]);
    expect(errors).toEqual([]);
  });

  it('an anchor jump lands on the linked step', async () => {
    const { page, errors } = await browser.open(ESSAY);
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = '#trust-2';
      a.id = 'jump';
      a.textContent = 'jump';
      document.querySelector('.essay-body')!.prepend(a);
    });
    await page.click('#jump');
    await waitForStep(page, 'trust', 2);
    expect(await geometryStep(page, 'trust')).toBe(2);
    expect(await activeStates(page, 'trust')).toEqual([0, 1, 2]);
    expect(errors).toEqual([]);
  });

  it('a deep link opens the essay at that step', async () => {
    const { page, errors } = await browser.open(`${ESSAY}#source-line-3`);
    await waitForStep(page, 'source-line', 3);
    expect(await geometryStep(page, 'source-line')).toBe(3);
    expect(await activeStates(page, 'source-line')).toEqual([3]);
    expect(errors).toEqual([]);
  });

  it('a reload mid-page keeps the step the restored scroll position shows', async () => {
    const { page, errors } = await browser.open(ESSAY);
    const y = await yForStep(page, 'trust', 2);
    await page.evaluate((y) => scrollTo({ top: y, behavior: 'instant' }), y);
    await waitForStep(page, 'trust', 2);
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction((y) => Math.abs(scrollY - y) < 2, y);
    await waitForStep(page, 'trust', 2);
    expect(await geometryStep(page, 'trust')).toBe(2);
    expect(errors).toEqual([]);
  });

  it('running the runtime again (as hot reload does) leaves one set of observers', async () => {
    const { page, errors } = await browser.open(ESSAY);
    const eventsForOneChange = () =>
      page.evaluate(async () => {
        scrollTo({ top: 0, behavior: 'instant' });
        await new Promise((r) => setTimeout(r, 200));
        let count = 0;
        const count1 = (e: Event) => {
          if ((e as CustomEvent<{ id: string }>).detail.id === 'datasheet-sections') count++;
        };
        document.addEventListener('scrolly:step', count1);
        const step = document.getElementById('datasheet-sections-3')!;
        scrollTo({ top: step.getBoundingClientRect().top + scrollY - innerHeight * 0.5 + 20, behavior: 'instant' });
        await new Promise((r) => setTimeout(r, 400));
        document.removeEventListener('scrolly:step', count1);
        return count;
      });
    const before = await eventsForOneChange();
    expect(before).toBeGreaterThan(0);
    // A second copy of the module (a fresh URL) starts again, as Vite HMR would.
    // (A string, so vitest does not rewrite the dynamic import.)
    await page.evaluate(`import(document.querySelector('script[src*="Scrolly"]').src + '?again')`);
    await page.waitForFunction(() => document.querySelectorAll('[data-scrolly-live]').length === 3);
    expect(await eventsForOneChange()).toBe(before);
    expect(errors).toEqual([]);
  });

  it('stays right when content above changes height and when the viewport resizes', async () => {
    const { page, errors } = await browser.open(ESSAY);
    const y = await yForStep(page, 'source-line', 1);
    await page.evaluate((y) => scrollTo({ top: y, behavior: 'instant' }), y);
    await waitForStep(page, 'source-line', 1);
    // Content above grows without any scroll (scroll anchoring off so it really moves).
    await page.evaluate(() => {
      document.documentElement.style.overflowAnchor = 'none';
      const block = document.createElement('div');
      block.style.height = '900px';
      document.querySelector('.essay-body')!.prepend(block);
    });
    const expected = await geometryStep(page, 'source-line');
    expect(expected).not.toBe(1);
    await waitForStep(page, 'source-line', expected);
    // A shorter viewport (a phone's URL bar, a rotated tablet).
    await page.setViewportSize({ width: 1280, height: 560 });
    await page.waitForFunction(() => innerHeight === 560);
    const after = await geometryStep(page, 'source-line');
    await waitForStep(page, 'source-line', after);
    expect(errors).toEqual([]);
  });

  it('moves step by step with j/k and arrow keys, and announces the step', async () => {
    const { page, errors } = await browser.open(ESSAY);
    await page.focus('[data-scrolly="trust"]');
    const from = await activeStep(page, 'trust');
    await page.keyboard.press('j');
    await waitForStep(page, 'trust', from + 1);
    await page.keyboard.press('ArrowDown');
    await waitForStep(page, 'trust', from + 2);
    await expect(page.locator('[data-scrolly="trust"] [data-scrolly-status]').textContent()).resolves.toBe(`Step ${from + 3} of 4`);
    await page.keyboard.press('k');
    await waitForStep(page, 'trust', from + 1);
    // Focus follows the active step, so screen readers read its text.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`trust-${from + 1}`);
    expect(await geometryStep(page, 'trust')).toBe(from + 1);
    expect(errors).toEqual([]);
  });
});

describe('scrolly with reduced motion', () => {
  it('has no transitions on graphic states', async () => {
    const browser = await launch({ reducedMotion: 'reduce' });
    try {
      const { page, errors } = await browser.open(ESSAY);
      const durations = await page.locator('[data-scrolly-graphic] [data-state]').evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).transitionDuration))]);
      expect(durations).toEqual(['0s']);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('scrolly on a phone and without JavaScript', () => {
  it('puts the graphic behind the steps at 360px without horizontal scroll', async () => {
    const browser = await launch({ viewport: { width: 360, height: 740 } });
    try {
      const { page } = await browser.open(ESSAY);
      const y = await yForStep(page, 'datasheet-sections', 2);
      await page.evaluate((y) => scrollTo({ top: y, behavior: 'instant' }), y);
      await waitForStep(page, 'datasheet-sections', 2);
      const box = (sel: string) => page.locator(`[data-scrolly="datasheet-sections"] ${sel}`).first().boundingBox().then((b) => b!);
      const [g, svg, s] = await Promise.all([box('[data-scrolly-graphic]'), box('[data-scrolly-graphic] svg'), box('#datasheet-sections-2')]);
      // One column: the step card passes over the sticky graphic's area...
      expect(s.x).toBeLessThan(g.x + g.width);
      expect(s.y).toBeGreaterThanOrEqual(g.y);
      expect(s.y).toBeLessThan(g.y + g.height);
      // ...but below the drawing itself, which fits above the trigger line.
      expect(svg.y + svg.height).toBeLessThanOrEqual(s.y);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    } finally {
      await browser.close();
    }
  });

  it('shows every step and the first graphic state without JavaScript', async () => {
    const browser = await launch({ javaScriptEnabled: false });
    try {
      const { page } = await browser.open(ESSAY);
      for (const id of ['datasheet-sections', 'source-line', 'trust']) {
        const steps = page.locator(`[data-scrolly="${id}"] [data-step]`);
        for (const step of await steps.all()) {
          expect(await step.isVisible()).toBe(true);
          expect((await step.innerText()).length).toBeGreaterThan(20);
        }
        expect(await activeStates(page, id)).toEqual([0]);
      }
    } finally {
      await browser.close();
    }
  });
});
