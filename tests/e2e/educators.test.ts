// Educators' views of the built site: the print handout and figure embeds.
// Expectations come from the essay page itself (its scrollies, steps and
// states), so they follow the content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type OpenBrowser } from './browser.ts';

const ESSAY = '/reading-a-datasheet/';

/** states: the data-state values of the graphic, grouped by parent element (each chart its own sequence). */
interface ScrollyShape { id: string; steps: string[]; states: string[]; groups: number[][] }

/** The state values shown at step k: per group, the largest value <= k (BRIEF decision 4). */
function shownAt(groups: number[][], k: number): string[] {
  return groups.flatMap((g) => { const ok = g.filter((n) => n <= k); return ok.length ? [String(Math.max(...ok))] : []; }).sort();
}

/** Each scrolly of a page: id, step texts and the state values its graphic declares. */
function scrolliesOf(page: Page): Promise<ScrollyShape[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('section[data-scrolly]')).map((root) => ({
      id: root.dataset['scrolly']!,
      steps: Array.from(root.querySelectorAll<HTMLElement>('[data-step]')).map((s) => s.innerText.replace(/\s+/g, ' ').trim()),
      states: Array.from(root.querySelectorAll<HTMLElement>('[data-scrolly-graphic] [data-state]')).map((s) => s.dataset['state']!),
      groups: (() => {
        const byParent = new Map<Element | null, number[]>();
        for (const s of Array.from(root.querySelectorAll<HTMLElement>('[data-scrolly-graphic] [data-state]'))) {
          byParent.set(s.parentElement, [...(byParent.get(s.parentElement) ?? []), Number(s.dataset['state'])]);
        }
        return [...byParent.values()];
      })(),
    })),
  );
}

describe('print handout', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lays out every step of every scrolly with its own graphic state and caption', async () => {
    const essay = await browser.open(ESSAY);
    const scrollies = await scrolliesOf(essay.page);
    expect(scrollies.length).toBeGreaterThan(0);
    const { page, errors } = await browser.open(`${ESSAY}print/`);
    for (const s of scrollies) {
      const items = page.locator(`[data-handout-scrolly="${s.id}"] .handout-step`);
      expect(await items.count(), s.id).toBe(s.steps.length);
      for (let k = 0; k < s.steps.length; k++) {
        const item = items.nth(k);
        expect((await item.locator('.handout-caption').innerText()).replace(/\s+/g, ' ')).toContain(s.steps[k]!.slice(0, 40));
        if (shownAt(s.groups, k).length) {
          const shown = item.locator('[data-state]');
          expect((await shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')!))).sort(), `${s.id} step ${k}`).toEqual(shownAt(s.groups, k));
          // Shown by CSS (an empty state, like "nothing highlighted", has no box to test).
          const style = await shown.first().evaluate((e) => { const c = getComputedStyle(e); return [c.display, c.visibility, c.opacity]; });
          expect(style).toEqual([expect.not.stringMatching(/^none$/), 'visible', '1']);
        }
      }
    }
    // No interactive chrome, no site header, nothing left that scrolls.
    expect(await page.locator('.site-header, button, [data-scrolly]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('prints the essay page without chrome, pointing to the handout', async () => {
    const { page } = await browser.open(ESSAY);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.essay-print-note').innerText()).toMatch(/\/reading-a-datasheet\/print\//);
  });

  it('prints charts without their on-screen "Data table" toggle', async () => {
    const { page } = await browser.open('/ways-to-see-a-dataset/');
    const labels = page.locator('.chart-table-label');
    expect(await labels.count()).toBeGreaterThan(0);
    expect(await labels.first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await labels.evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none').length)).toBe(0);
  });
});

describe('embeds', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('publishes each scrolly alone with an attribution link back to the essay', async () => {
    const essay = await browser.open(ESSAY);
    const [first] = await scrolliesOf(essay.page);
    const { page, errors } = await browser.open(`/embed/reading-a-datasheet/${first!.id}/`);
    expect(await page.locator('section[data-scrolly]').count()).toBe(1);
    expect(await page.locator(`section[data-scrolly="${first!.id}"] [data-step]`).count()).toBe(first!.steps.length);
    expect(await page.locator('.site-header, .site-footer').count()).toBe(0);
    const back = page.locator('[data-embed-source]');
    expect(await back.getAttribute('href')).toBe(`${ESSAY}#${first!.id}-0`);
    expect(await back.innerText()).toBe('Reading a datasheet before reading a dataset');
    // "..., by Name": the byline is separated from the title (it once read "dataset,by").
    expect(await page.locator('.embed-attribution').innerText()).toMatch(/^From Reading a datasheet before reading a dataset, by \S.*, on .+\.$/);
    expect(errors).toEqual([]);
  });

  it('?step=n freezes the figure at step n: one caption, its state', async () => {
    const essay = await browser.open(ESSAY);
    const shape = (await scrolliesOf(essay.page)).find((s) => s.states.length > 1 && s.groups.length === 1)!;
    const step = shape.steps.length - 1;
    const { page, errors } = await browser.open(`/embed/reading-a-datasheet/${shape.id}/?step=${step}`);
    await page.locator('[data-frozen-step]').waitFor();
    const visibleSteps = await page.locator('[data-step]').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute('data-step')));
    expect(visibleSteps).toEqual([String(step)]);
    const shown = await page.locator('[data-scrolly-graphic] [data-state]').evaluateAll((els) =>
      els.filter((e) => getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden').map((e) => e.getAttribute('data-state')));
    expect(shown).toEqual(shownAt(shape.groups, step));
    expect(errors).toEqual([]);
  });

  it('puts a working "Copy embed code" button next to each figure of the essay', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page, errors } = await browser.open(ESSAY);
    const scrollies = await scrolliesOf(page);
    const buttons = page.locator('[data-embed-copy] button');
    await buttons.first().waitFor();
    expect(await buttons.count()).toBe(scrollies.length);
    expect(await page.locator(`section[data-scrolly="${scrollies[0]!.id}"] + [data-embed-copy] button`).count()).toBe(1);
    await buttons.first().click();
    await page.locator('[data-embed-copy] [role=status]', { hasText: /^Copied: embed code for step \d+, \d+ px tall$/ }).waitFor({ timeout: 15_000 });
    expect(await buttons.first().innerText()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const m = new RegExp(`^<iframe src="(http://127\\.0\\.0\\.1:\\d+/embed/reading-a-datasheet/${scrollies[0]!.id}/\\?step=(\\d+))" title="[^"]*" width="100%" height="(\\d+)"`).exec(copied);
    expect(m, copied).not.toBeNull();
    expect(copied).toContain('"dataset-essays:embed-height"');
    // The fixed height fits the embed page's content at the figure's width.
    const width = await page.locator(`section[data-scrolly="${scrollies[0]!.id}"]`).evaluate((el) => Math.round(Math.min(960, Math.max(320, el.getBoundingClientRect().width))));
    const host = await browser.context.newPage();
    await host.setViewportSize({ width, height: 400 });
    await host.goto(m![1]!);
    const content = await host.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await host.close();
    expect(Number(m![3])).toBeGreaterThanOrEqual(content);
    expect(Number(m![3])).toBeLessThanOrEqual(content + 40);
    expect(errors).toEqual([]);
  });
});
