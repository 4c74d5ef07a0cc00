// The offline copy: `npm run pack`'s zip, extracted to a temp folder and
// opened through file:// in Chromium, with the network cut off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launch, type OpenBrowser } from './browser.ts';
import { offlineEntries } from '../../scripts/pack.ts';
import { readZip, writeZip } from '../../src/lib/zip.ts';
import { absoluteUrlsIn } from '../../src/lib/offline-links.ts';

describe('offline copy (file://)', () => {
  let browser: OpenBrowser;
  let dir: string;
  const requests: string[] = [];

  async function openFile(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(pathToFileURL(join(dir, path)).href, { waitUntil: 'load' });
    return { page, errors };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'offline-copy-'));
    for (const entry of readZip(writeZip(await offlineEntries('dist')))) {
      mkdirSync(dirname(join(dir, entry.path)), { recursive: true });
      writeFileSync(join(dir, entry.path), entry.data);
    }
    browser = await launch();
    await browser.context.setOffline(true);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the home page, follows the first essay link and reads it', async () => {
    const { page, errors } = await openFile('index.html');
    const first = page.locator('.essay-card a').first();
    const href = await first.getAttribute('href');
    expect(href).toMatch(/^[a-z0-9-]+\/index\.html$/);
    await first.click();
    await page.waitForURL(/\/index\.html$/);
    expect(page.url().startsWith('file://')).toBe(true);
    expect((await page.locator('article h1').textContent())?.length).toBeGreaterThan(0);
    const cover = page.locator('.essay-header img');
    expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const css = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(css).toBe('rgb(251, 250, 247)'); // --paper: the stylesheet loaded from disk
    expect(errors).toEqual([]);
  });

  it('has only relative links in every page', () => {
    for (const file of ['index.html', 'search/index.html', 'reading-a-datasheet/index.html', 'reading-a-datasheet/print/index.html']) {
      expect(absoluteUrlsIn(readFileSync(join(dir, file), 'utf8')), file).toEqual([]);
    }
  });

  it('says on the search page that search is not available offline', async () => {
    const { page, errors } = await openFile('search/index.html');
    await expect(page.locator('[data-search-note]').textContent()).resolves.toMatch(/not available in the offline copy/);
    expect(errors).toEqual([]);
  });

  it('draws an image grid offline: its island hydrates from a classic script and reads its payload from a script copy', async () => {
    const { page, errors } = await openFile('grids-demo/index.html');
    const grid = page.locator('[data-image-grid][data-dataset="mnist"]').first();
    await grid.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const island = grid.locator('.grid-island[data-drawn="true"]');
    await island.waitFor({ timeout: 15_000 });
    expect(await grid.locator('canvas.grid-canvas').isVisible()).toBe(true);
    expect(await grid.locator('.grid-fallback').isVisible()).toBe(false);
    expect(await grid.locator('.grid-error').count()).toBe(0);
    // Cells were painted: some pixel of the canvas is not the background.
    const painted = await grid.locator('canvas.grid-canvas').evaluate((c: HTMLCanvasElement) => {
      const copy = document.createElement('canvas');
      copy.width = c.width;
      copy.height = c.height;
      const cx = copy.getContext('2d')!;
      cx.drawImage(c, 0, 0);
      try {
        const px = cx.getImageData(0, 0, copy.width, copy.height).data;
        for (let i = 0; i < px.length; i += 4) if (px[i]! < 128) return true;
        return false;
      } catch {
        return 'tainted';
      }
    });
    expect(painted).toBe(true);
    expect(errors).toEqual([]);
  });

  it('never asks the network for anything', () => {
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
  });
});
