// The right state everywhere (issue #22, deliverable 3): for every scrolly of
// every essay and every step n, the graphic shows the same thing in the
// essay's deep link #<id>-<n>, the embed /embed/<essay>/<id>/?step=n, the
// slide of that step (reached by PageDown from the first slide, and by PageUp
// from the last), and the offline copy opened from file:// (its essay page
// at #<id>-0 then following in-page links to each next step, its embed at
// ?step=n at an iframe's size, and its deck). What is compared: the
// visible pre-rendered states, the visible text, the visible SVG marks with
// their boxes normalised to their own <svg> and their fill and weight, and
// the islands' state (graphic-state.ts). Islands hydrate offline too
// (src/lib/offline-islands.ts), and each deck's live DOM, every slide
// shown once, has no duplicate id and no dangling reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type OpenBrowser } from './browser.ts';
import { diffGraphic, readGraphic, type GraphicState } from './graphic-state.ts';
import { pageIdProblems } from '../../src/lib/quality/page-ids.ts';
import { offlineEntries } from '../../scripts/pack.ts';
import { readZip, writeZip } from '../../src/lib/zip.ts';

/** Published essays: content/essays/<slug>/index.mdx without `draft: true`. */
const ESSAYS = readdirSync('content/essays').filter((slug) => {
  const file = join('content/essays', slug, 'index.mdx');
  return existsSync(file) && !/^draft:\s*true\s*$/m.test(readFileSync(file, 'utf8').split(/^---$/m)[1] ?? '');
});

/** Islands in a graphic have hydrated and drawn (none left server-rendered, grids drawn); offline too (offline-islands.ts). */
async function islandsReady(page: Page, graphic: string): Promise<void> {
  await page.waitForFunction((graphic) => {
    const root = document.querySelector(graphic);
    if (!root) return false;
    return !root.querySelector('astro-island[ssr]') && !root.querySelector('.grid-island:not([data-drawn="true"])');
  }, graphic, { timeout: 20_000 });
}

/**
 * The graphic's state once it holds still: no CSS transition running in it
 * (states fade over 0.35 s), and the same reading twice, `ms` apart
 * (scrubbed motion and glides end).
 */
async function settled(page: Page, graphic: string, ms = 100): Promise<GraphicState> {
  await page.waitForFunction((graphic) => document.querySelector(graphic)?.getAnimations({ subtree: true }).every((a) => a.playState !== 'running'), graphic, { timeout: 5000 });
  let last = await readGraphic(page, graphic);
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(ms);
    const now = await readGraphic(page, graphic);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  return last;
}

interface Scrolly { id: string; count: number }

const VIEWPORT = { width: 1280, height: 800 };
const EMBED_VIEWPORT = { width: 640, height: 560 };

