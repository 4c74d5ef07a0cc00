// see:set essays: collection exports, widget markers and declarations, and
// every author error they can raise (file, line or item index, field).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { authorError } from '../fixtures/author-error.ts';
import { parseCollectionExport } from '../../src/lib/seeset/collection-export.ts';
import { declaredWidgets, findMarkers, frontmatterKeyLines, pairMarkers, splitFrontmatter, unplacedWarning } from '../../src/lib/seeset/markers.ts';
import { seesetEssayFrontmatter } from '../../src/lib/seeset/essay-frontmatter.ts';
import { flagReasons } from '../../src/lib/seeset/flags.ts';
import { markerPlaceholders, splitAtPlaceholders } from '../../src/lib/seeset/placeholders.ts';
import { itemProvenance } from '../../src/lib/seeset/provenance.ts';
import { parseImagePath } from '../../src/lib/seeset/widgets.ts';
import { GRID_PHOTO_LIMIT, gridShowsPhotos, PHOTO_FORMATS, PHOTO_SQUARES, PHOTO_WIDTHS } from '../../src/lib/seeset/photo-widgets.ts';
import { readCollections, readSeesetEssay, resolveSeesetEssay } from '../../src/loaders/seeset-files.ts';
import { parse as parseYaml } from 'yaml';

const FIXTURE = 'content/seeset/bring-your-own-seeset';
const exportText = readFileSync(`${FIXTURE}/collections/1.json`, 'utf8');
const schema = seesetEssayFrontmatter(z.string());


function withItem(mutate: (items: Record<string, unknown>[]) => void): string {
  const json = JSON.parse(exportText) as { data: Record<string, unknown>[] };
  mutate(json.data);
  return JSON.stringify(json);
}

