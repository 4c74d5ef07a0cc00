// Charts on a phone (390 x 844): the compact SVGs show, their text is at least
// 11 CSS px (font size x the SVG's scale), nothing sticks out of the figure,
// and the histogram threshold still follows the pointer on the compact SVG.
// Also: long row labels of the wide scale timeline are not cut on a desktop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type OpenBrowser } from './browser.ts';
import { frameX, histogramFrame } from '../../src/lib/charts/histogram.ts';
import { NARROW_WIDTH } from '../../src/lib/charts/states.ts';

const PHONE = { width: 390, height: 844 };
const CHARTS: [string, string[]][] = [
  ['/ways-to-see-a-dataset/', ['ink-histogram', 'scale-chart']],
  ['/curation-by-statistics/', ['name-similarity', 'laion-lineage']],
];

interface TextReport {
  /** Rendered size of the smallest text, in CSS px, and what it says. */
  smallest: number;
  text: string;
  count: number;
  /** Text whose box leaves the figure's box (cut by the scrolly graphic or the screen). */
  outside: string[];
}

/** Measures every non-empty text of the SVGs shown (not display:none) in a figure. */
function measureText(page: Page, id: string): Promise<TextReport> {
  return page.locator(`#${id}`).evaluate((figure) => {
    const box = figure.getBoundingClientRect();
    const texts = [...figure.querySelectorAll('svg text')].filter((t) => t.getClientRects().length > 0 && t.textContent!.trim() !== '') as SVGTextElement[];
    let smallest = Infinity;
    let text = '';
    const outside: string[] = [];
    for (const t of texts) {
      const svg = t.ownerSVGElement!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const size = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (size < smallest) [smallest, text] = [size, t.textContent!];
      const r = t.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1) outside.push(t.textContent!);
    }
    return { smallest, text, count: texts.length, outside };
  });
}

describe('charts on a 390 px phone', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ viewport: PHONE });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [path, ids] of CHARTS) {
    it(`renders legible chart text on ${path}`, async () => {
      const { page, errors } = await browser.open(path);
      for (const id of ids) {
        await page.locator(`#${id}`).scrollIntoViewIfNeeded();
        const report = await measureText(page, id);
        expect(report.count, id).toBeGreaterThan(5);
        expect(report.smallest, `${id}: "${report.text}"`).toBeGreaterThanOrEqual(11);
        expect(report.outside, id).toEqual([]);
        // Every shown SVG is the compact one; the wide twins are out of the layout (and the a11y tree).
        const widths = await page.locator(`#${id} svg[role="img"]`).evaluateAll((svgs) =>
          svgs.filter((s) => s.getClientRects().length > 0).map((s) => (s as SVGSVGElement).viewBox.baseVal.width),
        );
        expect(widths.length, id).toBeGreaterThan(0);
        expect(new Set(widths), id).toEqual(new Set([NARROW_WIDTH]));
      }
      expect(errors).toEqual([]);
    });
  }

  it('keeps step states working in the compact lineage graph', async () => {
    const { page, errors } = await browser.open('/curation-by-statistics/#lineage-3');
    await page.waitForFunction(() => document.querySelector('[data-scrolly="lineage"]')?.getAttribute('data-active-step') === '3', null, { timeout: 5000 });
    // The compact graph is drawn once; the shown overlay repeats the highlighted nodes with <use>.
    const shown = () =>
      page.locator('#laion-lineage .chart-narrow .lineage-lit').evaluateAll((overlays) =>
        overlays.filter((g) => getComputedStyle(g).visibility === 'visible').map((g) => [
          g.getAttribute('data-state'),
          [...g.querySelectorAll('use')].map((u) => document.querySelector(u.getAttribute('href')!)!).filter((el) => el.matches('.lineage-node')).map((n) => n.querySelector('.lineage-label')!.textContent),
        ]).filter(([, labels]) => labels!.length > 0),
      );
    await expect.poll(shown, { timeout: 5000 }).toEqual([['3', ['Simulacra Aesthetic Captions', 'AVA', 'LAION-Logos', 'LAION-Aesthetics Predictor V2']]]);
    // Lit nodes read bold, the plain edges fade while something is highlighted.
    const look = () =>
      page.evaluate(() => {
        const svg = document.querySelector('#laion-lineage .chart-narrow svg')!;
        const weight = (el: Element) => getComputedStyle(el.querySelector('.lineage-label')!).fontWeight;
        return { edge: getComputedStyle(svg.querySelector('.lineage-edges .lineage-edge')!).stroke, plainLabel: weight(svg.querySelector('.lineage-node')!) };
      });
    await expect.poll(look, { timeout: 5000 }).toEqual({ edge: 'rgb(140, 138, 132)', plainLabel: '500' });
    expect(errors).toEqual([]);
  });

  it('moves the histogram threshold by touch on the compact SVG', async () => {
    const { page, errors } = await browser.open('/components/');
    const id = 'speakers-example';
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.locator(`#${id} .threshold[data-hydrated="true"]`).waitFor({ timeout: 10_000 });
    // The compact frame: log10 speakers from 0 to 10.
    const frame = histogramFrame([{ x0: 0, x1: 10, count: 1 }], NARROW_WIDTH, 270);
    const overlay = page.locator(`#${id} .threshold-overlay`);
    const box = (await overlay.boundingBox())!;
    const plot = (await page.locator(`#${id} .histogram-plot > .chart-narrow svg`).boundingBox())!;
    expect(Math.abs(box.height - plot.height)).toBeLessThan(2);
    const x = box.x + (frameX(frame, 8) / frame.width) * box.width;
    for (const type of ['pointerdown', 'pointerup']) {
      await overlay.dispatchEvent(type, { pointerType: 'touch', pointerId: 3, isPrimary: true, button: 0, clientX: x, clientY: box.y + box.height / 2 });
    }
    await expect.poll(() => page.locator(`#${id} [role="slider"]`).getAttribute('aria-valuenow')).toBe('8');
    // The handle sits on the line it moves.
    const handle = (await page.locator(`#${id} .threshold-handle`).boundingBox())!;
    expect(Math.abs(handle.x + handle.width / 2 - x)).toBeLessThan(3);
    expect(errors).toEqual([]);
  });
});

describe('wide scale timeline on a desktop', () => {
  it('does not cut long row labels at 1280 px', async () => {
    const desktop = await launch({ viewport: { width: 1280, height: 800 } });
    try {
      const { page } = await desktop.open('/components/');
      const report = await measureText(page, 'scale-example');
      expect(report.count).toBeGreaterThan(5);
      expect(report.outside).toEqual([]);
    } finally {
      await desktop.close();
    }
  });
});