describe('the same state of every scrolly step everywhere', () => {
  let browser: OpenBrowser;
  let page: Page;
  const errors: string[] = [];
  const idProblems: string[] = [];
  let offline: string;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    offline = mkdtempSync(join(tmpdir(), 'same-state-offline-'));
    for (const entry of readZip(writeZip(await offlineEntries('dist')))) {
      mkdirSync(dirname(join(offline, entry.path)), { recursive: true });
      writeFileSync(join(offline, entry.path), entry.data);
    }
    browser = await launch({ viewport: VIEWPORT });
    page = await browser.context.newPage();
    page.on('console', (msg) => msg.type() === 'error' && errors.push(`${page.url()}: ${msg.text()}`));
    page.on('pageerror', (err) => errors.push(`${page.url()}: ${String(err)}`));
  });
  afterAll(async () => {
    await browser?.close();
    if (offline) rmSync(offline, { recursive: true, force: true });
  });

  const site = (path: string) => new URL(path, baseUrl).href;
  const file = (path: string, rest = '') => pathToFileURL(join(offline, path)).href + rest;

  /** A fresh load (never a same-document hash change). */
  async function go(url: string) {
    if (page.url().split('#')[0] === url.split('#')[0]) await page.goto('about:blank');
    await page.goto(url, { waitUntil: 'load' });
  }

  /** The essay at #<id>-<n>: a fresh load, or (`follow`) the in-page link from the step before. */
  async function essayState(url: string, s: Scrolly, n: number, follow = false): Promise<GraphicState> {
    if (follow) await page.evaluate((hash) => (location.hash = hash), `#${s.id}-${n}`);
    else await go(url);
    const graphic = `[data-scrolly="${s.id}"] [data-scrolly-graphic]`;
    await page.waitForFunction(([id, n]) => document.querySelector(`[data-scrolly="${id}"]`)?.getAttribute('data-active-step') === n, [s.id, String(n)], { timeout: 10_000 });
    await islandsReady(page, graphic);
    return settled(page, graphic);
  }

  async function embedState(url: string, s: Scrolly): Promise<GraphicState> {
    // At the size of the iframe the copied embed code makes, then back.
    await page.setViewportSize(EMBED_VIEWPORT);
    await go(url);
    const graphic = `[data-scrolly="${s.id}"] [data-scrolly-graphic]`;
    await page.locator('[data-frozen-step]').waitFor({ timeout: 10_000 });
    await islandsReady(page, graphic);
    const state = await settled(page, graphic);
    await page.setViewportSize(VIEWPORT);
    return state;
  }

  /** Walks the deck with `key` from its first (PageDown) or last (PageUp) slide; the state of every step slide by "<id>-<n>". */
  async function deckStates(url: string, key: 'PageDown' | 'PageUp'): Promise<Map<string, GraphicState>> {
    await go(url);
    await page.locator('[data-deck][data-deck-live]').waitFor();
    const total = Number(await page.locator('[data-deck]').getAttribute('data-slide-count'));
    if (key === 'PageUp') await page.keyboard.press('End');
    const states = new Map<string, GraphicState>();
    for (let k = 0; k < total; k++) {
      const n = key === 'PageDown' ? k + 1 : total - k;
      if (k > 0) await page.keyboard.press(key);
      await page.waitForFunction((n) => document.querySelector('[data-slide][data-current]')?.getAttribute('data-slide') === String(n), n, { timeout: 5000 });
      const slide = `[data-slide="${n}"]`;
      const target = await page.locator(`${slide} a.slide-qr`).getAttribute('href');
      if (!(await page.locator(`${slide}.slide--step`).count())) continue;
      const graphic = `${slide} .slide-graphic`;
      await islandsReady(page, graphic);
      states.set(new URL(target!).hash.slice(1), await settled(page, graphic, 50));
    }
    // Every slide shown once, its islands hydrated: the live page still has no id twice (two
    // copies of a figure sharing a <pattern id> drew with the other's) and no dangling reference.
    idProblems.push(...pageIdProblems(await page.content()).map((p) => `${url} after ${key}: ${p}`));
    return states;
  }

  it.each(ESSAYS)('%s', async (slug) => {
    await go(site(`/${slug}/`));
    const scrollies: Scrolly[] = await page.locator('[data-scrolly]').evaluateAll((els) =>
      els.map((el) => ({ id: el.getAttribute('data-scrolly')!, count: Number(el.getAttribute('data-step-count')) })));
    expect(scrollies.length, 'scrollies on the page').toBeGreaterThan(0);

    const slides = await deckStates(site(`/${slug}/present/`), 'PageDown');
    const slidesBack = await deckStates(site(`/${slug}/present/`), 'PageUp');
    const offlineSlides = await deckStates(file(`${slug}/present/index.html`), 'PageDown');

    const problems: string[] = [];
    for (const s of scrollies) {
      const steps = Array.from({ length: s.count }, (_, n) => n);
      const expected: GraphicState[] = [];
      for (const n of steps) expected.push(await essayState(site(`/${slug}/#${s.id}-${n}`), s, n));
      const copies: Record<string, (GraphicState | undefined)[]> = {
        'embed': [],
        'slide (PageDown)': steps.map((n) => slides.get(`${s.id}-${n}`)),
        'slide (PageUp)': steps.map((n) => slidesBack.get(`${s.id}-${n}`)),
        // Opened at #<id>-0, then following in-page links to the next steps.
        'offline essay': [],
        'offline embed': [],
        'offline slide': steps.map((n) => offlineSlides.get(`${s.id}-${n}`)),
      };
      for (const n of steps) copies['embed']!.push(await embedState(site(`/embed/${slug}/${s.id}/?step=${n}`), s));
      for (const n of steps) copies['offline essay']!.push(await essayState(file(`${slug}/index.html`, `#${s.id}-${n}`), s, n, n > 0));
      for (const n of steps) copies['offline embed']!.push(await embedState(file(`embed/${slug}/${s.id}/index.html`, `?step=${n}`), s));
      for (const [name, states] of Object.entries(copies)) {
        states.forEach((state, n) => {
          if (!state) problems.push(`${s.id}-${n} ${name}: no such slide`);
          else problems.push(...diffGraphic(expected[n]!, state).map((d) => `${s.id}-${n} ${name}: ${d}`));
        });
      }
      // The steps change the graphic (comparing two stuck copies would pass otherwise).
      if (s.count > 1) expect(new Set(expected.map((e) => JSON.stringify(e))).size, `${s.id}: distinct states`).toBeGreaterThan(1);
    }
    expect(problems).toEqual([]);
    expect(idProblems).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);
});
