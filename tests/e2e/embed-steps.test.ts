// Embeds of interactive figures at ?step=n show the essay's state at step n
// (issue #22, deliverable 3; they were one step behind): the threshold
// histograms and the MNIST image grid, compared with the essay's deep link
// #<id>-<n> in one browser. The step count is read from the essay page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type OpenBrowser } from './browser.ts';

/** Interactive scrollies: where the island marks itself hydrated, and what of it shows the step. */
const FIGURES = [
  { slug: 'ways-to-see-a-dataset', id: 'ink', ready: '.threshold[data-hydrated="true"]', shows: '.threshold' },
  { slug: 'curation-by-statistics', id: 'threshold', ready: '.threshold[data-hydrated="true"]', shows: '.threshold' },
  { slug: 'ways-to-see-a-dataset', id: 'look', ready: '[data-image-grid][data-hydrated="true"]', shows: '.grid-summary' },
] as const;

type Figure = (typeof FIGURES)[number];

/** The island's visible state in scrolly `id`: the shown element's text and, for a threshold, its edge index. */
async function stateOf(page: Page, figure: Figure): Promise<{ text: string; edge: string | null }> {
  const scope = `[data-scrolly="${figure.id}"] [data-scrolly-graphic]`;
  await page.locator(`${scope} ${figure.ready}`).first().waitFor({ timeout: 20_000 });
  const read = () =>
    page.locator(`${scope} ${figure.shows}`).first().evaluate((el) => ({
      text: (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      edge: el.getAttribute('data-edge'),
    }));
  // Settled: the same state twice, 300 ms apart (scroll-driven steps and glides end).
  let last = await read();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(300);
    const now = await read();
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  return last;
}

describe('embeds of interactive figures at ?step=n', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(FIGURES)('$slug $id: the embed shows the essay state of every step', async (figure) => {
    const first = await browser.open(`/${figure.slug}/`);
    const count = await first.page.locator(`[data-scrolly="${figure.id}"] [data-step]`).count();
    await first.page.close();
    expect(count).toBeGreaterThan(1);
    const seen: string[] = [];
    for (let n = 0; n < count; n++) {
      const essay = await browser.open(`/${figure.slug}/#${figure.id}-${n}`);
      const expected = await stateOf(essay.page, figure);
      await essay.page.close();
      const embed = await browser.open(`/embed/${figure.slug}/${figure.id}/?step=${n}`);
      await embed.page.locator('[data-frozen-step]').waitFor();
      const shown = await stateOf(embed.page, figure);
      await embed.page.close();
      expect(shown, `step ${n}`).toEqual(expected);
      expect(essay.errors.concat(embed.errors)).toEqual([]);
      seen.push(JSON.stringify(shown));
    }
    // The steps do change the figure (a test that compared two stuck copies would pass otherwise).
    expect(new Set(seen).size).toBeGreaterThan(1);
  });
});
