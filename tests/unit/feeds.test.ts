// RSS (through @astrojs/rss), sitemap filter and share-card text: hostile titles stay text, pages are filtered.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { escapeXml } from '../../src/lib/xml-escape.ts';
import { getRssString } from '@astrojs/rss';
import { isIndexablePage, robotsTxt, rssOptions } from '../../src/lib/feeds.ts';
import { SHARE_CARD, shareCardSvg, wrapTitle } from '../../src/lib/share-card.ts';

const hostile = 'Cats & <script>alert("x")</script> \u0007dogs';

describe('feeds', () => {
  it('escapes XML specials and drops forbidden control characters', () => {
    expect(escapeXml(hostile)).toBe('Cats &amp; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; dogs');
  });

  it('writes an RSS item whose texts read back as the original, without forbidden characters', async () => {
    const xml = await getRssString(
      rssOptions(
        { title: 'S', description: 'D', url: 'https://e.org/', feedUrl: 'https://e.org/rss.xml?a=1&b=2' },
        [{ title: hostile, url: 'https://e.org/a/?x=1&y=2', description: `d ${hostile}`, authors: ['A & B', '<C>'], category: 'essay' }],
      ),
    );
    expect(xml).not.toMatch(/\u0007/);
    const { document } = parseHTML(xml.replace(/^<\?xml[^>]*>/, ''));
    expect(document.querySelector('item title')!.textContent).toBe('Cats & <script>alert("x")</script> dogs');
    expect(document.querySelector('item description')!.textContent).toBe('d Cats & <script>alert("x")</script> dogs');
    expect(document.querySelector('item guid')!.textContent).toBe('https://e.org/a/?x=1&y=2');
    expect([...document.querySelectorAll('item dc\\:creator')].map((e) => e.textContent)).toEqual(['A & B', '<C>']);
    expect(document.querySelector('item category')!.textContent).toBe('essay');
    expect(document.querySelector('channel atom\\:link')!.getAttribute('href')).toBe('https://e.org/rss.xml?a=1&b=2');
    expect(document.querySelector('rss')!.getAttribute('xmlns:dc')).toBe('http://purl.org/dc/elements/1.1/');
    expect(document.querySelectorAll('script').length).toBe(0);
  });

  it('keeps essays and index pages in the sitemap, not files, embeds, print, presentation or 404', () => {
    expect(['', '/', 'ways/', '/components/', 'datasets/mnist/'].every(isIndexablePage)).toBe(true);
    expect(['404/', '/404/', 'embed/ways/threshold/', 'ways/print/', 'ways/present/', 'rss.xml', 'robots.txt', 'og/ways.png'].some(isIndexablePage)).toBe(false);
  });

  it('points robots.txt at the sitemap and keeps crawlers out of embeds', () => {
    expect(robotsTxt('https://e.org/sitemap-index.xml')).toMatch(/^Disallow: \/embed\/$/m);
    expect(robotsTxt('https://e.org/sitemap-index.xml')).toMatch(/^Sitemap: https:\/\/e\.org\/sitemap-index\.xml$/m);
  });
});

describe('share card', () => {
  it('wraps a long title into at most three lines with an ellipsis', () => {
    const lines = wrapTitle('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen', 20, 3);
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.length <= 20)).toBe(true);
    expect(lines[2]!.endsWith('…')).toBe(true);
    expect(wrapTitle('Short title', 28, 3)).toEqual(['Short title']);
  });

  it('renders a hostile title with sharp as text, at the Open Graph size', async () => {
    const svg = shareCardSvg({ title: hostile, byline: 'by <b>', site: 'S' });
    expect(svg).not.toContain('<script>');
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    expect(await sharp(png).metadata()).toMatchObject({ width: SHARE_CARD.width, height: SHARE_CARD.height });
  });
});
