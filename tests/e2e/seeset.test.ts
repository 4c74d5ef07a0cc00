// The demo see:set essay (content/seeset/bring-your-own-seeset/, a test
// fixture) in Chromium: its photo grid, carousel and single images render, the
// flagged item waits behind a content warning, and the hostile caption is inert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type OpenBrowser } from './browser.ts';

const PATH = '/bring-your-own-seeset/';
const HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(1)> javascript:alert(1)';

describe('see:set essay', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is listed on the home page', async () => {
    const { page, errors } = await browser.open('/');
    await expect(page.locator('.essay-card[data-slug="bring-your-own-seeset"] h2').textContent()).resolves.toBe('Bring your own see:set essay (a demo)');
    expect(errors).toEqual([]);
  });

  it('renders every widget where its marker stood, in order, with our components', async () => {
    const { page, errors } = await browser.open(PATH);
    const order = await page.locator('.essay-body [data-seeset-widget]').evaluateAll((els) => els.map((el) => el.getAttribute('data-seeset-widget')));
    expect(order).toEqual(['grid-1', 'carousel-1', 'image-1', 'image-2', 'image-3']);
    // Markers never reach the reader.
    expect(await page.locator('.essay-body').innerText()).not.toMatch(/\[:(grid|carousel|image)-\d+\]/);
    // The grid sits right after the paragraph that introduces it (the page's
    // stylesheet link may stand between them: src/lib/critical-css.ts puts it
    // before the first element its rules style, here this widget).
    expect(await page.locator('#a-grid-from-a-collection ~ p + [data-seeset-widget="grid-1"], #a-grid-from-a-collection ~ p + link[rel="stylesheet"] + [data-seeset-widget="grid-1"]').count()).toBe(1);
    // grid-1 (20 items, under GRID_PHOTO_LIMIT) -> SeesetPhotoGrid: 20 photo tiles from the pipeline's square crops.
    const grid = page.locator('[data-seeset-widget="grid-1"] [data-photo-grid]');
    expect(await grid.getAttribute('data-dataset')).toBe('seeset-bring-your-own-seeset');
    expect(await grid.locator('[data-photo-tile]').count()).toBe(20);
    const sunflower = grid.locator('[data-photo-tile] img').nth(1);
    await sunflower.scrollIntoViewIfNeeded();
    await expect.poll(() => sunflower.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    await expect(grid.locator('.source-line').innerText()).resolves.toMatch(/^Source: OpenMoji sample \(test fixture\)/);
    // carousel-1 -> SeesetCarousel: 24 digits one at a time, keyboard-driven.
    const carousel = page.locator('[data-seeset-widget="carousel-1"] [data-seeset-carousel][data-enhanced="true"]');
    expect(await carousel.locator('.sc-slide').count()).toBe(24);
    await carousel.locator('[data-sc-row]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(carousel.locator('[data-sc-status]').textContent()).resolves.toBe('2 of 24');
    // image-N -> SeesetImage with the widget's caption and the item's full provenance.
    for (const key of ['image-1', 'image-2']) {
      const img = page.locator(`[data-seeset-widget="${key}"] img.si-img`).first();
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    }
    const bee = page.locator('[data-seeset-widget="image-2"]');
    await expect(bee.locator('.seeset-caption').innerText()).resolves.toMatch(/outline drawing of the bee/);
    await expect(bee.locator('.seeset-card').textContent()).resolves.toMatch(/1F41D-black\.png/);
    expect(await bee.locator('img').first().getAttribute('src')).toMatch(/^\/generated\/images\/seeset-bring-your-own-seeset\/[a-z]+\/1005\.1-/);
    expect(errors).toEqual([]);
  });

  it('keeps the flagged item behind a content warning until the reader lifts it', async () => {
    const { page, errors } = await browser.open(PATH);
    // In the single image: closed <details>, image not shown.
    const details = page.locator('[data-seeset-widget="image-3"] details.item-warning');
    await details.scrollIntoViewIfNeeded();
    // Figures are laid out when they near the screen (content-visibility: auto): read the text once it is.
    await expect.poll(() => details.locator('summary').innerText()).toMatch(/Content warning: marked NSFW "LIKELY"/);
    const img = details.locator('img');
    expect(await img.isVisible()).toBe(false);
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    await img.waitFor({ state: 'visible' });
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    // In the grid: the flagged tile shows its blurred placeholder, and its photo is not fetched until the reader asks.
    const grid = page.locator('[data-seeset-widget="grid-1"] [data-photo-grid][data-enhanced]');
    const tile = grid.locator('#grid-1-tile-1000 img');
    await tile.scrollIntoViewIfNeeded();
    expect(await tile.getAttribute('src')).toMatch(/^data:image\/webp;base64,/);
    const photos = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /seeset-bring-your-own-seeset\/photos\/1000-s/.test(n)));
    expect(await photos()).toEqual([]);
    await expect(grid.locator('.photo-grid-warning').textContent()).resolves.toContain('Content warning');
    await grid.locator('[data-photo-reveal]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => tile.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0 && el.currentSrc.includes('/photos/1000-s'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('links each widget to its collection\'s datasheet page', async () => {
    const { page, errors } = await browser.open(PATH);
    await page.locator('[data-seeset-widget="grid-1"] a', { hasText: 'Datasheet' }).click();
    await page.waitForURL(/\/datasets\/seeset-bring-your-own-seeset\/$/);
    const section = page.locator('section#collection-1');
    await expect(section.locator('h2').textContent()).resolves.toBe('OpenMoji sample (test fixture)');
    const rows = Object.fromEntries(await section.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent])));
    expect(rows).toMatchObject({ Items: '20', 'Behind a content warning': '1', 'Excluded from the site': '0' });
    await expect(page.locator('section#collection-2 tbody').innerText()).resolves.toMatch(/Split “train”\s+12[\s\S]*Split “test”\s+12/);
    expect(errors).toEqual([]);
  });

  it('prints the hostile caption as text: no dialog, no injected element', async () => {
    const { page, errors } = await browser.open(PATH);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const figure = page.locator('[data-seeset-widget="image-1"]');
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator('.si-caption .si-text').first().textContent()).resolves.toBe(HOSTILE);
    await expect(page.locator('[data-seeset-widget="image-1"] .seeset-card .seeset-text').first().textContent()).resolves.toBe(HOSTILE);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    const scripts = await page.locator('script').evaluateAll((els) => els.map((el) => el.textContent ?? ''));
    expect(scripts.filter((text) => text.includes('alert('))).toEqual([]);
    expect(await page.locator('[data-seeset-widget] a[href^="javascript:"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('see:set essay on a 360px phone', () => {
  it('has no horizontal page scroll (the carousel scrolls inside itself)', async () => {
    const phone = await launch({ viewport: { width: 360, height: 740 } });
    try {
      const { page } = await phone.open(PATH);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await phone.close();
    }
  });
});

describe('see:set essay without JavaScript', () => {
  it('reads the text and shows the widgets and the content warning', async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      const { page } = await noJs.open(PATH);
      await expect(page.locator('article').innerText()).resolves.toContain('What the platform adds');
      expect(await page.locator('[data-seeset-widget]').count()).toBe(5);
      expect(await page.locator('[data-seeset-widget="image-3"] details.item-warning img').isVisible()).toBe(false);
      // The grid's tiles are all there; the flagged one shows its blurred placeholder.
      expect(await page.locator('[data-seeset-widget="grid-1"] [data-photo-tile] img').count()).toBe(20);
      expect(await page.locator('#grid-1-tile-1000 img').getAttribute('src')).toMatch(/^data:image\/webp;base64,/);
      expect(await page.locator('[data-seeset-widget="carousel-1"] .sc-slide').count()).toBe(24);
    } finally {
      await noJs.close();
    }
  });
});
