// The lineage graph of curation-by-statistics in Chromium: each layout is drawn
// once and each step's highlight is an overlay (<use> of the highlighted nodes
// and edges). Checks that every step shows its own highlight, with JavaScript
// (the scrolly), without it (the essay shows state 0; presentation mode and
// the print handout show every state), and that the words match the picture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type OpenBrowser } from './browser.ts';

const ESSAY = '/curation-by-statistics/';
/** Node labels the essay's steps highlight (content/essays/curation-by-statistics/index.mdx). */
const STEP_3 = ['Simulacra Aesthetic Captions', 'AVA', 'LAION-Logos', 'LAION-Aesthetics Predictor V2'];

/**
 * In `root`: per layout (wide, narrow), the labels of the highlighted nodes
 * that show (overlay visible), and the highlight in words that screen readers
 * get (the shown sentence).
 */
const shownIn = (page: Page, root: string) =>
  page.evaluate((root) => {
    const scope = document.querySelector(root)!;
    const layout = (cls: string) => {
      const svg = scope.querySelector(`.${cls} svg`)!;
      return [...svg.querySelectorAll('.lineage-lit')]
        .filter((g) => getComputedStyle(g).visibility === 'visible')
        .flatMap((g) => [...g.querySelectorAll('use')])
        .map((u) => svg.querySelector(u.getAttribute('href')!)!)
        .filter((el) => el.matches('.lineage-node'))
        .map((n) => [...n.querySelectorAll('.lineage-label')].map((t) => t.textContent).join(' '))
        .sort();
    };
    const said = [...scope.querySelectorAll('.chart-said [data-state]')].filter((p) => getComputedStyle(p).display !== 'none' && getComputedStyle(p).visibility !== 'hidden');
    return { wide: layout('chart-wide'), narrow: layout('chart-narrow'), said: said.map((p) => p.textContent) };
  }, root);

/** The labels a "Highlighted: A, B and C." sentence names, sorted (labels hold no commas or " and "). */
const named = (sentence: string) => (sentence ? sentence.replace(/^Highlighted: |\.$/g, '').split(/, | and /).sort() : []);

describe('lineage graph, drawn once per layout', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ reducedMotion: 'reduce' });
  });
  afterAll(async () => browser?.close());

  it('has one copy of every node per layout in the page', async () => {
    const { page, errors } = await browser.open(ESSAY);
    const counts = await page.evaluate(() =>
      ['chart-wide', 'chart-narrow'].map((cls) => {
        const svg = document.querySelector(`#laion-lineage .${cls} svg`)!;
        const ids = [...svg.querySelectorAll('.lineage-node')].map((n) => [...n.querySelectorAll('.lineage-label')].map((t) => t.textContent).join(' '));
        return { nodes: ids.length, unique: new Set(ids).size, svgs: document.querySelectorAll(`#laion-lineage .${cls} svg`).length };
      }),
    );
    for (const c of counts) {
      expect(c.svgs).toBe(1);
      expect(c.nodes).toBeGreaterThan(8);
      expect(c.unique).toBe(c.nodes);
    }
    expect(errors).toEqual([]);
  });

  it('shows each step\'s highlight, in the picture and in words, as the reader scrolls', async () => {
    const { page, errors } = await browser.open(ESSAY);
    const count = Number(await page.locator('[data-scrolly="lineage"]').getAttribute('data-step-count'));
    const sentences = await page.locator('#laion-lineage .chart-said [data-state]').allTextContents();
    expect(sentences.length).toBe(count);
    for (let n = 0; n < count; n++) {
      await page.goto(`${page.url().split('#')[0]}#lineage-${n}`);
      await page.waitForFunction((n) => document.querySelector('[data-scrolly="lineage"]')?.getAttribute('data-active-step') === String(n), n, { timeout: 5000 });
      const shown = await shownIn(page, '#laion-lineage');
      expect(shown.said, `step ${n}`).toEqual([sentences[n]]);
      expect(shown.wide, `step ${n}`).toEqual(named(sentences[n]!));
      expect(shown.narrow, `step ${n}`).toEqual(named(sentences[n]!));
      if (n === 3) expect(shown.wide).toEqual([...STEP_3].sort());
    }
    expect(sentences[0]).toBe('');
    expect(errors).toEqual([]);
  });
});

describe('lineage graph without JavaScript', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ javaScriptEnabled: false });
  });
  afterAll(async () => browser?.close());

  it('the essay shows state 0 and keeps every state\'s highlight in words, in order', async () => {
    const { page } = await browser.open(ESSAY);
    const shown = await shownIn(page, '#laion-lineage');
    expect(shown).toEqual({ wide: [], narrow: [], said: [''] });
    const sentences = await page.locator('#laion-lineage .chart-said [data-state]').evaluateAll((ps) => ps.map((p) => [p.getAttribute('data-state'), p.textContent]));
    expect(sentences.map(([n]) => n)).toEqual(sentences.map((_, i) => String(i)));
    expect(named(sentences[3]![1]!)).toEqual([...STEP_3].sort());
  });

  it('presentation mode shows every step\'s highlight on its slide', async () => {
    const { page } = await browser.open(`${ESSAY}present/`);
    const slides = page.locator('.slide--step:has(.chart-lineage)');
    const n = await slides.count();
    expect(n).toBe(6);
    for (let k = 0; k < n; k++) {
      const id = await slides.nth(k).getAttribute('id');
      const shown = await shownIn(page, `#${id}`);
      expect(shown.said.length, `slide ${k}`).toBe(1);
      expect(shown.wide, `slide ${k}`).toEqual(named(shown.said[0]!));
      if (k === 3) expect(shown.wide).toEqual([...STEP_3].sort());
    }
  });

  it('the print handout shows every step\'s highlight next to its step', async () => {
    const { page } = await browser.open(`${ESSAY}print/`);
    const items = page.locator('[data-handout-scrolly="lineage"] .handout-step');
    expect(await items.count()).toBe(6);
    for (let k = 0; k < 6; k++) {
      const shown = await page.evaluate((k) => {
        const item = document.querySelectorAll('[data-handout-scrolly="lineage"] .handout-step')[k]!;
        const svg = item.querySelector('.chart-wide svg')!;
        const labels = [...svg.querySelectorAll('.lineage-lit')]
          .filter((g) => getComputedStyle(g).visibility === 'visible')
          .flatMap((g) => [...g.querySelectorAll('use')])
          .map((u) => svg.querySelector(u.getAttribute('href')!))
          .filter((el): el is Element => !!el && el.matches('.lineage-node'))
          .map((node) => [...node.querySelectorAll('.lineage-label')].map((t) => t.textContent).join(' '));
        return { labels: labels.sort(), said: item.querySelector('.chart-said [data-state]')?.textContent ?? null };
      }, k);
      expect(shown.said, `handout step ${k}`).not.toBeNull();
      expect(shown.labels, `handout step ${k}`).toEqual(named(shown.said!));
    }
  });
});
