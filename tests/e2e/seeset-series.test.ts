// A see:set series dropped in unchanged (content/seeset/9-ways-to-see/ and
// content/seeset/public/, test fixtures) in Chromium: every essay at its
// lower-case URL with every widget and every image decoded, old URLs
// redirecting, links by old URL rewritten, no console or CSP errors, and the
// text complete without JavaScript; the series page /9-ways-to-see/ made
// from the folder's intro.md. One browser for the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type OpenBrowser } from './browser.ts';
import { formatAxeViolations, recordedViolations, runAxe, watchPages } from './page-audit.ts';

const ESSAYS = [
  { path: '/gulls-fixture/', old: '/9-ways-to-see/Gulls/', widgets: ['grid-1', 'image-1', 'grid-2'], last: 'is\nlinked here by the series' },
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

  it('a grid above GRID_PHOTO_LIMIT is drawn on the canvas from the atlas, keyboard-driven; the grid under it stays photo tiles', async () => {
    const { page, errors } = await browser.open('/gulls-fixture/');
    // grid-1 (8 items): photo tiles, no canvas.
    const small = page.locator('[data-seeset-widget="grid-1"]');
    expect(await small.locator('[data-photo-tile]').count()).toBe(8);
    expect(await small.locator('canvas').count()).toBe(0);
    // grid-2 (260 synthetic items, collection 9): the canvas atlas grid, every cell drawn.
    const big = page.locator('[data-seeset-widget="grid-2"]');
    expect(await big.locator('[data-photo-tile]').count()).toBe(0);
    const grid = big.locator('[data-image-grid]');
    expect(await grid.getAttribute('data-dataset')).toBe('seeset-gulls-fixture');
    expect(await grid.getAttribute('data-collection')).toBe('9');
    await grid.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const island = grid.locator('.grid-island[data-drawn="true"]');
    await island.waitFor({ timeout: 20_000 });
    expect(await island.getAttribute('data-cells')).toBe('260');
    const canvas = grid.locator('canvas.grid-canvas');
    expect(await canvas.count()).toBe(1);
    expect(await grid.locator('.grid-fallback').isVisible()).toBe(false);
    // Not blank: the synthetic fields are saturated colours, the page background is not.
    const coloured = await canvas.evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && Math.max(data[i]!, data[i + 1]!, data[i + 2]!) - Math.min(data[i]!, data[i + 1]!, data[i + 2]!) > 60) n++;
      return { n, total: data.length / 4 };
    });
    expect(coloured.n).toBeGreaterThan(coloured.total / 10);
    await expect(grid.locator('.grid-summary').textContent()).resolves.toMatch(/^Showing 260 /);
    // Keyboard: Enter opens the first item's card, arrows move, Esc closes.
    await grid.locator('.grid-scroller').focus();
    await page.keyboard.press('Enter');
    const card = grid.locator('.grid-card');
    await card.waitFor();
    await expect(card.locator('.grid-card-id').textContent()).resolves.toBe('9000');
    await page.keyboard.press('ArrowRight');
    await expect(card.locator('.grid-card-id').textContent()).resolves.toBe('9001');
    await expect(card.textContent()).resolves.toContain('Synthetic colour field 2 of 260');
    await page.keyboard.press('Escape');
    expect(await card.count()).toBe(0);
    const { csp } = await recordedViolations(page);
    expect(csp).toEqual([]);
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

  it('serves the body video from the build: fingerprinted, video/mp4, Range answered with 206, playable', async () => {
    const { page, errors } = await browser.open('/posters-fixture/');
    const source = page.locator('.essay-body video source');
    const src = await source.getAttribute('src');
    expect(src).toMatch(/^\/generated\/seeset\/test-pattern\.[0-9a-f]{16}\.mp4$/);
    const whole = await page.request.get(new URL(src!, page.url()).href);
    expect(whole.status()).toBe(200);
    expect(whole.headers()['content-type']).toBe('video/mp4');
    const size = (await whole.body()).length;
    const part = await page.request.get(new URL(src!, page.url()).href, { headers: { Range: 'bytes=100-199' } });
    expect(part.status()).toBe(206);
    expect(part.headers()['content-range']).toBe(`bytes 100-199/${size}`);
    expect((await part.body()).length).toBe(100);
    // The browser reads the clip's metadata: a two-second test pattern.
    const video = page.locator('.essay-body video');
    await video.scrollIntoViewIfNeeded();
    await video.evaluate((el: HTMLVideoElement) => el.load());
    await expect.poll(() => video.evaluate((el: HTMLVideoElement) => el.readyState), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(await video.evaluate((el: HTMLVideoElement) => Math.round(el.duration))).toBe(2);
    expect(await video.evaluate((el: HTMLVideoElement) => el.error)).toBeNull();
    const { csp } = await recordedViolations(page);
    expect(csp).toEqual([]);
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

// The photo widgets of the iNaturalist fixture: carousel-1 pages through
// collection 5 (8 generated photos from 375x500 to 3000x2000; item 5100 has a
// Korean text, 5102 a long one, 5105 is NSFW "UNSURE"), image-1 is one item.
const PHOTOS = '/inaturalist-fixture/';
const FLAGGED = 5; // 0-based slide of item 5105
const BAD_WORDING = /;\s*\.|(^|\s)\?(\s|\.|,|$)/m;

/** Width of the text column (a paragraph of the essay body) and of what is in view. */
async function measure(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const column = document.querySelector('.essay-body > p')!.getBoundingClientRect().width;
    const box = document.querySelector(sel)!.getBoundingClientRect();
    return { column, width: box.width, top: box.top, bottom: box.bottom, left: box.left };
  }, selector);
}

/** The slide whose left edge sits at the row's left edge (the one in view). */
const slideInView = (page: Page) => page.locator('[data-seeset-widget="carousel-1"] [data-sc-row]').evaluate((row) => {
  const left = row.getBoundingClientRect().left;
  return [...row.children].findIndex((li) => Math.abs(li.getBoundingClientRect().left - left) < 2);
});

describe.each([390, 1280])('see:set photo widgets at %i px', (width) => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width, height: width === 390 ? 844 : 800 }, reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the carousel shows one large photo at the column\'s width; arrow keys change it and "k of N"', async () => {
    const { page, errors } = await browser.open(PHOTOS);
    const carousel = page.locator('[data-seeset-widget="carousel-1"] [data-seeset-carousel][data-enhanced="true"]');
    await carousel.scrollIntoViewIfNeeded();
    const slides = carousel.locator('.sc-slide');
    const n = await slides.count();
    expect(n).toBe(8);
    const status = carousel.locator('[data-sc-status]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await expect(status.textContent()).resolves.toBe('1 of 8');
    const first = await measure(page, '[data-seeset-widget="carousel-1"] .sc-slide img');
    expect(first.width).toBeGreaterThanOrEqual(0.9 * first.column);
    // Its text sits right under the photo.
    const text = await measure(page, '[data-seeset-widget="carousel-1"] .sc-slide .sc-text');
    expect(text.top - first.bottom).toBeGreaterThanOrEqual(0);
    expect(text.top - first.bottom).toBeLessThan(24);
    await carousel.locator('[data-sc-row]').focus();
    const seen: string[] = [];
    for (let k = 0; k < n; k++) {
      if (k > 0) await page.keyboard.press('ArrowRight');
      await expect(status.textContent()).resolves.toBe(`${k + 1} of ${n}`);
      await expect.poll(() => slideInView(page)).toBe(k);
      const slide = slides.nth(k);
      if (k === FLAGGED) {
        // The safety layer: behind its warning until lifted, the thumbnail shows no image either.
        await expect(slide.locator('details.item-warning summary').innerText()).resolves.toMatch(/Content warning: marked NSFW "UNSURE"/);
        expect(await slide.locator('img').isVisible()).toBe(false);
        expect(await carousel.locator('.sc-thumb').nth(k).locator('img').count()).toBe(0);
        continue;
      }
      const img = slide.locator('img');
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
      const box = await img.boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(0.9 * first.column);
      seen.push(await img.getAttribute('src') ?? '');
      await expect(carousel.locator('.sc-thumb[aria-current="true"]').count()).resolves.toBe(1);
      expect(await carousel.locator('.sc-thumb').nth(k).getAttribute('aria-current')).toBe('true');
    }
    expect(new Set(seen).size).toBe(n - 1);
    await page.keyboard.press('ArrowLeft');
    await expect(status.textContent()).resolves.toBe(`${n - 1} of ${n}`);
    await page.keyboard.press('Home');
    await expect(status.textContent()).resolves.toBe(`1 of ${n}`);
    // Reduced motion: the row jumps, it does not glide.
    await carousel.locator('[data-sc-next]').click();
    expect(await carousel.locator('[data-sc-row]').evaluate((row) => Math.abs(row.scrollLeft - row.clientWidth))).toBeLessThan(2);
    // A thumbnail goes to its photo.
    await carousel.locator('.sc-thumb').nth(3).click();
    await expect(status.textContent()).resolves.toBe(`4 of ${n}`);
    await expect.poll(() => slideInView(page)).toBe(3);
    // The flagged photo shows once the reader lifts the warning.
    await carousel.locator('.sc-thumb').nth(FLAGGED).click();
    const warning = slides.nth(FLAGGED).locator('details.item-warning');
    await warning.locator('summary').click();
    await expect.poll(() => warning.locator('img').evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    expect(errors).toEqual([]);
  });

  it('the single image is column-wide with its caption right under it', async () => {
    const { page, errors } = await browser.open(PHOTOS);
    const img = page.locator('[data-seeset-widget="image-1"] img.si-img');
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    const image = await measure(page, '[data-seeset-widget="image-1"] img.si-img');
    expect(image.width).toBeGreaterThanOrEqual(0.9 * image.column);
    const caption = page.locator('[data-seeset-widget="image-1"] figcaption .seeset-caption');
    await expect(caption.innerText()).resolves.toBe('The single-item export again, its first file');
    const under = await measure(page, '[data-seeset-widget="image-1"] figcaption .seeset-caption');
    expect(under.top - image.bottom).toBeGreaterThanOrEqual(0);
    expect(under.top - image.bottom).toBeLessThan(24);
    // Provenance in a closed disclosure, printed in plain words.
    const more = page.locator('[data-seeset-widget="image-1"] details.seeset-more');
    expect(await more.getAttribute('open')).toBeNull();
    await more.locator('summary').click();
    await expect(more.locator('.seeset-card').innerText()).resolves.toMatch(/Licence\s+CC BY-SA 4\.0/);
    expect(errors).toEqual([]);
  });

  it('long texts are clamped with "Show all"; Korean keeps its language; no "; ." or bare "?"', async () => {
    const { page, errors } = await browser.open(PHOTOS);
    const korean = page.locator('[data-seeset-widget="carousel-1"] .sc-slide').first().locator('.sc-text > [lang="ko"]');
    await expect(korean.textContent()).resolves.toMatch(/[\uac00-\ud7af]/);
    const long = page.locator('[data-seeset-widget="carousel-1"] .sc-slide[data-item="5102"] .sc-text > .clamp');
    await page.locator('[data-seeset-widget="carousel-1"] .sc-thumb').nth(2).click();
    const text = long.locator('.clamp-text');
    const clamped = await text.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight }));
    expect(clamped.scroll).toBeGreaterThan(clamped.client);
    await long.locator('.clamp-toggle').click();
    await expect(long.locator('.clamp-toggle').innerText()).resolves.toBe('Show less');
    await expect.poll(() => text.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
    // Every word the page prints, closed disclosures included.
    const all = await page.locator('article').evaluate((el) => el.textContent ?? '');
    expect(all).toContain('licence not stated in the export');
    expect(all).toContain('no labels in the export');
    expect(all).not.toMatch(BAD_WORDING);
    expect(errors).toEqual([]);
  });
});

