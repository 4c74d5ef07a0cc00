// Figures below the fold render lazily (content-visibility: auto with a
// height bound per figure, src/lib/lazy-render.ts) without hurting readers:
// the rule is in force on the built essay, a skipped figure is never shorter
// than the rendered one (so axe's target-size check, which lays skipped
// content out, finds nothing overlapping, as Lighthouse's did with a flat
// guess), and find-in-page and #links reach content inside a skipped figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type OpenBrowser } from './browser.ts';
import { runAxe, formatAxeViolations } from './page-audit.ts';

const ESSAY = '/ways-to-see-a-dataset/';

interface LazyFigure { id: string; contentVisibility: string; bound: number | undefined; top: number; height: number }

const lazyFigures = (page: Page): Promise<LazyFigure[]> =>
  page.locator('.essay-body > [data-lazy-render]').evaluateAll((els) =>
    els.map((el) => {
      const style = getComputedStyle(el);
      const m = /auto (\d+)px/.exec(style.containIntrinsicHeight);
      const rect = el.getBoundingClientRect();
      return { id: el.id, contentVisibility: style.contentVisibility, bound: m ? Number(m[1]) : undefined, top: rect.top + scrollY, height: rect.height };
    }),
  );

/** Rendered heights with lazy rendering switched off (every figure laid out for real). */
async function renderedHeights(page: Page): Promise<Map<string, number>> {
  // Through the CSSOM: the page's CSP (rightly) refuses an injected <style>.
  await page.locator('.essay-body > [data-lazy-render]').evaluateAll((els) => els.forEach((el) => (el as HTMLElement).style.setProperty('content-visibility', 'visible')));
  return new Map((await lazyFigures(page)).map((f) => [f.id, f.height]));
}

describe('lazy rendering of figures below the fold', () => {
  const browsers: Record<'phone' | 'desktop', OpenBrowser | undefined> = { phone: undefined, desktop: undefined };
  beforeAll(async () => {
    browsers.phone = await launch({ viewport: { width: 320, height: 640 }, isMobile: true, deviceScaleFactor: 2 });
    browsers.desktop = await launch({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browsers.phone?.close();
    await browsers.desktop?.close();
  });

  for (const screen of ['phone', 'desktop'] as const) {
    it(`${screen}: figures below the fold are skipped at their height bound, which is never below their rendered height`, async () => {
      const { page, errors } = await browsers[screen]!.open(ESSAY);
      const figures = await lazyFigures(page);
      expect(figures.length, 'lazily rendered figures on the essay').toBeGreaterThanOrEqual(4);
      const viewport = page.viewportSize()!;
      for (const f of figures) {
        expect(f.contentVisibility, `#${f.id}`).toBe('auto');
        expect(f.bound, `#${f.id} has a height bound`).toBeGreaterThan(0);
        // Far below the first screen: not rendered yet, so it stands at its bound.
        if (f.top > viewport.height * 3) expect(f.height, `#${f.id} is skipped on load`).toBe(f.bound);
      }
      const rendered = await renderedHeights(page);
      for (const f of figures) {
        const real = rendered.get(f.id)!;
        expect(real, `#${f.id} rendered`).toBeGreaterThan(50);
        expect(f.bound!, `#${f.id}: bound ${f.bound} px against ${real} px rendered`).toBeGreaterThanOrEqual(real);
      }
      expect(errors).toEqual([]);
    });
  }

  it('scrolly graphics below the fold are skipped and take the same room skipped as drawn', async () => {
    const { page, errors } = await browsers.phone!.open(ESSAY);
    const graphics = () =>
      page.locator('.essay-body > .scrolly > .scrolly-graphic').evaluateAll((els) =>
        els.map((el) => ({ id: el.closest('[data-scrolly]')!.getAttribute('data-scrolly'), contentVisibility: getComputedStyle(el).contentVisibility, width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height })),
      );
    const skipped = await graphics();
    expect(skipped.length).toBeGreaterThanOrEqual(4);
    for (const g of skipped) expect(g.contentVisibility, `scrolly ${g.id}`).toBe('auto');
    await page.locator('.essay-body > .scrolly > .scrolly-graphic').evaluateAll((els) => els.forEach((el) => (el as HTMLElement).style.setProperty('content-visibility', 'visible')));
    expect((await graphics()).map(({ id, width, height }) => ({ id, width, height }))).toEqual(skipped.map(({ id, width, height }) => ({ id, width, height })));
    expect(errors).toEqual([]);
  });

  it('a deep link to the last step of the last scrolly lands exactly, with everything above it skipped', async () => {
    const { page } = await browsers.phone!.open(ESSAY);
    const target = await page.locator('.essay-body > .scrolly').last().locator('[data-step]').last().getAttribute('id');
    await page.close();
    const { page: deep, errors } = await browsers.phone!.open(`${ESSAY}#${target}`);
    // Where the step's scroll-margin puts it, a few frames after load (nothing above may shift it).
    const offset = () =>
      deep.evaluate(async (id) => {
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const step = document.getElementById(id)!;
        return step.getBoundingClientRect().top - parseFloat(getComputedStyle(step).scrollMarginTop);
      }, target!);
    expect(Math.abs(await offset())).toBeLessThan(2);
    const step = await deep.locator(`#${target}`).getAttribute('data-step');
    await deep.waitForFunction((n) => [...document.querySelectorAll('.essay-body > .scrolly')].at(-1)!.getAttribute('data-active-step') === n, step, { timeout: 5000 });
    expect(Math.abs(await offset())).toBeLessThan(2);
    expect(errors).toEqual([]);
  });

  it('axe finds no overlapping targets on load, before anything is scrolled into view (as Lighthouse audits)', async () => {
    const { page } = await browsers.phone!.open(ESSAY);
    const violations = (await runAxe(page)).filter((v) => v.id === 'target-size');
    expect(violations.length, formatAxeViolations(ESSAY, violations)).toBe(0);
  });

  it('a #link into a skipped figure lands on it, and find-in-page reaches its text', async () => {
    const { page } = await browsers.phone!.open(ESSAY);
    const last = (await lazyFigures(page)).at(-1)!;
    await page.evaluate((id) => (location.hash = `#${id}`), last.id);
    await page.waitForFunction((id) => Math.abs(document.getElementById(id)!.getBoundingClientRect().top) < 2, last.id, { timeout: 5000 });
    // The figure came into view: it is laid out for real now, its title on screen.
    const title = page.locator(`#${last.id} [id$="-title"]`);
    expect(await title.isVisible()).toBe(true);
    await page.evaluate(() => scrollTo(0, 0));
    const text = (await title.textContent())!.trim();
    // window.find is Chromium's find-in-page over the whole document, skipped content included.
    const found = await page.evaluate((t) => (window as unknown as { find: (s: string) => boolean }).find(t), text);
    expect(found).toBe(true);
    await page.waitForFunction((id) => {
      const r = document.getElementById(id)!.getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0;
    }, last.id, { timeout: 5000 });
  });
});
