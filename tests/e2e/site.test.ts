// The built site in Chromium: home page, an essay page, an island, no-JS reading.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { launch, type OpenBrowser } from './browser.ts';
import { acceptPublished } from '../../src/lib/seeset/published.ts';
import { seesetLayout } from '../../src/loaders/seeset-files.ts';

interface Front { title: string; slug: string; index: number; draft?: boolean }
// MDX essays and see:set essays (content/seeset/<slug>/index.md, or a series'
// content/seeset/<series>/<Name>.md with quoted values) share the home page.
const essayFiles = [
  ...readdirSync('content/essays').map((d) => `content/essays/${d}/index.mdx`).filter((file) => existsSync(file)),
  ...seesetLayout().essays.map((essay) => essay.path),
];
const published: Front[] = essayFiles
  .map((file) => acceptPublished(parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))![1]!) as Record<string, unknown>) as unknown as Front)
  .filter((f) => !f.draft)
  .sort((a, b) => a.index - b.index || a.title.localeCompare(b.title));

describe('site', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('home page lists every published essay in index order', async () => {
    const { page, errors } = await browser.open('/');
    const slugs = await page.locator('.essay-card').evaluateAll((els) => els.map((el) => el.getAttribute('data-slug')));
    expect(slugs).toEqual(published.map((f) => f.slug));
    for (const img of await page.locator('.essay-card img').all()) {
      expect((await img.getAttribute('alt'))?.length).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
  });

  it('an essay page renders title, byline, contents, footnotes and a hydrated island', async () => {
    const { page, errors } = await browser.open('/reading-a-datasheet/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Reading a datasheet before reading a dataset');
    await expect(page.locator('.byline').first().textContent()).resolves.toMatch(/^by /);
    const tocLinks = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(tocLinks).toContain('#what-a-datasheet-answers');
    for (const href of tocLinks) expect(await page.locator(href!).count()).toBe(1);
    expect(await page.locator('section[data-footnotes] li').count()).toBeGreaterThan(0);
    await page.locator('.copy-link').scrollIntoViewIfNeeded();
    await page.locator('.copy-link[data-hydrated="true"]').waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
  });

  it('serves a 404 page for unknown paths', async () => {
    const { page } = await browser.open('/no-such-essay/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
  });

  it('lets wide figures and scrollies break out of the prose column on a desktop screen, without side scroll', async () => {
    const { page } = await browser.open('/ways-to-see-a-dataset/');
    await page.setViewportSize({ width: 1400, height: 900 });
    const widths = await page.evaluate(() => {
      const body = document.querySelector('.essay-body')!.getBoundingClientRect().width;
      const figure = document.querySelector('.essay-body > .wide')!.getBoundingClientRect();
      const scrolly = document.querySelector('.essay-body > .scrolly')!.getBoundingClientRect();
      return { body, figure: figure.width, figureLeft: figure.left, scrolly: scrolly.width, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
    });
    expect(widths.figure).toBeGreaterThan(widths.body + 100);
    expect(widths.scrolly).toBeGreaterThan(widths.body + 100);
    expect(widths.figureLeft).toBeGreaterThanOrEqual(0);
    expect(widths.overflow).toBeLessThanOrEqual(0);
  });

  it('has no horizontal scroll on a 360px phone', async () => {
    const phone = await launch({ viewport: { width: 360, height: 740 } });
    try {
      for (const path of ['/', '/reading-a-datasheet/', '/ways-to-see-a-dataset/', '/curation-by-statistics/', '/a-taxonomy-of-people/']) {
        const { page } = await phone.open(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
    } finally {
      await phone.close();
    }
  });
});

describe('site without JavaScript', () => {
  it('reads an essay: text, headings and cover are all in the HTML', async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      const { page } = await noJs.open('/reading-a-datasheet/');
      const text = await page.locator('article').innerText();
      expect(text).toContain('What a datasheet answers');
      expect(text).toContain('Published figures are data too');
      expect(await page.locator('a.copy-link').getAttribute('href')).toBe('#what-a-datasheet-answers');
      const cover = page.locator('.essay-header img');
      expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    } finally {
      await noJs.close();
    }
  });
});
