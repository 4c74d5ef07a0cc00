// The chart components in the built catalog (/components/: the live examples
// of each chart's .docs.ts, on real aggregates) in Chromium: the threshold by
// keyboard, mouse and touch with exact counts, step-driven states, the
// data-table switch, no console errors (CSP), no-JS rendering, reduced motion
// (on an essay: the catalog switches states without transitions), and the
// island's size budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launch, type OpenBrowser } from './browser.ts';

const PAGE = '/components/';
/** An essay with a stepped bar chart, where states fade unless motion is reduced. */
const ESSAY = '/curation-by-statistics/';

// Expected counts straight from the aggregate (not through the binning code).
const speakers = JSON.parse(readFileSync('src/generated/data/cldr-speakers.json', 'utf8')) as { data: { languages: { speakers: number }[] } };
const logs = speakers.data.languages.filter((l) => l.speakers > 0).map((l) => Math.log10(l.speakers));
const atLeast = (v: number) => logs.filter((x) => x >= v).length;
const ink = JSON.parse(readFileSync('src/generated/data/mnist-ink.json', 'utf8')) as { data: { edges: number[]; digits: { counts: number[] }[] } };
const inkAtLeast = (v: number) => ink.data.digits.reduce((sum, d) => sum + d.counts.filter((_, i) => ink.data.edges[i]! >= v).reduce((a, b) => a + b, 0), 0);

const slider = (page: Page, id: string) => page.locator(`#${id} [role="slider"]`);
const kept = (page: Page, id: string) => page.locator(`#${id} [data-count="kept"]`).textContent().then((t) => Number(t!.replace(/,/g, '')));
const removed = (page: Page, id: string) => page.locator(`#${id} [data-count="removed"]`).textContent().then((t) => Number(t!.replace(/,/g, '')));

/** Scrolls so that step n of scrolly `id` is just past the trigger line (mid-screen). */
async function goToStep(page: Page, id: string, n: number) {
  await page.evaluate(([id, n]) => {
    const step = document.getElementById(`${id}-${n}`)!;
    scrollTo({ top: step.getBoundingClientRect().top + scrollY - innerHeight * 0.5 + 20, behavior: 'instant' });
  }, [id, n] as const);
  await page.waitForFunction(([id, n]) => document.querySelector(`[data-scrolly="${id}"]`)?.getAttribute('data-active-step') === String(n), [id, n] as const, { timeout: 5000 });
}

async function hydrated(page: Page, id: string) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await page.locator(`#${id} .threshold[data-hydrated="true"]`).waitFor({ timeout: 10_000 });
}

/** Client x of a value on the speakers histogram (viewBox 640 wide, margins 64/32, domain 0..10). */
async function clientXOf(page: Page, id: string, value: number) {
  const box = (await page.locator(`#${id} .threshold-overlay`).boundingBox())!;
  return { x: box.x + ((64 + (value / 10) * (640 - 64 - 32)) / 640) * box.width, y: box.y + box.height / 2 };
}

