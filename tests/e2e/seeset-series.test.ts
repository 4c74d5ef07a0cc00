// A see:set series dropped in unchanged (content/seeset/9-ways-to-see/ and
// content/seeset/public/, test fixtures) in Chromium: every essay at its
// lower-case URL with every widget and every image decoded, old URLs
// redirecting, links by old URL rewritten, no console or CSP errors, and the
// text complete without JavaScript; the series page /9-ways-to-see/ made
// from the folder's intro.md. One browser for the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type OpenBrowser } from './browser.ts';
import { formatAxeViolations, recordedViolations, runAxe, watchPages } from './page-audit.ts';

const ESSAYS = [
  { path: '/gulls-fixture/', old: '/9-ways-to-see/Gulls/', widgets: ['grid-1', 'image-1'], last: 'is\nlinked here by the series' },
  { path: '/posters-fixture/', old: '/9-ways-to-see/Posters/', widgets: ['carousel-1'], last: 'by the URL the series gave it' },
  { path: '/inaturalist-fixture/', old: '/9-ways-to-see/iNaturalist-Fixture/', widgets: ['carousel-1', 'image-1'], last: 'read from' },
];

// The series page made from content/seeset/9-ways-to-see/intro.md: the
// folder name as its title, its essays by index (96, 97, 98).
const SERIES = { path: '/9-ways-to-see/', title: '9 ways to see', essays: ['gulls-fixture', 'inaturalist-fixture', 'posters-fixture'] };

