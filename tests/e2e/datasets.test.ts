// The /datasets/ pages in Chromium: every dataset listed, every datasheet page
// rendered with its caveats and aggregates, with no console errors (CSP included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { launch, type OpenBrowser } from './browser.ts';

const ids = readdirSync('content/datasets').sort();

describe('datasets pages', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the index lists every dataset folder and is linked from the site nav', async () => {
    const { page, errors } = await browser.open('/');
    await page.locator('nav[aria-label="Site"] a', { hasText: 'Datasets' }).click();
    await page.waitForURL(/\/datasets\/$/);
    const listed = await page.locator('.dataset-card').evaluateAll((els) => els.map((el) => el.getAttribute('data-dataset')));
    expect([...listed].sort()).toEqual(ids);
    expect(errors).toEqual([]);
  });

  it.each(ids)('/datasets/%s/ renders its datasheet, caveats and aggregates', async (id) => {
    const { page, errors } = await browser.open(`/datasets/${id}/`);
    expect(await page.locator(`article[data-dataset="${id}"] h1`).count()).toBe(1);
    expect(await page.locator('#caveats + ul li').count()).toBeGreaterThan(0);
    expect(await page.locator('dt', { hasText: 'Licence' }).count()).toBe(1);
    const essays = await page.locator('#essays ~ *').first().textContent();
    expect(essays?.trim().length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('lists the aggregates built from a dataset with their import path', async () => {
    const { page } = await browser.open('/datasets/mnist/');
    const names = await page.locator('[data-aggregate] .name').allTextContents();
    expect(names).toContain('@data/mnist-near-duplicates');
    expect(names.every((n) => n.startsWith('@data/mnist-'))).toBe(true);
  });
});