describe('charts in the component catalog', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders every chart with a labelled SVG, a source line and a data table', async () => {
    const { page, errors } = await browser.open(PAGE);
    const charts = await page.locator('figure.chart').evaluateAll((figs) =>
      figs.map((f) => ({
        kind: f.getAttribute('data-chart'),
        svgLabelled: [...f.querySelectorAll('svg[role="img"]')].every((s) => (s.getAttribute('aria-labelledby') ?? '').split(' ').every((id) => document.getElementById(id))),
        source: f.querySelector('.source-line a')?.textContent ?? '',
        rows: f.querySelectorAll('.chart-table tbody tr').length,
        styleInSvg: f.querySelectorAll('svg style').length,
      })),
    );
    expect(charts.map((c) => c.kind).sort()).toEqual(['bar', 'bar', 'dot-ratio', 'histogram', 'histogram', 'histogram', 'lineage', 'scale-timeline', 'scale-timeline', 'taxonomy', 'taxonomy', 'waffle', 'waffle']);
    for (const c of charts) {
      expect(c.svgLabelled, c.kind!).toBe(true);
      expect(c.source, c.kind!).toMatch(/^Source: /);
      expect(c.rows, c.kind!).toBeGreaterThan(0);
      expect(c.styleInSvg).toBe(0);
    }
    expect(errors).toEqual([]);
  });

  it('moves the threshold with the keyboard and shows exact counts', async () => {
    const { page, errors } = await browser.open(PAGE);
    await hydrated(page, 'speakers-example');
    const s = slider(page, 'speakers-example');
    expect(await s.getAttribute('aria-valuenow')).toBe('6');
    expect(await kept(page, 'speakers-example')).toBe(atLeast(6));
    expect(await removed(page, 'speakers-example')).toBe(logs.length - atLeast(6));
    await s.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => s.getAttribute('aria-valuenow')).toBe('6.5');
    expect(await kept(page, 'speakers-example')).toBe(atLeast(6.5));
    await page.keyboard.press('PageUp');
    await expect.poll(() => s.getAttribute('aria-valuenow')).toBe('7.5');
    await page.keyboard.press('Home');
    await expect.poll(() => kept(page, 'speakers-example')).toBe(logs.length);
    await page.keyboard.press('End');
    await expect.poll(() => kept(page, 'speakers-example')).toBe(0);
    expect(await s.getAttribute('aria-valuetext')).toBe(`10 billion: 0 languages kept (0%), ${logs.length} removed (100%)`);
    expect(errors).toEqual([]);
  });

  it('counts all 70,000 MNIST digits on either side of the ink threshold', async () => {
    const { page, errors } = await browser.open(PAGE);
    await hydrated(page, 'ink-example');
    expect(await kept(page, 'ink-example')).toBe(inkAtLeast(60));
    expect((await kept(page, 'ink-example')) + (await removed(page, 'ink-example'))).toBe(70_000);
    await slider(page, 'ink-example').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => kept(page, 'ink-example')).toBe(inkAtLeast(50));
    expect(errors).toEqual([]);
  });

  it('drags the threshold with the mouse and with touch', async () => {
    const { page, errors } = await browser.open(PAGE);
    await hydrated(page, 'speakers-example');
    const from = await clientXOf(page, 'speakers-example', 6);
    const to = await clientXOf(page, 'speakers-example', 8);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, from.y, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => slider(page, 'speakers-example').getAttribute('aria-valuenow')).toBe('8');
    expect(await kept(page, 'speakers-example')).toBe(atLeast(8));

    // Touch: a pen/touch pointer sequence, as a phone sends it.
    const touchAt = await clientXOf(page, 'speakers-example', 5);
    const overlay = page.locator('#speakers-example .threshold-overlay');
    for (const type of ['pointerdown', 'pointerup']) {
      await overlay.dispatchEvent(type, { pointerType: 'touch', pointerId: 7, isPrimary: true, button: 0, clientX: touchAt.x, clientY: touchAt.y });
    }
    await expect.poll(() => slider(page, 'speakers-example').getAttribute('aria-valuenow')).toBe('5');
    expect(await kept(page, 'speakers-example')).toBe(atLeast(5));
    expect(errors).toEqual([]);
  });

  it('follows scroll steps: the histogram threshold and the bar chart state', async () => {
    const { page, errors } = await browser.open(PAGE);
    await hydrated(page, 'speakers-steps-example');
    for (const [n, value] of [[1, '7'], [2, '8'], [0, '6']] as const) {
      await goToStep(page, 'speakers-scrolly-example', n);
      await expect.poll(() => slider(page, 'speakers-steps-example').getAttribute('aria-valuenow'), { timeout: 5000 }).toBe(value);
    }
    expect(await kept(page, 'speakers-steps-example')).toBe(atLeast(6));

    // The states share one SVG per layout: each part that changes shows one variant, the latest state's.
    expect(await page.locator('#domains-steps-example svg[role="img"]').count()).toBe(2);
    for (const n of [2, 3, 1]) {
      await goToStep(page, 'domains-scrolly-example', n);
      await expect.poll(() => shownVariants(page, 'domains-steps-example', n), { timeout: 5000 }).toEqual({ ok: true, latest: n, said: String(n) });
    }
    const bold = await page.locator('#domains-steps-example [data-state="1"] text[font-weight="700"]').allTextContents();
    expect(bold.join(' ')).toContain('pinterest.com');
    expect(errors).toEqual([]);
  });

  it('shows and hides the data table with its switch (keyboard too)', async () => {
    const { page, errors } = await browser.open(PAGE);
    const table = page.locator('#one-in-forty-example .chart-table');
    const width = () => table.evaluate((el) => el.getBoundingClientRect().width);
    expect(await width()).toBeLessThanOrEqual(1);
    expect(await page.getByRole('table', { name: /Pinterest's share/ }).count()).toBe(1);
    await page.locator('#one-in-forty-example .chart-table-label').click();
    await expect.poll(width).toBeGreaterThan(200);
    expect(await page.locator('#one-in-forty-example .chart-table-toggle').getAttribute('aria-controls')).toBe('one-in-forty-example-table');
    await page.locator('#one-in-forty-example .chart-table-toggle').focus();
    await page.keyboard.press('Space');
    await expect.poll(width).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
  });

  it('searches the taxonomy tree and focuses branches by step', async () => {
    const { page, errors } = await browser.open(PAGE);
    const tree = page.locator('#person-tree-example');
    await page.locator('#person-tree-example [data-taxonomy][data-ready="true"]').waitFor({ timeout: 10_000 });
    await tree.getByLabel('Find a category').fill('worker');
    const status = await tree.locator('output').textContent();
    const matches = Number(status!.match(/^(\d+)/)![1]);
    expect(matches).toBeGreaterThan(1);
    expect(await tree.locator('li[data-match]').count()).toBe(matches);
    // Every visible node matches or leads to a match; every match contains the query.
    const visible = await tree.locator('li[data-node]').evaluateAll((els) =>
      els.filter((e) => !e.closest('[hidden]')).map((e) => [(e as HTMLElement).dataset['label']!, e.hasAttribute('data-match') || !!e.querySelector('li[data-match]')] as const),
    );
    expect(visible.length).toBeGreaterThan(matches - 1);
    for (const [label, relevant] of visible) expect(relevant, label).toBe(true);
    for (const label of await tree.locator('li[data-match]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['label']!))) expect(label).toContain('worker');
    await tree.getByLabel('Find a category').fill('');
    expect(await tree.locator('li[hidden]').count()).toBe(0);

    const focused = () => page.locator('#person-steps-example li[data-focused]').evaluate((li) => (li as HTMLElement).dataset['label']);
    for (const [n, label] of [[1, 'worker'], [2, 'skilled worker'], [0, 'person']] as const) {
      await goToStep(page, 'person-scrolly-example', n);
      await expect.poll(focused, { timeout: 5000 }).toBe(label);
    }
    expect(errors).toEqual([]);
  });

  it('ships a small threshold island (no Plot, no d3)', async () => {
    const { page } = await browser.open(PAGE);
    const url = await page.locator('#speakers-example astro-island').getAttribute('component-url');
    const js = readFileSync(`dist${url}`);
    expect(gzipSync(js).length).toBeLessThan(4096);
    expect(js.toString()).not.toMatch(/observablehq|d3-/);
  });
});

/**
 * In a merged stepped chart (wide SVG) at step `n`: whether every part that
 * changes with the steps shows exactly one variant, the one of the latest
 * state <= n; the latest state shown; and the state whose sentence screen
 * readers get.
 */
const shownVariants = (page: Page, id: string, n: number) =>
  page.evaluate(([id, n]) => {
    const svg = document.querySelector(`#${id} .chart-wide svg`)!;
    const groups = [...svg.children].filter((g) => g.firstElementChild?.hasAttribute('data-state'));
    const state = (v: Element) => Number(v.getAttribute('data-state'));
    const ok = groups.length > 0 && groups.every((g) => {
      const shown = [...g.children].filter((v) => getComputedStyle(v).visibility === 'visible').map(state);
      return shown.length === 1 && shown[0] === Math.max(...[...g.children].map(state).filter((x) => x <= n));
    });
    const latest = Math.max(...groups.flatMap((g) => [...g.children].filter((v) => getComputedStyle(v).visibility === 'visible').map(state)));
    const said = document.querySelector(`#${id} .chart-said [data-state-active]`)?.getAttribute('data-state') ?? null;
    return { ok, latest, said };
  }, [id, n] as const);

describe('charts without JavaScript and with reduced motion', () => {
  it('reads without JavaScript: SVGs, server counts, source lines', async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      const { page } = await noJs.open(PAGE);
      expect(await page.locator('figure.chart svg[role="img"]').count()).toBeGreaterThan(6);
      expect(await kept(page, 'speakers-example')).toBe(atLeast(6));
      // A slider that cannot move without JavaScript is not offered as one.
      expect(await page.locator('[role="slider"]').count()).toBe(0);
      // Wait for the state to settle: stylesheets may still be applying (and
      // transitioning visibility) right after load.
      const visibleStates = () => page.locator('#domains-steps-example .chart-state').evaluateAll((els) => els.filter((e) => getComputedStyle(e).visibility === 'visible').length);
      await expect.poll(visibleStates, { timeout: 5_000 }).toBe(1);
      await expect.poll(() => shownVariants(page, 'domains-steps-example', 0), { timeout: 5_000 }).toEqual({ ok: true, latest: 0, said: '0' });
    } finally {
      await noJs.close();
    }
  });

  it('has no transitions between states under prefers-reduced-motion (and has them otherwise, unless marks move instead)', async () => {
    const longest = async (reducedMotion: 'reduce' | 'no-preference', path: string, chart: string) => {
      const browser = await launch({ reducedMotion });
      try {
        const { page } = await browser.open(path);
        const durations = await page.locator(`${chart} svg [data-state]`).evaluateAll((els) => els.map((e) => getComputedStyle(e).transitionDuration));
        expect(durations.length).toBeGreaterThanOrEqual(8);
        return Math.max(...durations.flatMap((d) => d.split(',').map((x) => parseFloat(x))));
      } finally {
        await browser.close();
      }
    };
    expect(await longest('reduce', ESSAY, '#source-domains')).toBeLessThanOrEqual(0.0001);
    // A scrolly without motion cross-fades its states...
    expect(await longest('no-preference', '/ways-to-see-a-dataset/', '#split-balance')).toBeGreaterThan(0);
    // ...one with motion="scrub" moves the marks instead, and swaps states at once.
    expect(await longest('no-preference', ESSAY, '#source-domains')).toBeLessThanOrEqual(0.0001);
  });
});
