// The image grids on /grids-demo/ (real MNIST and OpenMoji data) in Chromium:
// cell counts, filtering, keyboard detail card, content warnings, no-JS
// fallback, and that excluded images never reach dist/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launch, type OpenBrowser } from './browser.ts';
import { scrubPath } from '../../src/lib/images/grid-scrub.ts';
import { itemCount, type GridPayload } from '../../src/lib/images/grid-view.ts';

const MNIST = '[data-image-grid][data-dataset="mnist"]';
const MEDICAL = '[data-image-grid][data-collection="all"][data-total="7"]';

describe('image grids', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a page, scrolls a grid into view and waits until it has drawn. */
  async function openDrawn(path: string, selector: string) {
    const { page, errors } = await browser.open(path);
    const grid = page.locator(selector);
    await grid.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await grid.locator('.grid-island[data-drawn="true"]').waitFor({ timeout: 20_000 });
    return { page, errors, grid, island: grid.locator('.grid-island') };
  }

  it('ships the per-item payload as a content-hashed JSON file fetched on hydration, not in the page', async () => {
    const html = readFileSync('dist/grids-demo/index.html', 'utf8');
    const urls = [...html.matchAll(/payloadUrl&quot;:\[0,&quot;(\/generated\/grids\/[^&]+)&quot;/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    expect(html).not.toContain('payloadJson');
    expect(html.length).toBeLessThan(100_000); // the 10,000-digit payload alone is larger
    for (const url of urls) {
      const [, hash] = /\.([0-9a-f]{16})\.json$/.exec(url) ?? [];
      const json = readFileSync(join('dist', url), 'utf8');
      expect(createHash('sha256').update(json).digest('hex').slice(0, 16)).toBe(hash);
      expect((JSON.parse(json) as { dataset: string }).dataset).toBeTruthy();
    }
    const { page, errors } = await browser.open('/grids-demo/');
    const fetched: string[] = [];
    page.on('request', (req) => req.url().includes('/generated/grids/') && fetched.push(new URL(req.url()).pathname));
    const grid = page.locator(MNIST);
    await grid.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await grid.locator('.grid-island[data-drawn="true"]').waitFor({ timeout: 20_000 });
    expect(fetched.some((p) => urls.includes(p))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('draws all 10,000 MNIST test digits on one canvas and filtering changes the count', async () => {
    const { page, errors } = await browser.open('/grids-demo/');
    const grid = page.locator(MNIST);
    await grid.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const island = grid.locator('.grid-island[data-drawn="true"]');
    await island.waitFor({ timeout: 20_000 });
    expect(await island.getAttribute('data-cells')).toBe('10000');
    expect(await grid.locator('canvas.grid-canvas').count()).toBe(1);
    expect(await grid.locator('.grid-fallback').isVisible()).toBe(false); // the static atlas gives way to the canvas
    // The still picture is in bands (one canvas per 256 px of rows) that the compositor scrolls; they really have pixels.
    expect(await grid.locator('canvas.grid-band').count()).toBeGreaterThanOrEqual(2);
    const inked = await grid.evaluate((g) => {
      let n = 0;
      for (const c of Array.from(g.querySelectorAll<HTMLCanvasElement>('canvas.grid-band'))) {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        for (let i = 0; i < data.length; i += 4) if (data[i]! > 128) n++;
      }
      return n;
    });
    expect(inked).toBeGreaterThan(1000);
    await expect(grid.locator('.grid-summary').textContent()).resolves.toBe('Showing 10,000 test digits.');
    await grid.locator('select.grid-filter').selectOption({ label: 'digit: 7' });
    await page.waitForFunction((sel) => document.querySelector(`${sel} .grid-island`)?.getAttribute('data-cells') !== '10000', MNIST);
    // 1,028 sevens in the MNIST test set (its label file says so; see the datasheet).
    expect(await island.getAttribute('data-cells')).toBe('1028');
    await expect(grid.locator('.grid-summary').textContent()).resolves.toBe('Showing 1,028 test digits where digit is 7.');
    expect(errors).toEqual([]);
  });

  it('keyboard focus moves through cells and opens the detail card with provenance', async () => {
    const { page, errors } = await browser.open('/grids-demo/');
    const grid = page.locator(MNIST);
    await grid.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await grid.locator('.grid-island[data-drawn="true"]').waitFor({ timeout: 20_000 });
    await grid.locator('.grid-scroller').focus();
    await page.keyboard.press('Enter');
    const card = grid.locator('.grid-card');
    await card.waitFor();
    await expect(card.locator('.grid-card-id').textContent()).resolves.toBe('test-0');
    await page.keyboard.press('ArrowRight');
    await expect(card.locator('.grid-card-id').textContent()).resolves.toBe('test-1');
    const text = await card.textContent();
    expect(text).toContain('t10k-images-idx3-ubyte');
    expect(text).toContain('CC BY-SA 3.0');
    await page.keyboard.press('Escape');
    expect(await card.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('keeps flagged images blurred until the reader lifts the warning', async () => {
    const { page, errors } = await browser.open('/grids-demo/');
    const grid = page.locator(MEDICAL);
    await grid.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await grid.locator('.grid-island[data-drawn="true"]').waitFor({ timeout: 20_000 });
    // The filtered grid draws from sheets of its own (grid-atlas.ts): <grid>-<sheet>[-preview][-safe].<hash>.webp.
    const stem = (n: string) => n.replace(/\.[0-9a-f]{16}\.webp$/, '');
    const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/generated/grids/openmoji-all-medical-') && n.endsWith('.webp')));
    // Where a sheet holds flagged items only its safe version (flagged cells blurred) is fetched.
    const first = await loaded();
    const safe = first.filter((n) => stem(n).endsWith('-safe'));
    expect(safe.length).toBeGreaterThan(0);
    const gallerySheets = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/generated/images/openmoji/all-')).length);
    expect(gallerySheets, 'nothing from the gallery sheets').toBe(0);
    const unsafeStems = safe.map((s) => stem(s).replace(/-safe$/, ''));
    for (const u of unsafeStems) expect(first.map(stem)).not.toContain(u);
    await expect(grid.locator('.grid-warning').textContent()).resolves.toContain('Content warning');
    const button = grid.locator('.grid-reveal');
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((want) => want.some((u) => performance.getEntriesByType('resource').some((e) => e.name.replace(/\.[0-9a-f]{16}\.webp$/, '') === u)), unsafeStems);
    expect(await button.count()).toBe(0);
    await expect(grid.locator('.grid-warning').textContent()).resolves.toContain('shown');
    // A flagged item in an ImageTextPair opens only on request.
    const details = page.locator('.image-text-pair details.item-warning').first();
    expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a sampled grid fetches only its own cells: the whole page after a full scroll stays under 115 KB', async () => {
    const { page, errors, island } = await openDrawn('/grids-demo/sample/', MNIST);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await island.getAttribute('data-cells')).toBe('500');
    const resources = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({ name: e.name, bytes: (e as PerformanceResourceTiming).encodedBodySize })));
    // The 10,000-digit gallery sheet (942 KiB) and its preview (149 KiB) are never fetched.
    expect(resources.filter((r) => r.name.includes('/generated/images/mnist/')).map((r) => r.name)).toEqual([]);
    expect(resources.some((r) => /\/generated\/grids\/mnist-test-sample500-0-preview\.[0-9a-f]{16}\.png$/.test(r.name))).toBe(true);
    const total = resources.reduce((sum, r) => sum + r.bytes, 0);
    expect(total, resources.map((r) => `${r.name} ${r.bytes}`).join('\n')).toBeLessThanOrEqual(115 * 1024);
    expect(errors).toEqual([]);
  });

  it('zoomed in, full-resolution pixels come as tiles of the cells on screen, never the whole 2,800 px sheet', async () => {
    const { page, errors, grid, island } = await openDrawn('/grids-demo/mnist-test/', MNIST);
    const before = await page.evaluate(() => performance.getEntriesByType('resource').length);
    // 28 px cells or larger: drawn from full-resolution pixels.
    for (let k = 0; k < 3; k++) await grid.locator('button[aria-label="Zoom in"]').click();
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/generated\/images\/mnist\/[0-9a-f]{16}\.png$/.test(e.name)), null, { timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    expect(await island.getAttribute('data-drawn')).toBe('true');
    const full = await page.evaluate((from) => performance.getEntriesByType('resource').slice(from).filter((e) => /\/generated\/images\/mnist\/[0-9a-f]{16}\.png$/.test(e.name)).map((e) => ({ name: e.name, bytes: (e as PerformanceResourceTiming).encodedBodySize })), before);
    // A screen of large digits is a few tiles (at most 72 KB each), far from the 964 KB sheet.
    expect(full.length).toBeGreaterThan(0);
    expect(full.length).toBeLessThanOrEqual(6);
    for (const f of full) expect(f.bytes, f.name).toBeLessThanOrEqual(72_000);
    // The canvas shows digits (white strokes) from those tiles.
    const lit = await page.evaluate(() => {
      // The band at the top of the view.
      const c = document.querySelector<HTMLCanvasElement>('[data-image-grid][data-dataset="mnist"] canvas.grid-band')!;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! > 200 && d[i + 3]! > 200) n++;
      return n / (d.length / 4);
    });
    expect(lit).toBeGreaterThan(0.02);
    expect(errors).toEqual([]);
  });

  it('ways-to-see after a full scroll stays under 650,000 B: its 70,000 digits are drawn from the 4 px overview sheets', async () => {
    const { page, errors } = await browser.open('/ways-to-see-a-dataset/');
    const steps = page.locator('[data-scrolly="look"] [data-step]');
    for (let k = 0; k < (await steps.count()); k++) {
      await steps.nth(k).evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.locator('[data-scrolly="look"] .grid-island[data-drawn="true"]').waitFor({ timeout: 20_000 });
      expect(await page.locator('[data-scrolly="look"] .grid-island').getAttribute('data-tier'), `step ${k}`).toBe('overview');
    }
    // Down the whole page a screen at a time, as a reader does: every lazy image on the way loads.
    await page.evaluate(async () => {
      const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight * 0.8) {
        scrollTo(0, y);
        await frames();
      }
    });
    await page.waitForLoadState('networkidle');
    const resources = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({ name: e.name, bytes: (e as PerformanceResourceTiming).encodedBodySize })));
    // No 7 px preview sheet (152 KB each) is fetched, by the canvas or by the no-JS fallback.
    expect(resources.filter((r) => /\/generated\/images\/mnist\/[0-9a-f]{16}\.preview\./.test(r.name)).map((r) => r.name)).toEqual([]);
    // The figures' digit sheets (<DigitRows>) were on the way down.
    expect(resources.filter((r) => r.name.includes('/generated/digits/')).length).toBeGreaterThanOrEqual(3);
    // Issue 18's goal: at most half of the 1.31 MB this page fetched before per-grid atlases and overview sheets.
    const total = resources.reduce((sum, r) => sum + r.bytes, 0);
    expect(total, resources.map((r) => `${r.name} ${r.bytes}`).join('\n')).toBeLessThanOrEqual(650_000);
    expect(errors).toEqual([]);
  });

  it('regrouping moves the cells to their new places, and with reduced motion shows the new layout at once', async () => {
    const { page, errors, grid, island } = await openDrawn('/grids-demo/', MNIST);
    // Every value data-moving takes, recorded in the page (a frame may be too short to see from here).
    const record = () => island.evaluate((el) => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => seen.push(el.getAttribute('data-moving') ?? '')).observe(el, { attributes: true, attributeFilter: ['data-moving'] });
    });
    // The values in order, repeats collapsed (every frame of the motion writes "true").
    const seen = () => page.evaluate(() => (window as unknown as { seen: string[] }).seen.filter((v, i, all) => v !== all[i - 1]));
    await record();
    await grid.locator('select').first().selectOption({ label: 'digit' });
    await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.includes('false'), null, { timeout: 20_000 });
    expect(await seen()).toEqual(['true', 'false']);
    expect(await island.getAttribute('data-drawn')).toBe('true');
    await expect(grid.locator('.grid-summary').textContent()).resolves.toContain('grouped by digit');
    expect(await island.getAttribute('data-cells')).toBe('10000');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await record();
    await grid.locator('select').first().selectOption({ index: 0 });
    await page.waitForFunction((sel) => !document.querySelector(`${sel} .grid-summary`)?.textContent?.includes('grouped by'), MNIST);
    await grid.locator('.grid-island[data-drawn="true"]').waitFor({ timeout: 20_000 });
    expect(await seen()).toEqual([]);
    expect(errors).toEqual([]);
  });

  /** Scrolls so the trigger line of scrolly `id` sits at `share` of the gap between step n's card and step n + 1's. */
  async function scrollIntoGap(page: import('playwright-core').Page, id: string, n: number, share: number) {
    await page.evaluate(([id, n, share]) => {
      const root = document.querySelector(`[data-scrolly="${id}"]`)!;
      const line = innerHeight * parseFloat(getComputedStyle(root).getPropertyValue('--scrolly-offset'));
      const bottom = document.getElementById(`${id}-${n}`)!.getBoundingClientRect().bottom;
      const top = document.getElementById(`${id}-${n + 1}`)!.getBoundingClientRect().top;
      scrollBy(0, bottom + (top - bottom) * share - line);
    }, [id, n, share] as const);
  }
  /** The first row (device px) of the travelling cells' canvas with a drawn cell in column x (CSS px). */
  const firstRow = (page: import('playwright-core').Page, x: number) =>
    page.evaluate((x) => {
      const c = document.querySelector<HTMLCanvasElement>('[data-scrolly="look"] canvas.grid-canvas')!;
      const column = c.getContext('2d')!.getImageData(Math.round(x * (c.width / c.clientWidth)), 0, 1, c.height).data;
      for (let y = 0; y < c.height; y++) if (column[y * 4 + 3]! > 0) return y;
      return -1;
    }, x);

  it('scrubbed regroup: half-way between two steps a digit lies between its two places, and scrolling back runs it back', async () => {
    const { page, errors } = await browser.open('/ways-to-see-a-dataset/');
    const island = page.locator('[data-scrolly="look"] .grid-island');
    await page.locator('#look-0').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.locator('[data-scrolly="look"] .grid-island[data-drawn="true"]').waitFor({ timeout: 20_000 });
    // Where the grid puts each digit at step 0 (dataset order) and step 1 (grouped by split: test, then train),
    // from the payload it draws and its size on this screen (the layout rule of src/lib/images/grid-scrub.ts).
    const payloadFile = readdirSync('dist/generated/grids').find((f) => /^mnist-all\.[0-9a-f]{16}\.json$/.test(f))!;
    const payload = JSON.parse(readFileSync(join('dist/generated/grids', payloadFile), 'utf8')) as GridPayload;
    const [width, innerHeight] = await page.evaluate(() => [document.querySelector('[data-scrolly="look"] .grid-scroller')!.clientWidth, window.innerHeight]);
    const sizing = { width: width!, zoom: 1, viewportHeight: Math.min(560, Math.max(200, Math.round(innerHeight! * 0.7))) };
    const path = scrubPath(payload, [{}, { groupBy: 'split' }], 0, sizing, itemCount(payload))!;
    // The training digit at the top of the middle column: it moves straight down, under the test digits and the train header.
    const item = Math.floor(path.from.columns / 2);
    const [x, y0, y1] = [path.positions.from[item * 2]!, path.positions.from[item * 2 + 1]!, path.positions.to[item * 2 + 1]!];
    expect(path.positions.to[item * 2]).toBe(x);
    expect(y1 - y0).toBeGreaterThan(40);
    await scrollIntoGap(page, 'look', 0, 0.5);
    await page.waitForFunction(() => Number(document.querySelector('[data-scrolly="look"] .grid-island')?.getAttribute('data-scrub')) > 0.3, null, { timeout: 10_000 });
    const half = Number(await island.getAttribute('data-scrub'));
    const mid = await firstRow(page, x + 1);
    expect(mid, `half-way (t = ${half}) the digit lies between y = ${y0} and y = ${y1}`).toBeGreaterThan(y0 + 5);
    expect(mid).toBeLessThan(y1 - 5);
    expect(Math.abs(mid - (y0 + (y1 - y0) * half))).toBeLessThanOrEqual(1);
    // Into step 1's card: the exact layout, no travelling frame left.
    await scrollIntoGap(page, 'look', 0, 1.2);
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-scrolly="look"] .grid-island');
      return el?.getAttribute('data-scrub') === null && el.getAttribute('data-moving') === 'false' && el.getAttribute('data-drawn') === 'true';
    }, null, { timeout: 10_000 });
    await expect(page.locator('[data-scrolly="look"] .grid-summary').textContent()).resolves.toContain('grouped by split');
    // Scroll back to a quarter of the gap: the digit runs back, part of the way.
    await scrollIntoGap(page, 'look', 0, 0.25);
    await page.waitForFunction(() => {
      const t = Number(document.querySelector('[data-scrolly="look"] .grid-island')?.getAttribute('data-scrub'));
      return t > 0 && t < 0.4;
    }, null, { timeout: 10_000 });
    const quarter = Number(await island.getAttribute('data-scrub'));
    const back = await firstRow(page, x + 1);
    expect(back).toBeGreaterThan(y0);
    expect(back).toBeLessThan(mid);
    expect(Math.abs(back - (y0 + (y1 - y0) * quarter))).toBeLessThanOrEqual(1);
    await expect(page.locator('[data-scrolly="look"] .grid-summary').textContent()).resolves.not.toContain('grouped by');
    expect(errors).toEqual([]);
  });

  it('scrubbed regroup with reduced motion: no in-between frame, the exact step only', async () => {
    const reduced = await launch({ reducedMotion: 'reduce' });
    try {
      const { page, errors } = await reduced.open('/ways-to-see-a-dataset/');
      const island = page.locator('[data-scrolly="look"] .grid-island');
      await page.locator('#look-0').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.locator('[data-scrolly="look"] .grid-island[data-drawn="true"]').waitFor({ timeout: 20_000 });
      // Every value data-moving takes from here on (a travelling frame sets "true").
      await island.evaluate((el) => {
        const seen: string[] = [];
        (window as unknown as { seen: string[] }).seen = seen;
        new MutationObserver(() => seen.push(el.getAttribute('data-moving') ?? '')).observe(el, { attributes: true, attributeFilter: ['data-moving', 'data-scrub'] });
      });
      await scrollIntoGap(page, 'look', 0, 0.5);
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
      expect(await island.getAttribute('data-scrub')).toBeNull();
      expect(await island.getAttribute('data-moving')).not.toBe('true');
      await scrollIntoGap(page, 'look', 0, 1.2);
      await page.waitForFunction(() => document.querySelector('[data-scrolly="look"] .grid-summary')?.textContent?.includes('grouped by split'), null, { timeout: 10_000 });
      expect(await island.getAttribute('data-moving')).not.toBe('true');
      expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen.includes('true'))).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await reduced.close();
    }
  });

  it('carousel moves by buttons and arrow keys and announces the image', async () => {
    const { page, errors } = await browser.open('/grids-demo/');
    const carousel = page.locator('[data-carousel][data-enhanced="true"]');
    await carousel.waitFor();
    expect(await carousel.getAttribute('aria-roledescription')).toBe('carousel');
    await carousel.locator('[data-carousel-next]').click();
    await expect(carousel.locator('[data-carousel-status]').textContent()).resolves.toMatch(/^Image 2 of 8: /);
    await carousel.locator('.carousel-track').focus();
    await page.keyboard.press('ArrowRight');
    await expect(carousel.locator('[data-carousel-status]').textContent()).resolves.toMatch(/^Image 3 of 8: /);
    expect(errors).toEqual([]);
  });

  it('reads without JavaScript: atlas, summary table and sample receipt', async () => {
    const nojs = await launch({ javaScriptEnabled: false });
    try {
      const { page } = await nojs.open('/grids-demo/');
      const grid = page.locator(MNIST);
      expect(await grid.locator('.grid-fallback img').count()).toBe(1);
      expect(await grid.locator('.grid-counts tbody tr').count()).toBe(10);
      await expect(grid.locator('.sample-receipt').textContent()).resolves.toContain('10,000 of 10,000 items');
      const receipt = page.locator('[data-image-grid][data-dataset="openmoji"] .sample-receipt').first();
      await expect(receipt.textContent()).resolves.toContain('seed 7');
      expect(await page.locator('.carousel-slide').count()).toBe(8);
      expect(await page.locator('.source-line').count()).toBeGreaterThanOrEqual(6);
    } finally {
      await nojs.close();
    }
  });

  it('works on a 360px phone', async () => {
    const phone = await launch({ viewport: { width: 360, height: 740 } });
    try {
      const { page, errors } = await phone.open('/grids-demo/');
      const grid = page.locator(MNIST);
      await grid.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await grid.locator('.grid-island[data-drawn="true"]').waitFor({ timeout: 20_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await grid.locator('.grid-island').getAttribute('data-cells')).toBe('10000');
      expect(errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});

describe('exclusion list', () => {
  it('no excluded OpenMoji image, thumbnail or id reaches dist/', () => {
    const excluded = readFileSync('content/datasets/openmoji/exclude-sha256.txt', 'utf8')
      .split('\n')
      .map((l) => /^([0-9a-f]{64})\s*#\s*(\S+)/.exec(l))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => ({ sha: m[1]!, hexcode: m[2]! }));
    expect(excluded.length).toBeGreaterThan(0);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk('dist');
    const hashes = new Set(excluded.map((e) => e.sha));
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(hashes.has(createHash('sha256').update(bytes).digest('hex')), file).toBe(false);
      for (const { sha, hexcode } of excluded) {
        expect(file.includes(hexcode), file).toBe(false);
        if (/\.(html|json|js|txt|xml)$/.test(file)) {
          const text = bytes.toString('utf8');
          expect(text.includes(sha), file).toBe(false);
          expect(text.includes(`"${hexcode}"`), file).toBe(false);
        }
      }
    }
  });
});