describe('collection export', () => {
  it('parses the fixture export, keeping unknown fields', () => {
    const items = parseCollectionExport(exportText, 'c/1.json');
    expect(items).toHaveLength(20);
    const cactus = items[0]!;
    expect(cactus).toMatchObject({ id: 1000, original_id: '1F335', kind: null, dataset: 'openmoji', index: 0 });
    expect(cactus.meta['fixture_note']).toMatch(/harmless cactus/);
    expect(cactus.texts[0]).toMatchObject({ text: 'cactus', lang: 'en', source: 'openmoji' });
    const extra = parseCollectionExport(withItem((data) => Object.assign(data[2]!, { similarity: 0.31, curator: { name: 'x' } })), 'c/1.json');
    expect(extra[2]).toMatchObject({ similarity: 0.31, curator: { name: 'x' } });
  });

  it.each([
    ['a file without sha256', (d: Record<string, unknown>[]) => delete (d[3]!['files'] as Record<string, unknown>[])[0]!['sha256'], 'data[3].files.0.sha256', /item 3: files\.0\.sha256/],
    ['texts that are not an array', (d: Record<string, unknown>[]) => (d[5]!['texts'] = 'cactus'), 'data[5].texts', /item 5: texts must be an array/],
    ['a text without text', (d: Record<string, unknown>[]) => delete (d[1]!['texts'] as Record<string, unknown>[])[0]!['text'], 'data[1].texts.0.text', /item 1: texts\.0\.text must be text/],
    ['an item without dataset', (d: Record<string, unknown>[]) => delete d[7]!['dataset'], 'data[7].dataset', /item 7: dataset/],
    ['an item without id', (d: Record<string, unknown>[]) => delete d[0]!['id'], 'data[0].id', /item 0: id/],
    ['a bad MIME type', (d: Record<string, unknown>[]) => ((d[2]!['files'] as Record<string, unknown>[])[0]!['mime'] = 'png'), 'data[2].files.0.mime', /MIME type/],
  ])('rejects %s, naming the file, the item index and the field', (_name, mutate, field, message) => {
    const error = authorError(() => parseCollectionExport(withItem(mutate), 'content/seeset/x/collections/1.json'));
    expect(error.file).toBe('content/seeset/x/collections/1.json');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('rejects a duplicate id, naming both items', () => {
    const error = authorError(() => parseCollectionExport(withItem((d) => (d[4]!['id'] = 1000)), 'c.json'));
    expect(error.message).toMatch(/item 4: id 1000 is already used by item 0/);
  });

  it('rejects invalid JSON, a failed export and a missing data array', () => {
    expect(authorError(() => parseCollectionExport('{"status": "success", "data": [', 'c.json')).message).toMatch(/not valid JSON/);
    expect(authorError(() => parseCollectionExport('{"status": "error", "data": []}', 'c.json')).field).toBe('status');
    expect(authorError(() => parseCollectionExport('{"status": "success"}', 'c.json')).field).toBe('data');
  });
});

const ESSAY = `---
title: T
slug: t
index: 1
contentType: essay
coverImg: ./c.png
coverImgAlt: C
preposition: by
authors: [A]
excerpt: E
grid-1:
  caption: "Grid"
  collection: 1
image-2:
  caption: "One"
  imagePath: "/base/datasets/1/1013"
---
Intro.

[:grid-1]

\`\`\`md
[:image-9]
\`\`\`

Text before
[:image-2]
`;

describe('markers and declarations', () => {
  const { yaml, body, bodyLine } = splitFrontmatter(ESSAY, 'e.md');

  it('finds markers with their file lines, skipping fenced code', () => {
    expect(bodyLine).toBe(18);
    expect(findMarkers(body, bodyLine, 'e.md')).toEqual([
      { key: 'grid-1', kind: 'grid', line: 20 },
      { key: 'image-2', kind: 'image', line: 27 },
    ]);
  });

  it('finds each declaration\'s line in the frontmatter', () => {
    const lines = frontmatterKeyLines(yaml);
    expect(lines.get('title')).toBe(2);
    expect([...declaredWidgets(lines)]).toEqual([['grid-1', 11], ['image-2', 14]]);
  });

  it('pairs markers and declarations', () => {
    expect(() => pairMarkers(findMarkers(body, bodyLine, 'e.md'), declaredWidgets(frontmatterKeyLines(yaml)), 'e.md')).not.toThrow();
  });

  it('fails on a marker without a declaration, at the marker\'s line', () => {
    const error = authorError(() => pairMarkers([{ key: 'carousel-3', kind: 'carousel', line: 40 }], new Map(), 'e.md'));
    expect(error).toMatchObject({ file: 'e.md', line: 40, field: 'carousel-3' });
    expect(error.message).toMatch(/marker \[:carousel-3\] has no declaration/);
  });

  it('returns a declaration without a marker, with its line, for a warning (the series leaves some unplaced)', () => {
    const unplaced = pairMarkers([], new Map([['image-2', 14]]), 'e.md');
    expect(unplaced).toEqual([{ key: 'image-2', line: 14 }]);
    expect(unplacedWarning('e.md', unplaced[0]!)).toMatch(/^e\.md:14: image-2 is declared but no \[:image-2\] marker places it/);
  });

  it('fails on a marker placed twice', () => {
    const twice = [{ key: 'grid-1', kind: 'grid' as const, line: 3 }, { key: 'grid-1', kind: 'grid' as const, line: 9 }];
    expect(authorError(() => pairMarkers(twice, new Map([['grid-1', 2]]), 'e.md'))).toMatchObject({ line: 9 });
  });

  it('fails on a misspelt marker, at its line', () => {
    const error = authorError(() => findMarkers('a\n\n[:gird-1]\n', 5, 'e.md'));
    expect(error).toMatchObject({ line: 7 });
    expect(error.message).toMatch(/"\[:gird-1\]" is not a widget marker/);
  });

  it('fails on a file without frontmatter', () => {
    expect(authorError(() => splitFrontmatter('# Title\n', 'e.md'))).toMatchObject({ line: 1 });
  });

  it('turns markers into placeholders that split the rendered HTML in order', () => {
    const prepared = markerPlaceholders(body);
    expect(prepared).toContain('Text before\n\n<div data-seeset-widget="image-2"></div>\n');
    expect(prepared).toContain('[:image-9]'); // code stays code
    const parts = splitAtPlaceholders('<p>a</p><div data-seeset-widget="grid-1"></div><p>b</p>\n<div data-seeset-widget="image-2"></div>');
    expect(parts).toEqual([{ html: '<p>a</p>' }, { widget: 'grid-1' }, { html: '<p>b</p>\n' }, { widget: 'image-2' }]);
  });

  it('reads imagePath as <base>/<collection-or-dataset>/<item id>', () => {
    expect(parseImagePath('/n-ways-to-see-a-dataset/datasets/8/78191526')).toEqual({ source: '8', itemId: '78191526' });
  });
});

describe('see:set essay frontmatter', () => {
  const front = parseYaml(splitFrontmatter(ESSAY, 'e.md').yaml) as Record<string, unknown>;

  it('accepts our essay fields plus widget declarations, and collects the widgets', () => {
    const data = schema.parse(front);
    expect(data.title).toBe('T');
    expect(data.widgets['grid-1']).toEqual({ kind: 'grid', key: 'grid-1', caption: 'Grid', collection: '1' });
    expect(data.widgets['image-2']).toMatchObject({ kind: 'image', imagePath: '/base/datasets/1/1013' });
    expect('grid-1' in data).toBe(false);
  });

  it('accepts the demo essay', () => {
    const data = schema.parse(parseYaml(splitFrontmatter(readFileSync(`${FIXTURE}/index.md`, 'utf8'), 'x').yaml));
    expect(Object.keys(data.widgets).sort()).toEqual(['carousel-1', 'grid-1', 'image-1', 'image-2', 'image-3']);
  });

  it.each([
    [{ layout: 'post' }, 'layout', /unknown field layout/],
    [{ 'grid-3': { caption: 'x' } }, 'grid-3.collection', /collection must be the number of an export/],
    [{ 'image-4': { imagePath: '/a/b/c', collection: 1 } }, 'image-4', /unknown field\(s\) collection/],
    [{ 'image-4': { imagePath: '/a/b/c', fileIndex: -1 } }, 'image-4.fileIndex', /./],
  ])('rejects %j naming the field', (extra, field, message) => {
    const result = schema.safeParse({ ...front, ...extra });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path.join('.')).toBe(field);
    expect(issue.message).toMatch(message);
  });
});

describe('flags', () => {
  const [cactus, sunflower] = parseCollectionExport(exportText, 'c.json');
  const none = { ids: [], sha256: [], meta: {} };

  it('flags any NSFW value other than UNLIKELY, and nothing else by default', () => {
    expect(flagReasons(cactus!, cactus!.files[0], none)).toEqual(['marked NSFW "LIKELY" in the dataset']);
    expect(flagReasons(sunflower!, sunflower!.files[0], none)).toEqual([]);
    expect(flagReasons({ ...sunflower!, meta: { NSFW: 'POSSIBLE' } }, undefined, none)).toHaveLength(1);
    expect(flagReasons({ ...sunflower!, meta: {} }, undefined, none)).toEqual([]);
  });

  it('flags what the datasheet configures: ids, hashes and meta values', () => {
    expect(flagReasons(sunflower!, sunflower!.files[0], { ...none, ids: ['1001'] })).toHaveLength(1);
    expect(flagReasons(sunflower!, sunflower!.files[0], { ...none, sha256: [sunflower!.files[0]!.sha256] })).toHaveLength(1);
    expect(flagReasons(sunflower!, sunflower!.files[0], { ...none, meta: { author: [String(sunflower!.meta['author'])] } })).toEqual([`meta.author is "${String(sunflower!.meta['author'])}"`]);
  });
});

describe('reading an essay folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seeset-'));
    cpSync(FIXTURE, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (file: string, change: (text: string) => string) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('resolves every widget of the demo essay', () => {
    const widgets = resolveSeesetEssay(dir);
    const grid = widgets.get('grid-1');
    expect(grid?.kind === 'grid' && grid.items.length).toBe(20);
    const image = widgets.get('image-2');
    expect(image?.kind === 'image' && [image.item.item.id, image.item.fileIndex, image.item.file.name]).toEqual([1005, 1, '1F41D-black.png']);
    const flagged = widgets.get('image-3');
    expect(flagged?.kind === 'image' && flagged.item.flags).toEqual(['marked NSFW "LIKELY" in the dataset']);
  });

  it('fails on a widget naming a missing collection, at the declaration\'s line', () => {
    edit('index.md', (t) => t.replace('collection: 2', 'collection: 7'));
    const text = readFileSync(join(dir, 'index.md'), 'utf8');
    const error = authorError(() => resolveSeesetEssay(dir));
    expect(error.file).toMatch(/index\.md$/);
    expect(error.line).toBe(lineOf(text, 'carousel-1:'));
    expect(error.field).toBe('carousel-1.collection');
    expect(error.message).toMatch(/no collections\/7\.json/);
  });

  it('fails on an imagePath naming a missing item, at the declaration\'s line', () => {
    edit('index.md', (t) => t.replace('/datasets/1/1013', '/datasets/1/4242'));
    const text = readFileSync(join(dir, 'index.md'), 'utf8');
    const error = authorError(() => resolveSeesetEssay(dir));
    expect(error).toMatchObject({ line: lineOf(text, 'image-1:'), field: 'image-1.imagePath' });
    expect(error.message).toMatch(/no item with id 4242/);
  });

  it('fails on a fileIndex the item does not have', () => {
    edit('index.md', (t) => t.replace('fileIndex: 1', 'fileIndex: 2'));
    expect(authorError(() => resolveSeesetEssay(dir)).message).toMatch(/has 2 file\(s\), so fileIndex 2 does not exist/);
  });

  it('fails on a marker without declaration in the file, with its line', () => {
    edit('index.md', (t) => `${t}\n[:carousel-9]\n`);
    const text = readFileSync(join(dir, 'index.md'), 'utf8');
    expect(authorError(() => readSeesetEssay(dir))).toMatchObject({ line: lineOf(text, '[:carousel-9]'), field: 'carousel-9' });
  });

  it('fails on a missing or altered image, naming the item', () => {
    unlinkSync(join(dir, 'collections/2/files/test-00003.png'));
    const error = authorError(() => readCollections(dir));
    expect(error.file).toMatch(/collections\/2\.json$/);
    expect(error.field).toBe('data[15].files[0]');
    expect(error.message).toMatch(/test-00003\.png is missing/);
    cpSync(join(dir, 'collections/2/files/test-00004.png'), join(dir, 'collections/2/files/test-00003.png'));
    expect(authorError(() => readCollections(dir)).message).toMatch(/does not match its sha256/);
  });

  it('generates a datasheet, marked as generated, when none is supplied', () => {
    unlinkSync(join(dir, 'collections/1/datasheet.yaml'));
    const sheet = readCollections(dir).get('1')!.datasheet;
    expect(sheet).toMatchObject({ generated: true, title: 'Collection 1 from openmoji', license: 'as recorded per item: CC BY-SA 4.0' });
    expect(sheet.source).toMatch(/not stated/);
  });

  it('rejects a datasheet with an unknown field, naming it', () => {
    edit('collections/2/datasheet.yaml', (t) => `${t}licence: typo\n`);
    expect(authorError(() => readCollections(dir)).message).toMatch(/unknown field\(s\) licence/);
  });

  it('shows every field of an item on its provenance card, unknown ones included', () => {
    const collection = readCollections(dir).get('1')!;
    const widgets = resolveSeesetEssay(dir);
    const image = widgets.get('image-3')!;
    if (image.kind !== 'image') throw new Error('image-3 is an image');
    const card = itemProvenance(image.item, collection);
    expect(card.facts).toContainEqual(['Licence', 'CC BY-SA 4.0']);
    expect(card.facts).toContainEqual(['NSFW', 'LIKELY']);
    expect(card.extra.map(([k]) => k)).toContain('meta.fixture_note');
    expect(card.texts.map((t) => t.lang)).toEqual(['en', 'fr', 'de', 'ja', 'sw']);
    expect(card.labels).toEqual(['category: plant-other (animals-nature › plant-other)']);
  });
});

