// Publishing checks (#17.5, #22.5): the site's address, the scaffold's
// placeholder cover recognised by its pixels, empty alt text and excerpt, and
// the copied embed code. Synthetic fixtures in a temp folder; real content is only read.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_SITE, exampleSiteError, isExampleSite, shortUrl, siteAddress } from '../../src/lib/site-address.ts';
import { isPlaceholderCoverFile, isPlaceholderCoverPixels, placeholderCoverProblems } from '../../src/lib/placeholder-cover.ts';
import { placeholderCover } from '../../src/lib/new-essay.ts';
import { checkEssaySource, emptyPublishFields } from '../../src/lib/essay-source-check.ts';
import { embedCode, embedUrl, fittedHeight } from '../../src/lib/embed-code.ts';

describe('site address (SITE_URL)', () => {
  it('is the example domain when unset, which a build refuses with the fix', () => {
    expect(siteAddress({})).toBe(EXAMPLE_SITE);
    expect(isExampleSite(siteAddress({}))).toBe(true);
    const error = exampleSiteError();
    expect(error.name).toBe('AuthorError');
    expect(error.message).toContain('SITE_URL');
    expect(error.message).toMatch(/fix: set SITE_URL to the address readers will use/);
  });
  it('takes SITE_URL, and refuses what is not an http(s) address', () => {
    expect(siteAddress({ SITE_URL: 'https://essays.example.edu/' })).toBe('https://essays.example.edu');
    expect(siteAddress({ SITE_URL: 'https://example.edu/essays' })).toBe('https://example.edu/essays');
    expect(isExampleSite(siteAddress({ SITE_URL: 'https://essays.example.edu' }))).toBe(false);
    expect(() => siteAddress({ SITE_URL: 'essays.example.edu' })).toThrow(/not an address/);
    expect(() => siteAddress({ SITE_URL: 'ftp://example.edu' })).toThrow(/not an http\(s\) address/);
    expect(() => siteAddress({ SITE_URL: 'https://example.edu/?a=1' })).toThrow(/query/);
  });
  it('prints a short URL without the scheme', () => {
    expect(shortUrl('https://essays.example.edu/mnist/#cut-2')).toBe('essays.example.edu/mnist/#cut-2');
    expect(shortUrl('http://127.0.0.1:4321/mnist/')).toBe('127.0.0.1:4321/mnist');
  });
});

describe('placeholder cover, by its pixels', () => {
  const dir = mkdtempSync(join(tmpdir(), 'publish-checks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function writePlaceholder(path: string, slug: string) {
    // As scripts/new-essay.ts writes it: a 2-colour palette PNG.
    await sharp(Buffer.from(placeholderCover(slug, 1280, 800)), { raw: { width: 1280, height: 800, channels: 1 } }).png({ palette: true, colours: 2 }).toFile(path);
  }

  it('recognises the pattern of any slug, and not a changed one', () => {
    for (const slug of ['weather', 'a-long-essay-name', 'x']) expect(isPlaceholderCoverPixels(placeholderCover(slug), 1280, 800), slug).toBe(true);
    const edited = placeholderCover('weather');
    edited[1280 * 20 + 20] = edited[1280 * 20 + 20] === 0 ? 255 : 0;
    expect(isPlaceholderCoverPixels(edited, 1280, 800)).toBe(false);
    expect(isPlaceholderCoverPixels(new Uint8Array(1280 * 800).fill(255), 1280, 800), 'all white').toBe(false);
  });

  it('recognises the scaffold\'s PNG file under another name, and no real cover', async () => {
    const file = join(dir, 'my-cover.png');
    await writePlaceholder(file, 'weather');
    expect(await isPlaceholderCoverFile(file)).toBe(true);
    for (const real of ['curation-by-statistics/cover.png', 'reading-a-datasheet/cover-atkinson.png', 'ways-to-see-a-dataset/cover.png']) {
      expect(await isPlaceholderCoverFile(join('content/essays', real)), real).toBe(false);
    }
  });

  it('refuses a published essay wearing it at its coverImg line, with the fix; a draft passes', async () => {
    const essays = join(dir, 'essays');
    for (const [slug, draft] of [['published', false], ['drafted', true]] as const) {
      mkdirSync(join(essays, slug), { recursive: true });
      await writePlaceholder(join(essays, slug, 'renamed.png'), slug);
      writeFileSync(join(essays, slug, 'index.mdx'), `---\ntitle: T\nslug: ${slug}\ndraft: ${draft}\ncoverImg: ./renamed.png\ncoverImgAlt: Something\nexcerpt: Something.\n---\nText.\n`);
    }
    const problems = await placeholderCoverProblems(essays);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/essays/published/index.mdx', line: 5, field: 'coverImg', severity: 'error' });
    expect(problems[0]!.hint).toMatch(/npm run cover .* or keep the essay a draft/);
  });
});

describe('alt text and excerpt of a published essay', () => {
  const ctx = { components: {}, aggregates: new Map(), publishing: true };
  const essay = (front: string, draft = false) => `---\ntitle: T\ndraft: ${draft}\n${front}---\nText.\n`;
  it('refuses missing or empty coverImgAlt and excerpt at their lines, each with a fix', () => {
    const found = checkEssaySource(essay('coverImgAlt: ""\nexcerpt:   \n'), 'e.mdx', ctx);
    expect(found.map((p) => `${p.line} ${p.field}`)).toEqual(['4 coverImgAlt', '5 excerpt']);
    expect(found[0]!.message).toMatch(/alt text is empty/);
    expect(found[1]!.hint).toMatch(/^write one or two sentences/);
    const missing = checkEssaySource(essay(''), 'e.mdx', ctx);
    expect(missing.map((p) => p.field)).toEqual(['coverImgAlt', 'excerpt']);
    expect(missing[0]!.message).toMatch(/missing/);
  });
  it('accepts written ones (block scalars too), and drafts or previews', () => {
    expect(emptyPublishFields(essay('coverImgAlt: A grid\nexcerpt: >-\n  Two lines\n  of text.\n'))).toEqual([]);
    expect(checkEssaySource(essay('', true), 'e.mdx', ctx)).toEqual([]);
    expect(checkEssaySource(essay(''), 'e.mdx', { ...ctx, publishing: false })).toEqual([]);
  });
});

describe('copied embed code', () => {
  it('carries ?step=, a fitted fixed height and a resize listener for the site origin only', () => {
    const src = embedUrl('/embed/mnist/look/', 'https://essays.example.edu/mnist/', 2);
    expect(src).toBe('https://essays.example.edu/embed/mnist/look/?step=2');
    expect(embedUrl('/embed/mnist/fig/', 'https://essays.example.edu/mnist/')).toBe('https://essays.example.edu/embed/mnist/fig/');
    expect(fittedHeight(812.4)).toBe(821);
    expect(fittedHeight(undefined)).toBe(560);
    const code = embedCode({ src, title: 'Look "grid"', height: fittedHeight(812.4) });
    expect(code).toMatch(/^<iframe src="https:\/\/essays\.example\.edu\/embed\/mnist\/look\/\?step=2" title="Look &quot;grid&quot;" width="100%" height="821"/);
    expect(code).toContain('e.origin!=="https://essays.example.edu"');
    expect(code).toContain('"dataset-essays:embed-height"');
  });
});
