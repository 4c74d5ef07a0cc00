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
async function scrollIntoGap(page: Page, n: number, share: number, scrolly = ID) {
  await page.evaluate(([id, n, share]) => {
    const root = document.querySelector(`[data-scrolly="${id}"]`)!;
    const line = innerHeight * parseFloat(getComputedStyle(root).getPropertyValue('--scrolly-offset'));
    const bottom = document.getElementById(`${id}-${n}`)!.getBoundingClientRect().bottom;
    const top = document.getElementById(`${id}-${n + 1}`)!.getBoundingClientRect().top;
    scrollBy(0, bottom + (top - bottom) * share - line);
  }, [scrolly, n, share] as const);
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

describe('scrolly motion: an axis easing to a new domain', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => browser?.close());

  // The catalog's zoomed ScaleTimeline: step 1 adds a dataset and the scale stretches, so "1 million" moves left.
  const SCROLLY = 'scale-zoom-example';
  const TICK = encodeURIComponent('1 million');

  /** The shared tick's x in each pre-rendered state, the shown one's, and what a reader of the shown SVG is told. */
  const read = (page: Page) =>
    page.evaluate(([id, tick]) => {
      const root = document.querySelector(`[data-scrolly="${id}"]`)!;
      const x = (el: Element | null | undefined) => Number(/translate\(([^,]+),/.exec(el?.getAttribute('transform') ?? '')?.[1] ?? NaN);
      const state = (n: number) => root.querySelector(`.chart-state[data-state="${n}"] .chart-wide svg`)!;
      const shown = root.querySelector('.chart-state[data-state-active] .chart-wide svg')!;
      const arriving = shown.querySelector<SVGElement>('[data-axis="x"] > text[data-motion-copy]');
      return {
        active: root.querySelector('.chart-state[data-state-active]')?.getAttribute('data-state'),
        shown: x(shown.querySelector(`[data-axis="x"] > text[data-key="${tick}"]:not([data-motion-copy])`)),
        arriving: arriving ? Number(arriving.style.opacity) : undefined,
        copies: root.querySelectorAll('[data-motion-copy]').length,
        desc: document.getElementById(shown.getAttribute('aria-labelledby')!.split(' ')[1]!)?.textContent,
        exact: [0, 1].map((n) => x(state(n).querySelector(`[data-axis="x"] > text[data-key="${tick}"]`))),
        descs: [0, 1].map((n) => state(n).querySelector('desc')?.textContent),
      };
    }, [SCROLLY, TICK] as const);

  it('slides a shared tick between its two places, keeps the exact description, and lands exactly', async () => {
    const { page, errors } = await browser.open('/components/');
    const start = await read(page);
    expect(start.active).toBe('0');
    const [x0, x1] = start.exact;
    expect(x1, 'the tick moves between the two states').toBeLessThan(x0!);
    expect(start.descs[0]).toMatch(/The scale runs from/);
    expect(start.descs[0]).not.toBe(start.descs[1]);
    await scrollIntoGap(page, 0, 0.5, SCROLLY);
    // Half-way through the gap: the tick lies strictly between its two places, a new tick is fading in.
    await page.waitForFunction(([id, tick, x0, x1]) => {
      const shown = document.querySelector(`[data-scrolly="${id}"] .chart-state[data-state-active] .chart-wide svg`);
      const x = Number(/translate\(([^,]+),/.exec(shown?.querySelector(`[data-axis="x"] > text[data-key="${tick}"]:not([data-motion-copy])`)?.getAttribute('transform') ?? '')?.[1] ?? NaN);
      return x > x1 && x < x0;
    }, [SCROLLY, TICK, x0!, x1!] as const, { timeout: 10_000 });
    const mid = await read(page);
    expect(mid.active).toBe('0');
    expect(mid.arriving).toBeGreaterThan(0);
    expect(mid.arriving).toBeLessThan(1);
    // Screen readers are told state 0's scale, never a frame's; the state moved toward is only read.
    expect(mid.desc).toBe(start.descs[0]);
    expect(mid.shown).toBe(mid.exact[0]);
    expect(mid.exact[1]).toBe(x1);
    // Into step 1's card (its short text: just past its top): the pre-rendered state 1, and state 0 put back exactly.
    await page.evaluate((id) => {
      const root = document.querySelector(`[data-scrolly="${id}"]`)!;
      const line = innerHeight * parseFloat(getComputedStyle(root).getPropertyValue('--scrolly-offset'));
      const card = document.getElementById(`${id}-1`)!.getBoundingClientRect();
      scrollBy(0, card.top + card.height / 2 - line);
    }, SCROLLY);
    await page.waitForFunction((id) => document.querySelector(`[data-scrolly="${id}"] .chart-state[data-state-active]`)?.getAttribute('data-state') === '1', SCROLLY);
    await expect.poll(async () => (await read(page)).copies, { timeout: 5000 }).toBe(0);
    const end = await read(page);
    expect(end.shown).toBe(x1);
    expect(end.desc).toBe(start.descs[1]);
    expect(end.exact).toEqual(start.exact);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('scrolly motion: waffle cells flow', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => browser?.close());

  // The catalog's waffle of LAION-5B's subsets: from step 1 to step 2 the English part leaves and the multilingual one moves to the front.
  const SCROLLY = 'subsets-flow-example';

  it('carries a cell from its place to its new one as a unit, no copy faded in', async () => {
    const { page, errors } = await browser.open('/components/');
    /** Cell p1.1 (the multilingual part's second piece): its y in state 1's variant, in state 2's, and the copies around. */
    const cell = () =>
      page.evaluate((id) => {
        const root = document.querySelector(`[data-scrolly="${id}"] .chart-wide`)!;
        const y = (el: Element | null) => Number(el?.getAttribute('y') ?? NaN);
        return {
          states: [1, 2].map((n) => y(root.querySelector(`[data-state="${n}"] rect[data-key="p1.1"]:not([data-motion-copy])`))),
          copies: root.querySelectorAll('rect[data-key="p1.1"][data-motion-copy]').length,
          leaving: Number((root.querySelector('[data-state="1"] rect[data-key="p0.0"]') as SVGElement | null)?.style.opacity || 1),
        };
      }, SCROLLY);
    const [y1, y2] = (await cell()).states;
    expect(y2).toBeLessThan(y1!);
    await scrollIntoGap(page, 1, 0.5, SCROLLY);
    await page.waitForFunction(([id, y1, y2]) => {
      const y = Number(document.querySelector(`[data-scrolly="${id}"] .chart-wide [data-state="1"] rect[data-key="p1.1"]`)?.getAttribute('y'));
      return y > y2 && y < y1;
    }, [SCROLLY, y1!, y2!] as const, { timeout: 10_000 });
    const mid = await cell();
    expect(mid.copies).toBe(0);
    expect(mid.leaving).toBeGreaterThan(0);
    expect(mid.leaving).toBeLessThan(1);
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

describe('scrolly motion: the taxonomy tree focus', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => browser?.close());

  // a-taxonomy-of-people's tree: step 1 opens "worker" and focuses "skilled worker", far below "person".
  const TREE_PAGE = '/a-taxonomy-of-people/';
  const TREE = 'tree';

  /** The tree's state: the focused node, its row's top in the tree's content, the travelling outline's top, rows drawn moved or faded. */
  const treeState = (page: Page) =>
    page.evaluate((id) => {
      const tree = document.querySelector<HTMLElement>(`[data-scrolly="${id}"] .taxonomy-tree`)!;
      const top = tree.getBoundingClientRect().top + tree.clientTop - tree.scrollTop;
      const li = tree.querySelector<HTMLElement>('li[data-focused]');
      const row = li?.querySelector(':scope > details > summary, :scope > .taxonomy-leaf');
      const band = tree.querySelector<HTMLElement>('.taxonomy-band');
      const moved = Array.from(tree.querySelectorAll<HTMLElement>('summary, .taxonomy-leaf')).filter((r) => r.style.transform || r.style.opacity);
      return {
        focused: li?.dataset['node'],
        rowY: row ? row.getBoundingClientRect().top - top : NaN,
        moving: tree.hasAttribute('data-moving'),
        bandY: Number(/translate\([^,]+,([^)]+)px\)/.exec(band?.style.transform ?? '')?.[1] ?? NaN),
        moved: moved.length,
        fading: moved.filter((r) => Number(r.style.opacity || 1) > 0 && Number(r.style.opacity || 1) < 1).length,
        hiddenFromReaders: tree.querySelectorAll('ul[aria-hidden="true"]').length,
      };
    }, TREE);

  /** Puts the trigger line just inside step n's card (no motion there: the exact state). */
  const intoCard = (page: Page, n: number) =>
    page.evaluate(([id, n]) => {
      const root = document.querySelector(`[data-scrolly="${id}"]`)!;
      const line = innerHeight * parseFloat(getComputedStyle(root).getPropertyValue('--scrolly-offset'));
      scrollBy(0, document.getElementById(`${id}-${n}`)!.getBoundingClientRect().top + 20 - line);
    }, [TREE, n] as const);

  it('half-way between two steps the focus mark lies between its two rows; the steps land exactly', async () => {
    const { page, errors } = await browser.open(TREE_PAGE);
    const root = page.locator(`[data-scrolly="${TREE}"]`);
    expect(await root.getAttribute('data-motion')).toBe('scrub');
    const targets = JSON.parse((await page.locator(`[data-scrolly="${TREE}"] [data-taxonomy]`).getAttribute('data-steps'))!) as string[];
    // Straight to step 0's card (scrolling past step 1 on the way would open its branch for good, as focusNode does).
    await intoCard(page, 0);
    await twoFrames(page);
    await intoCard(page, 0);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /\/TaxonomyTree\.motion\.[\w-]+\.js$/.test(r.name)), undefined, { timeout: 10_000 });
    await page.waitForFunction(([id, t]) => document.querySelector(`[data-scrolly="${id}"] li[data-focused]`)?.getAttribute('data-node') === t, [TREE, targets[0]!] as const);
    await twoFrames(page);
    const start = await treeState(page);
    expect(start).toMatchObject({ focused: targets[0], moving: false, moved: 0 });
    // Half-way through the gap: the tree is moving, the mark travels, revealed rows fade in.
    await scrollIntoGap(page, 0, 0.5, TREE);
    await page.waitForFunction((id) => document.querySelector(`[data-scrolly="${id}"] .taxonomy-tree`)?.hasAttribute('data-moving'), TREE, { timeout: 5000 });
    await twoFrames(page);
    const mid = await treeState(page);
    // Screen readers still find step 0's focus, and not the rows shown only for the motion.
    expect(mid.focused).toBe(targets[0]);
    expect(mid.hiddenFromReaders).toBeGreaterThan(0);
    expect(mid.fading).toBeGreaterThan(0);
    // Into step 1's card: the exact state, nothing drawn over it.
    await scrollIntoGap(page, 0, 1.2, TREE);
    await page.waitForFunction(([id, t]) => {
      const tree = document.querySelector(`[data-scrolly="${id}"] .taxonomy-tree`);
      return tree?.querySelector('li[data-focused]')?.getAttribute('data-node') === t && !tree.hasAttribute('data-moving');
    }, [TREE, targets[1]!] as const, { timeout: 5000 });
    await twoFrames(page);
    const end = await treeState(page);
    expect(end).toMatchObject({ focused: targets[1], moving: false, moved: 0, hiddenFromReaders: 0 });
    expect(mid.bandY).toBeGreaterThan(Math.min(start.rowY, end.rowY));
    expect(mid.bandY).toBeLessThan(Math.max(start.rowY, end.rowY));
    // Back to step 0's card: its exact state again.
    await intoCard(page, 0);
    await page.waitForFunction(([id, t]) => {
      const tree = document.querySelector(`[data-scrolly="${id}"] .taxonomy-tree`);
      return tree?.querySelector('li[data-focused]')?.getAttribute('data-node') === t && !tree.hasAttribute('data-moving');
    }, [TREE, targets[0]!] as const, { timeout: 5000 });
    expect(await treeState(page)).toMatchObject({ focused: targets[0], moving: false, moved: 0, hiddenFromReaders: 0 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with reduced motion, jumps to the exact focus and never fetches the tree motion code', async () => {
    const reduced = await launch({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    try {
      const { page, errors } = await reduced.open(TREE_PAGE);
      const scripts: string[] = [];
      page.on('request', (r) => scripts.push(r.url()));
      const targets = JSON.parse((await page.locator(`[data-scrolly="${TREE}"] [data-taxonomy]`).getAttribute('data-steps'))!) as string[];
      await page.locator(`[data-scrolly="${TREE}"]`).scrollIntoViewIfNeeded();
      await scrollIntoGap(page, 0, 0.5, TREE);
      await twoFrames(page);
      await twoFrames(page);
      expect(await treeState(page)).toMatchObject({ focused: targets[0], moving: false, moved: 0 });
      await scrollIntoGap(page, 0, 1.2, TREE);
      await page.waitForFunction(([id, t]) => document.querySelector(`[data-scrolly="${id}"] li[data-focused]`)?.getAttribute('data-node') === t, [TREE, targets[1]!] as const, { timeout: 5000 });
      expect(await treeState(page)).toMatchObject({ focused: targets[1], moving: false, moved: 0 });
      expect(scripts.filter((u) => /TaxonomyTree\.motion\.[\w-]+\.js$/.test(u))).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await reduced.close();
    }
  });
});