describe('see:set items as dataset items', () => {
  it('become valid typed items, flags and texts carried over', async () => {
    const { toDatasetItem, seesetGalleryId } = await import('../../src/lib/seeset/dataset-item.ts');
    const { parseDatasetItem } = await import('../../src/lib/images/dataset-item.ts');
    const { showItem } = await import('../../src/lib/seeset/resolve.ts');
    const collections = readCollections(FIXTURE);
    const emoji = collections.get('1')!;
    const digits = collections.get('2')!;
    const cactus = parseDatasetItem(toDatasetItem(showItem(emoji, emoji.items[0]!, 0), emoji, 'seeset-demo', { path: 'x.png', size: 10 }), { file: 'x', index: 0 });
    expect(cactus).toMatchObject({ id: '1000', originalId: '1F335', dataset: 'seeset-demo', license: 'CC BY-SA 4.0', flags: ['content-warning'], flagReason: 'marked NSFW "LIKELY" in the dataset' });
    expect(cactus.file).toMatchObject({ path: 'x.png', size: 10, mime: 'image/png', width: 256, height: 256 });
    expect(cactus.texts.slice(0, 2)).toEqual([{ text: 'cactus', lang: 'en', kind: 'name' }, { text: 'cactus', lang: 'fr', kind: 'name' }]);
    expect(cactus.labels).toEqual([{ task: 'category', label: 'plant-other', taxonomy: ['animals-nature', 'plant-other'] }]);
    const digit = parseDatasetItem(toDatasetItem(showItem(digits, digits.items[0]!, 0), digits, 'seeset-demo', { path: 'd.png', size: 1 }), { file: 'x', index: 0 });
    expect(digit).toMatchObject({ split: 'train', flags: [], rightsHolder: 'Yann LeCun, Corinna Cortes and Christopher J. C. Burges', texts: [] });
    expect(digit.labels[0]).toMatchObject({ task: 'classification', label: '5' });
    expect(seesetGalleryId(showItem(emoji, emoji.items[5]!, 1))).toBe('1005.1');
    // A text with an unknown kind or no language still validates.
    const odd = { ...emoji.items[1]!, texts: [{ id: 1, text: 'x', kind: 'ocr' }] };
    expect(parseDatasetItem(toDatasetItem(showItem(emoji, odd, 0), emoji, 'seeset-demo', { path: 'p', size: 1 }), { file: 'x', index: 0 }).texts).toEqual([{ text: 'x', lang: 'und', kind: 'caption' }]);
  });

  it('leave excluded images out of grids, and refuse them in single images', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeset-'));
    try {
      cpSync(FIXTURE, dir, { recursive: true });
      const items = JSON.parse(readFileSync(join(dir, 'collections/1.json'), 'utf8')) as { data: { id: number; files: { sha256: string }[] }[] };
      const sunflower = items.data[1]!.files[0]!.sha256;
      const memo = items.data.find((i) => i.id === 1013)!.files[0]!.sha256;
      writeFileSync(join(dir, 'collections/1/exclude-sha256.txt'), `# test\n${sunflower}\n`);
      const grid = resolveSeesetEssay(dir).get('grid-1')!;
      expect(grid.kind === 'grid' && grid.items.map((s) => s.item.id)).not.toContain(1001);
      expect(grid.kind === 'grid' && grid.items.length).toBe(19);
      writeFileSync(join(dir, 'collections/1/exclude-sha256.txt'), `${memo}\n`);
      expect(authorError(() => resolveSeesetEssay(dir)).message).toMatch(/image-1: item 1013 is on the exclusion list/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('see:set collections through the image pipeline', () => {
  it('build atlases (with a blurred safe atlas for the flagged item), thumbnails and a manifest', async () => {
    const { seesetGallerySpecs } = await import('../../scripts/images/seeset.ts');
    const { buildGallery } = await import('../../scripts/images/pipeline.ts');
    const out = mkdtempSync(join(tmpdir(), 'seeset-gallery-'));
    try {
      const all = seesetGallerySpecs('content/seeset').map((make) => make());
      // The series fixture's galleries are covered in seeset-series.test.ts.
      expect(all.map((s) => `${s.dataset}/${s.collection}`)).toEqual([
        'seeset-gulls-fixture/5', 'seeset-gulls-fixture/9', 'seeset-gulls-fixture/datasets-5', 'seeset-gulls-fixture/datasets-5-files', 'seeset-posters-fixture/7',
        'seeset-inaturalist-fixture/5', 'seeset-inaturalist-fixture/datasets-5',
        'seeset-bring-your-own-seeset/1', 'seeset-bring-your-own-seeset/1-files', 'seeset-bring-your-own-seeset/2',
      ]);
      const specs = all.filter((s) => s.dataset === 'seeset-bring-your-own-seeset');
      const emoji = specs[0]!;
      emoji.sources = emoji.sources.slice(0, 4);
      const { manifest, failures } = await buildGallery(emoji, { publicDir: join(out, 'public'), manifestRoot: out, cacheDir: join(out, 'cache') });
      expect(failures).toEqual([]);
      expect(manifest.items.map((i) => i.id)).toEqual(['1000', '1001', '1002', '1003']);
      expect(manifest.items[0]!.flags).toEqual(['content-warning']);
      expect(manifest.sheets[0]!.safeSrc).toMatch(/\/[0-9a-f]{16}\.safe\.webp$/);
      expect(manifest.pixelated).toBe(false);
      expect(specs[2]!.pixelated).toBe(true);
      // Carousels and single images get thumbnails: the carousel's 24 digits, image-1 and image-3.
      expect([...specs[2]!.thumbnails.ids]).toHaveLength(24);
      expect([...emoji.thumbnails.ids].sort()).toEqual(['1000', '1013']);
      expect([...specs[1]!.thumbnails.ids]).toEqual(['1005.1']);
      // Photo-grade copies: every item of the 20-item grid (under GRID_PHOTO_LIMIT), the carousel's digits, image-2's second file.
      expect(gridShowsPhotos(GRID_PHOTO_LIMIT)).toBe(true);
      expect(gridShowsPhotos(GRID_PHOTO_LIMIT + 1)).toBe(false);
      expect(emoji.photos!.ids.size).toBe(20);
      expect(emoji.photos).toMatchObject({ widths: PHOTO_WIDTHS, squares: PHOTO_SQUARES, formats: PHOTO_FORMATS });
      expect(specs[2]!.photos!.ids.size).toBe(24);
      expect([...specs[1]!.photos!.ids]).toEqual(['1005.1']);
      expect(Object.keys(manifest.photos)).toEqual(['1000', '1001', '1002', '1003']);
      expect(manifest.photos['1001']!.widths.at(-1)).toBeLessThanOrEqual(manifest.photos['1001']!.width);
      // The flagged item's photo placeholder is the blurred one (3x3 colour blocks), not its thumbnail's.
      expect(manifest.photos['1000']!.placeholder).not.toBe(manifest.thumbnails['1000']!.placeholder);
      // Gulls' grid of 8 generated photos asks for all 8.
      expect(all[0]!.photos!.ids.size).toBe(8);
      // Its grid of 260 synthetic fields (over GRID_PHOTO_LIMIT) is drawn from the atlas: no photo copies asked for.
      expect(all[1]!.sources).toHaveLength(260);
      expect(all[1]!.photos).toBeUndefined();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