describe('a dropped-in see:set series', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 390, height: 844 } });
    await watchPages(browser.context);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(ESSAYS)('$path: every widget in place, every image decoded, no console or CSP error', async ({ path, widgets }) => {
    const { page, errors } = await browser.open(path);
    const order = await page.locator('.essay-body [data-seeset-widget]').evaluateAll((els) => els.map((el) => el.getAttribute('data-seeset-widget')));
    expect(order).toEqual(widgets);
    const images = page.locator('article img');
    const count = await images.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const img = images.nth(i);
      if (!(await img.isVisible())) continue; // behind a closed content warning, or a carousel slide off screen
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    }
    expect(errors).toEqual([]);
  });

  it('serves the body image from the build, rewrites old-URL links, prints the repeated excerpt once, keeps footnotes', async () => {
    const { page, errors } = await browser.open('/gulls-fixture/');
    const body = page.locator('.essay-body');
    const graph = body.locator('img[alt^="A wide generated colour field"]');
    expect(await graph.getAttribute('src')).toMatch(/^\/generated\/seeset\/graph\.[0-9a-f]{16}\.png$/);
    await graph.scrollIntoViewIfNeeded();
    await expect.poll(() => graph.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(720);
    expect(await body.locator('a', { hasText: 'the carousel essay' }).getAttribute('href')).toBe('/posters-fixture/');
    const text = await page.locator('article').innerText();
    expect(text.split('This is a test fixture in the shape of a dropped-in see:set series').length - 1).toBe(1);
    expect(await page.locator('.essay-header .dek').count()).toBe(0);
    expect(await page.locator('[data-footnotes] li').count()).toBe(1);
    // The single image shows the item's second file, read from datasets/5/991.json.
    await expect(page.locator('[data-seeset-widget="image-1"] .seeset-card').textContent()).resolves.toMatch(/1F99A-black\.png/);
    // An item with labels: [] reads in plain words, never "; ." or a bare "?".
    const captions = await page.locator('article figcaption').allInnerTexts();
    for (const caption of captions) expect(caption).not.toMatch(/;\s*\.|(^|\s)\?(\s|\.|,|$)/);
    expect(errors).toEqual([]);
  });

  it.each(ESSAYS)('the series\' old URL $old sends readers to $path', async ({ path, old }) => {
    const { page, errors } = await browser.open(old);
    await page.waitForURL((url) => url.pathname === path, { timeout: 10_000 });
    expect(await page.locator('h1').first().textContent()).toMatch(/^Fixture: /);
    expect(errors).toEqual([]);
  });

  it('the series page: the blurb, then the essays as cards in index order, each linking to its page; no CSP, console or axe problem', async () => {
    const { page, errors } = await browser.open(SERIES.path);
    await expect(page.locator('h1').textContent()).resolves.toBe(SERIES.title);
    const intro = page.locator('.series-intro');
    await expect(intro.innerText()).resolves.toMatch(/^A short blurb for a dropped-in series/);
    // The blurb's link by the series' old URL goes to the essay's page.
    expect(await intro.locator('a', { hasText: 'the grid fixture' }).getAttribute('href')).toBe('/gulls-fixture/');
    const cards = page.locator('.series-essays .essay-card');
    expect(await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-slug')))).toEqual(SERIES.essays);
    expect(await cards.locator('a').evaluateAll((els) => els.map((el) => el.getAttribute('href')))).toEqual(SERIES.essays.map((slug) => `/${slug}/`));
    for (const img of await cards.locator('img').all()) {
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    }
    const { csp } = await recordedViolations(page);
    expect(csp).toEqual([]);
    const violations = await runAxe(page);
    expect(violations, formatAxeViolations(SERIES.path, violations)).toEqual([]);
    await cards.first().locator('a').click();
    await page.waitForURL((url) => url.pathname === `/${SERIES.essays[0]}/`);
    await expect(page.locator('h1').first().textContent()).resolves.toMatch(/^Fixture: /);
    expect(errors).toEqual([]);
  });

  it('the home page links the series page', async () => {
    const { page, errors } = await browser.open('/');
    const link = page.locator(`.series-links [data-series="9-ways-to-see"] a`);
    expect(await link.getAttribute('href')).toBe(SERIES.path);
    await expect(link.textContent()).resolves.toBe(SERIES.title);
    await expect(page.locator('.series-links [data-series="9-ways-to-see"]').innerText()).resolves.toMatch(/\(3 essays\)$/);
    await link.click();
    await page.waitForURL((url) => url.pathname === SERIES.path);
    expect(errors).toEqual([]);
  });

  it('each essay of the series links back to the series page', async () => {
    for (const slug of SERIES.essays) {
      const { page, errors } = await browser.open(`/${slug}/`);
      const link = page.locator('.essay-header .series-link a');
      expect(await link.getAttribute('href'), slug).toBe(SERIES.path);
      await expect(link.textContent()).resolves.toBe(SERIES.title);
      expect(errors).toEqual([]);
      await page.close();
    }
    // An essay outside any series has no such line.
    const { page } = await browser.open('/ways-to-see-a-dataset/');
    expect(await page.locator('.essay-header .series-link').count()).toBe(0);
  });

  it('lists the fixtures on the home page, long excerpts clamped', async () => {
    const { page, errors } = await browser.open('/');
    for (const slug of ['gulls-fixture', 'posters-fixture', 'inaturalist-fixture']) {
      await expect(page.locator(`.essay-card[data-slug="${slug}"] h2`).textContent()).resolves.toMatch(/^Fixture: /);
    }
    const excerpt = page.locator('.essay-card[data-slug="gulls-fixture"] .excerpt');
    const box = await excerpt.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight, clamp: getComputedStyle(el).webkitLineClamp }));
    expect(box.clamp).toBe('5');
    expect(box.scroll).toBeGreaterThan(box.client);
    expect(errors).toEqual([]);
  });
});

describe('a dropped-in see:set series without JavaScript', () => {
  it('reads every essay to its end, with its widgets', async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      for (const { path, widgets, last } of ESSAYS) {
        const { page } = await noJs.open(path);
        await expect(page.locator('article').innerText()).resolves.toContain(last.replace('\n', ' '));
        expect(await page.locator('[data-seeset-widget]').count()).toBe(widgets.length);
      }
      const { page } = await noJs.open(SERIES.path);
      await expect(page.locator('.series-intro').innerText()).resolves.toContain('(Test fixture text.)');
      expect(await page.locator('.series-essays .essay-card h3').allInnerTexts()).toHaveLength(SERIES.essays.length);
    } finally {
      await noJs.close();
    }
  });
});