describe('a dropped-in see:set series without JavaScript', () => {
  it('shows every carousel photo: a row to swipe, thumbnails as anchors', async () => {
    const noJs = await launch({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    try {
      const { page, errors } = await noJs.open(PHOTOS);
      const carousel = page.locator('[data-seeset-widget="carousel-1"]');
      expect(await carousel.locator('[data-sc-bar]').isVisible()).toBe(false);
      const slides = carousel.locator('.sc-slide');
      expect(await slides.count()).toBe(8);
      for (let k = 0; k < 8; k++) {
        const slide = slides.nth(k);
        await expect(slide.locator('.sc-count').innerText()).resolves.toBe(`${k + 1} of 8`);
        if (k === FLAGGED) {
          expect(await slide.locator('img').isVisible()).toBe(false);
          continue;
        }
        const img = slide.locator('img');
        await img.scrollIntoViewIfNeeded();
        await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
      }
      await carousel.locator('.sc-thumb').nth(2).click();
      await page.waitForURL(/#carousel-1-photo-3$/);
      await expect.poll(() => carousel.locator('[data-sc-row]').evaluate((row) => Math.round(row.scrollLeft / row.clientWidth))).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await noJs.close();
    }
  });


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

// The Gulls fixture's grid-1: 8 generated photos (375x500 to 3000x2000, one
// flagged "UNSURE") as photo tiles (SeesetPhotoGrid), on a phone and a desktop.
describe.each([
  { width: 390, height: 844, columns: 3 },
  { width: 1280, height: 800, columns: 6 },
])('the photo grid at $width px', ({ width, height, columns }) => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width, height } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows every tile on the page, each decoded from a square crop sized to it, no inner scroll box', async () => {
    const { page, errors } = await browser.open('/gulls-fixture/');
    const grid = page.locator('[data-seeset-widget="grid-1"] [data-photo-grid]');
    const tiles = grid.locator('[data-photo-tile]');
    expect(await tiles.count()).toBe(8);
    for (let i = 0; i < 8; i++) {
      const img = tiles.nth(i).locator('img');
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
      expect(Number(await img.getAttribute('width'))).toBeGreaterThan(0);
      expect(await img.getAttribute('width')).toBe(await img.getAttribute('height'));
      const { src, shown } = await img.evaluate((el: HTMLImageElement) => ({ src: el.currentSrc, shown: el.getBoundingClientRect().width }));
      if (i === 5) {
        expect(src).toMatch(/^data:image\/webp/); // the flagged item: its blurred placeholder only
        continue;
      }
      expect(src).toMatch(/\/photos\/\d+-s\d+\.avif$/);
      // The crop fetched is the smallest listed that covers the tile (the sizes attribute estimates the tile within a few px).
      const fetched = Number(/-s(\d+)\.avif$/.exec(src)![1]);
      const listed = (await img.evaluate((el: HTMLImageElement) => el.srcset)).split(', ').map((c) => Number(/ (\d+)w$/.exec(c)![1]));
      expect(fetched).toBe(listed.find((w) => w >= shown - 4) ?? listed.at(-1));
    }
    const box = await grid.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, overflow: getComputedStyle(el.querySelector('.photo-grid-tiles')!).overflowY }));
    expect(box.scroll).toBe(box.client);
    expect(box.overflow).toBe('visible');
    const lefts = await tiles.evaluateAll((els) => new Set(els.map((el) => Math.round(el.getBoundingClientRect().left))).size);
    expect(lefts).toBe(columns);
    // Flagged photos are never fetched until the reader asks.
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/photos/')));
    expect((await fetched()).some((n) => /\/photos\/5105-/.test(n))).toBe(false);
    await grid.locator('[data-photo-reveal]').click();
    const flagged = tiles.nth(5).locator('img');
    await expect.poll(() => flagged.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0 && el.currentSrc.includes('/photos/5105-s')), { timeout: 10_000 }).toBe(true);
    expect(errors).toEqual([]);
  });

  it('opens a tile from the keyboard in a dialog with the full image; arrows move, Esc closes and focus returns', async () => {
    const { page, errors } = await browser.open('/gulls-fixture/');
    const grid = page.locator('[data-seeset-widget="grid-1"] [data-photo-grid][data-enhanced]');
    const dialog = grid.locator('dialog[data-photo-dialog]');
    await grid.locator('[data-photo-tile]').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.evaluate((el: HTMLDialogElement) => el.open && el.matches(':modal'))).toBe(true);
    await expect(dialog.locator('[data-photo-status]').textContent()).resolves.toBe('1 of 8');
    // The full image: the largest copy (5100 is 375x500: its own size, not upscaled).
    const full = dialog.locator('.photo-detail-picture img');
    await expect.poll(() => full.evaluate((el: HTMLImageElement) => el.complete ? el.naturalWidth : 0), { timeout: 10_000 }).toBe(375);
    expect(await full.evaluate((el: HTMLImageElement) => el.currentSrc)).toMatch(/\/photos\/5100-w375\.avif$/);
    await expect(dialog.locator('.seeset-card').innerText()).resolves.toMatch(/Licence\s+CC0 1\.0/);
    // Focus stays in the dialog (Tab wraps around).
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((el: HTMLDialogElement) => el.open)).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('grid-1-tile-5100');
    // Again, then to the next item: the 3000x2000 photo's full image is its 1920 px copy.
    await page.keyboard.press('Enter');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(dialog.locator('[data-photo-status]').textContent()).resolves.toBe('5 of 8');
    await expect.poll(() => dialog.locator('.photo-detail-picture img').evaluate((el: HTMLImageElement) => el.complete ? el.naturalWidth : 0), { timeout: 10_000 }).toBe(1920);
    await page.keyboard.press('ArrowLeft');
    await expect(dialog.locator('[data-photo-status]').textContent()).resolves.toBe('4 of 8');
    // Item 3 (5102) has a 716-character text: clamped, with a way to read all of it.
    await page.keyboard.press('ArrowLeft');
    const more = dialog.locator('.seeset-text-more');
    expect(await dialog.locator('.seeset-text-preview').isVisible()).toBe(true);
    expect(await more.locator('.seeset-text').isVisible()).toBe(false);
    await more.locator('summary').click();
    await expect(more.locator('.seeset-text').innerText()).resolves.toMatch(/^A long description[\s\S]*The end\.$/);
    expect(await dialog.locator('.seeset-text-preview').isVisible()).toBe(false);
    await dialog.locator('[data-photo-close]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(dialog.locator('[data-photo-status]').textContent()).resolves.toBe('4 of 8');
    await page.keyboard.press('Escape');
    // Focus goes to the tile of the item last shown (the dialog's close event runs after the browser's own focus restore).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('grid-1-tile-5103');
    expect(errors).toEqual([]);
  });
});

describe('the photo grid without JavaScript', () => {
  it('shows every tile, and a tile link opens its detail with a working full-image link', async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      const { page } = await noJs.open('/gulls-fixture/');
      const tiles = page.locator('[data-seeset-widget="grid-1"] [data-photo-tile]');
      expect(await tiles.count()).toBe(8);
      for (let i = 0; i < 8; i++) expect(await tiles.nth(i).isVisible()).toBe(true);
      await tiles.nth(4).click();
      const detail = page.locator('#grid-1-item-5104');
      await detail.waitFor({ state: 'visible' });
      const link = detail.locator('a', { hasText: 'Full image' });
      await expect(link.textContent()).resolves.toMatch(/1,920 × 1,280 px, scaled from 3,000 × 2,000/);
      const response = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/webp');
      // The flagged item's detail keeps its image behind the warning.
      await page.goto(new URL('#grid-1-item-5105', page.url()).href);
      await expect(page.locator('#grid-1-item-5105 details.photo-detail-warning').getAttribute('open')).resolves.toBeNull();
    } finally {
      await noJs.close();
    }
  });
});
