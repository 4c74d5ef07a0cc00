// Static search (Pagefind) on the built site, under the site's CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type OpenBrowser } from './browser.ts';

describe('search', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds an essay by a word from its text, with no console or CSP errors', async () => {
    const { page, errors } = await browser.open('/search/');
    const input = page.locator('#search input');
    await input.waitFor();
    // "electronics" appears only in the footnote of reading-a-datasheet.
    await input.fill('electronics');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('href')).toBe('/reading-a-datasheet/');
    expect(await page.locator('[data-search-note]').isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('does not index pages other than essays', async () => {
    const { page } = await browser.open('/search/');
    await page.locator('#search input').fill('Looking inside the datasets');
    await page.locator('.pagefind-ui__message').filter({ hasText: /result/ }).waitFor({ timeout: 15_000 });
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.every((h) => h !== '/')).toBe(true);
  });

  it('without JavaScript, says so and lists every essay', async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      const { page } = await noJs.open('/search/');
      expect(await page.locator('[data-search-note]').innerText()).toMatch(/needs JavaScript/);
      expect(await page.locator('.search-all a[href="/reading-a-datasheet/"]').count()).toBe(1);
    } finally {
      await noJs.close();
    }
  });
});
