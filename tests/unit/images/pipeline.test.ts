// The sharp pipeline on a synthetic fixture (three generated PNGs, one
// corrupt file): bad images are reported by file and reason while the rest
// builds; the content-hash cache skips unchanged work; excluded hashes and
// metadata never reach the output.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { buildGallery, offeredFormats, overviewScaleOf, previewScale, thumbnailSizes, type GallerySpec, type ImageSource } from '../../../scripts/images/pipeline.ts';
import { sha256 } from '../../../scripts/lib/hash.ts';
import { readExcludeList } from '../../../scripts/images/exclude-list.ts';
import { decodeIdxImages, decodeIdxLabels } from '../../../src/lib/images/idx.ts';
import { AuthorError } from '../../../src/lib/author-error.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'images-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A synthetic 40 x 30 test image: `colour` with deterministic noise (so lossy WebP beats PNG on it, as on real photos). */
async function fixture(name: string, colour: string, exif = false): Promise<string> {
  const [r, g, b] = (await sharp({ create: { width: 1, height: 1, channels: 3, background: colour } }).raw().toBuffer()).values();
  const pixels = Buffer.alloc(40 * 30 * 3);
  let seed = 7;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = (3 * [r, g, b][i % 3]! + ((seed >> 16) & 255)) >> 2;
  }
  let image = sharp(pixels, { raw: { width: 40, height: 30, channels: 3 } }).png();
  if (exif) image = image.withExif({ IFD0: { Copyright: 'secret-owner-string', Artist: 'someone' } });
  const file = join(dir, name);
  writeFileSync(file, await image.toBuffer());
  return file;
}

function source(file: string, id: string, flags: 'content-warning'[] = []): ImageSource {
  const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
  return {
    file,
    item: { id, originalId: id, dataset: 'fixture', license: 'test', rightsHolder: 'test', file: { sha256: sha256(bytes), path: file, mime: 'image/png', size: bytes.length }, flags, ...(flags.length ? { flagReason: 'test flag' } : {}) },
    load: async () => ({ kind: 'encoded', data: readFileSync(file) }),
  };
}

function spec(sources: ImageSource[], exclude: string[] = []): GallerySpec {
  return {
    dataset: 'fixture', collection: 'c', title: 'Fixture', attribution: 'synthetic test fixture', license: 'test',
    cellWidth: 16, cellHeight: 16, channels: 4, pixelated: false, perAtlas: 2, sheetFormat: 'webp',
    sources, exclude: new Set(exclude),
    thumbnails: { ids: new Set(sources.map((s) => s.item.id)), sizes: [16, 32], formats: ['webp', 'png'] },
  };
}

const paths = () => ({ publicDir: join(dir, 'public'), manifestRoot: dir, cacheDir: join(dir, 'cache') });

describe('image pipeline', () => {
  it('reports a corrupt image with its file name and still builds the others', async () => {
    const a = await fixture('a.png', '#f00');
    const b = await fixture('b.png', '#0f0');
    const bad = join(dir, 'broken.png');
    writeFileSync(bad, 'this is not a png');
    const c = await fixture('c.png', '#00f');
    const result = await buildGallery(spec([source(a, 'a'), source(bad, 'bad'), source(b, 'b'), source(c, 'c')]), paths());
    expect(result.failures.map((f) => f.file)).toEqual([bad]); // reported once, not again for its thumbnails
    expect(result.failures[0]!.reason).toMatch(/unsupported image format|Input buffer/i);
    expect(result.manifest.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(result.manifest.cells).toEqual([0, 2, 3]);
    expect(result.manifest.sheets).toHaveLength(2);
    expect(Object.keys(result.manifest.thumbnails).sort()).toEqual(['a', 'b', 'c']);
    const files = readdirSync(join(dir, 'public/generated/images/fixture/thumbs')).sort();
    expect(files).toEqual(['a-16.png', 'a-16.webp', 'a-32.png', 'a-32.webp', 'b-16.png', 'b-16.webp', 'b-32.png', 'b-32.webp', 'c-16.png', 'c-16.webp', 'c-32.png', 'c-32.webp']);
    expect(existsSync(join(dir, 'src/generated/images/fixture/c.json'))).toBe(true);
    // A cell really holds its image: the red fixture is red in the atlas.
    const { data, info } = await sharp(join(dir, 'public', result.manifest.sheets[0]!.src)).raw().toBuffer({ resolveWithObject: true });
    const centre = (8 * info.width + 8) * info.channels;
    expect(data[centre]).toBeGreaterThan(200);
    expect(data[centre + 1]).toBeLessThan(60);
  });

  it('makes a preview atlas with every cell scaled down in place, also for greyscale sheets', async () => {
    expect([previewScale(28, 28), previewScale(64, 64), previewScale(16, 16), previewScale(10, 10), previewScale(7, 7)]).toEqual([4, 4, 2, 1, 1]);
    // Greyscale 28 px cells, two to a sheet row: white, black, white, black.
    const files = await Promise.all(['#fff', '#000', '#fff', '#000'].map((c, i) => fixture(`g${i}.png`, c)));
    const grey: GallerySpec = { ...spec(files.map((f, i) => source(f, `g${i}`))), cellWidth: 28, cellHeight: 28, channels: 1, perAtlas: 4, sheetFormat: 'png', sheetColours: 16, thumbnails: { ids: new Set(), sizes: [], formats: ['png'] } };
    const { manifest } = await buildGallery(grey, paths());
    expect([manifest.previewCellWidth, manifest.previewCellHeight]).toEqual([7, 7]);
    const sheet = manifest.sheets[0]!;
    expect(sheet.preview).toMatchObject({ width: sheet.width / 4, height: sheet.height / 4 });
    expect(sheet.preview.src).toMatch(/^\/generated\/images\/fixture\/[0-9a-f]{16}\.preview\.png$/);
    const { data, info } = await sharp(join(dir, 'public', sheet.preview.src)).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([14, 14]);
    // Centres of the four 7 px cells: white, black / white, black (a wrong channel count would smear them into stripes).
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels]!;
    expect([at(3, 3), at(10, 3), at(3, 10), at(10, 10)].map((v) => v > 128)).toEqual([true, false, true, false]);
    // No overview unless asked for.
    expect(sheet.overview).toBeUndefined();
    expect(manifest.overviewCellWidth).toBeUndefined();
  });

  it('writes an overview atlas of tiny cells when a gallery asks for one, and refuses a size that does not divide the cell', async () => {
    expect(overviewScaleOf(28, 28, 4)).toBe(7);
    expect(() => overviewScaleOf(28, 28, 5)).toThrow(/overviewCell 5 must divide the 28x28 cell/);
    expect(() => overviewScaleOf(28, 28, 28)).toThrow(RangeError);
    const files = await Promise.all(['#000', '#fff', '#000', '#fff'].map((c, i) => fixture(`o${i}.png`, c)));
    const grey: GallerySpec = { ...spec(files.map((f, i) => source(f, `o${i}`))), collection: 'ov', cellWidth: 28, cellHeight: 28, channels: 1, perAtlas: 4, sheetFormat: 'png', sheetColours: 16, overviewCell: 4, thumbnails: { ids: new Set(), sizes: [], formats: ['png'] } };
    const { manifest } = await buildGallery(grey, paths());
    expect([manifest.overviewCellWidth, manifest.overviewCellHeight]).toEqual([4, 4]);
    const sheet = manifest.sheets[0]!;
    expect(sheet.overview).toMatchObject({ width: 8, height: 8 });
    expect(sheet.overview!.src).toMatch(/^\/generated\/images\/fixture\/[0-9a-f]{16}\.overview\.png$/);
    expect(sheet.overview!.bytes).toBeGreaterThan(0);
    const { data, info } = await sharp(join(dir, 'public', sheet.overview!.src)).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([8, 8]);
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels]!;
    expect([at(2, 2), at(6, 2), at(2, 6), at(6, 6)].map((v) => v > 128)).toEqual([false, true, false, true]);
  });

  it('skips unchanged work on a warm run and still reports old failures', async () => {
    const a = await fixture('a.png', '#f00');
    const b = await fixture('b.png', '#0f0');
    const bad = join(dir, 'broken.png');
    writeFileSync(bad, 'garbage');
    const sources = () => [source(a, 'a'), source(b, 'b'), source(bad, 'bad')];
    const cold = await buildGallery(spec(sources()), paths());
    expect(cold.cache.hits).toBe(0);
    const warm = await buildGallery(spec(sources()), paths());
    expect(warm.cache.misses).toBe(0);
    expect(warm.cache.hits).toBe(cold.cache.misses);
    expect(warm.failures.map((f) => f.file)).toContain(bad);
    expect(warm.manifest).toEqual(cold.manifest);
    // Change one image: only its sheet and its thumbnails rebuild.
    await fixture('b.png', '#ff0');
    const changed = await buildGallery(spec(sources()), paths());
    expect(changed.cache.misses).toBe(2);
    // A deleted output is rebuilt even when the inputs are unchanged.
    rmSync(join(dir, 'public/generated/images/fixture/thumbs/a-32.webp'));
    const repaired = await buildGallery(spec(sources()), paths());
    expect(repaired.cache.misses).toBe(1);
    expect(existsSync(join(dir, 'public/generated/images/fixture/thumbs/a-32.webp'))).toBe(true);
  });

  it('drops excluded hashes before anything is written, and strips metadata', async () => {
    const a = await fixture('a.png', '#f00', true);
    const secret = await fixture('secret.png', '#123456');
    const result = await buildGallery(spec([source(a, 'a'), source(secret, 'secret')], [sha256(readFileSync(secret))]), paths());
    expect(result.manifest.items.map((i) => i.id)).toEqual(['a']);
    expect(result.manifest.excluded).toBe(1);
    const out: string[] = [];
    const walk = (d: string) => { for (const n of readdirSync(d, { withFileTypes: true })) n.isDirectory() ? walk(join(d, n.name)) : out.push(join(d, n.name)); };
    walk(join(dir, 'public'));
    walk(join(dir, 'src'));
    for (const f of out) {
      expect(f).not.toContain('secret');
      expect(readFileSync(f).includes('secret')).toBe(false);
      expect(readFileSync(f).includes('secret-owner-string')).toBe(false);
    }
    expect((await sharp(readFileSync(a)).metadata()).exif).toBeDefined(); // the fixture had EXIF...
    for (const f of out.filter((p) => /\.(png|webp)$/.test(p))) expect((await sharp(f).metadata()).exif).toBeUndefined(); // ...the outputs do not
  });

  it('a pixelated gallery writes no thumbnail larger than the image itself', async () => {
    expect(thumbnailSizes([64, 128, 256], 28, true)).toEqual([28]);
    expect(thumbnailSizes([64, 128, 256], 100, true)).toEqual([64, 100]);
    expect(thumbnailSizes([64, 128, 256], 300, true)).toEqual([64, 128, 256]);
    expect(thumbnailSizes([64, 128, 256], 28, false)).toEqual([64, 128, 256]);
    const a = await fixture('a.png', '#f00'); // 40 x 30
    const pixelated = { ...spec([source(a, 'a')]), pixelated: true, thumbnails: { ids: new Set(['a']), sizes: [16, 32, 64, 128], formats: ['png' as const] } };
    const first = await buildGallery(pixelated, paths());
    expect(first.manifest.thumbnails['a']!.sizes).toEqual([16, 32, 40]);
    expect(readdirSync(join(dir, 'public/generated/images/fixture/thumbs')).sort()).toEqual(['a-16.png', 'a-32.png', 'a-40.png']);
    expect((await sharp(join(dir, 'public/generated/images/fixture/thumbs/a-40.png')).metadata()).width).toBe(40);
    // A cached rebuild reports the same sizes, not the ones asked for.
    const again = await buildGallery(pixelated, paths());
    expect(again.cache.misses).toBe(0);
    expect(again.manifest.thumbnails['a']!.sizes).toEqual([16, 32, 40]);
  });

  it('deletes the files of its own that a later run no longer makes, and nothing else', async () => {
    const a = await fixture('a.png', '#f00'); // 40 x 30
    const b = await fixture('b.png', '#0f0');
    const thumbs = join(dir, 'public/generated/images/fixture/thumbs');
    const sizes = { ids: new Set(['a', 'b']), sizes: [16, 32, 64], formats: ['png' as const] };
    await buildGallery({ ...spec([source(a, 'a'), source(b, 'b')]), thumbnails: sizes }, paths());
    writeFileSync(join(thumbs, 'author-note.txt'), 'not the pipeline\'s'); // never recorded, never deleted
    expect(readdirSync(thumbs).sort()).toEqual(['a-16.png', 'a-32.png', 'a-64.png', 'author-note.txt', 'b-16.png', 'b-32.png', 'b-64.png']);
    // b leaves the collection and a is now drawn pixelated (no 64 px copy of a 40 px image).
    await buildGallery({ ...spec([source(a, 'a')]), pixelated: true, thumbnails: sizes }, paths());
    expect(readdirSync(thumbs).sort()).toEqual(['a-16.png', 'a-32.png', 'a-40.png', 'author-note.txt']);
  });

  it('offers a thumbnail format only when it is smaller than every format after it', () => {
    const sizes = (table: Record<string, number>) => (format: string) => table[format]!;
    expect(offeredFormats(['avif', 'webp', 'png'], sizes({ avif: 400, webp: 600, png: 900 }))).toEqual(['avif', 'webp', 'png']);
    // A tiny pixelated digit: AVIF's container outweighs its savings.
    expect(offeredFormats(['avif', 'webp', 'png'], sizes({ avif: 436, webp: 292, png: 507 }))).toEqual(['webp', 'png']);
    expect(offeredFormats(['avif', 'webp', 'png'], sizes({ avif: 300, webp: 700, png: 500 }))).toEqual(['avif', 'png']);
    expect(offeredFormats(['avif', 'webp', 'png'], sizes({ avif: 900, webp: 800, png: 100 }))).toEqual(['png']);
  });

  it('flagged items get a safe atlas with their cell blurred', async () => {
    const a = await fixture('a.png', '#f00');
    const b = await fixture('b.png', '#fff');
    const result = await buildGallery(spec([source(a, 'a', ['content-warning']), source(b, 'b')]), paths());
    const sheet = result.manifest.sheets[0]!;
    expect(sheet.safeSrc).toMatch(/^\/generated\/images\/fixture\/[0-9a-f]{16}\.safe\.webp$/);
    expect(existsSync(join(dir, 'public', sheet.safeSrc!))).toBe(true);
  });

  it('names sheets after their bytes: two galleries with the same sheet share one file, and rebuilding one keeps the other\'s', async () => {
    const files = await Promise.all(['#f00', '#0f0', '#00f', '#ff0'].map((c, i) => fixture(`s${i}.png`, c)));
    const all = { ...spec(files.map((f, i) => source(f, `s${i}`))), collection: 'all', thumbnails: { ids: new Set<string>(), sizes: [], formats: ['png' as const] } };
    // 'part' holds the last two images: its one sheet is 'all''s second.
    const part = { ...all, collection: 'part', sources: all.sources.slice(2) };
    const a = await buildGallery(all, paths());
    const p = await buildGallery(part, paths());
    expect(p.manifest.sheets[0]!.src).toBe(a.manifest.sheets[1]!.src);
    expect(p.manifest.sheets[0]!.preview.src).toBe(a.manifest.sheets[1]!.preview.src);
    expect(a.manifest.sheets[0]!.src).not.toBe(a.manifest.sheets[1]!.src);
    const [name, hash] = /\/([0-9a-f]{16})\.webp$/.exec(p.manifest.sheets[0]!.src) ?? [];
    expect(name).toBeDefined();
    expect(sha256(readFileSync(join(dir, 'public', p.manifest.sheets[0]!.src))).slice(0, 16)).toBe(hash);
    // 'part' changes: its old sheet is still 'all''s, so it stays on disk.
    await fixture('s3.png', '#fff');
    const changed = await buildGallery({ ...part, sources: [source(files[2]!, 's2'), source(files[3]!, 's3')] }, paths());
    expect(changed.manifest.sheets[0]!.src).not.toBe(p.manifest.sheets[0]!.src);
    expect(existsSync(join(dir, 'public', a.manifest.sheets[1]!.src))).toBe(true);
    expect(existsSync(join(dir, 'public', changed.manifest.sheets[0]!.src))).toBe(true);
  });

  it('cuts full sheets larger than a tile into tiles of whole cells, the same pixels as the sheet', async () => {
    // 36 cells of 100 px, six to a row: 600 px sheets, tiles of 5 x 5 cells (500 px).
    const files = await Promise.all(Array.from({ length: 36 }, (_, i) => fixture(`t${i}.png`, i % 2 ? '#000' : '#fff')));
    const big: GallerySpec = { ...spec(files.map((f, i) => source(f, `t${i}`))), collection: 'tiled', cellWidth: 100, cellHeight: 100, channels: 1, perAtlas: 36, sheetFormat: 'png', sheetColours: 16, thumbnails: { ids: new Set(), sizes: [], formats: ['png'] } };
    const { manifest } = await buildGallery(big, paths());
    const sheet = manifest.sheets[0]!;
    expect([sheet.width, sheet.height]).toEqual([600, 600]);
    expect(sheet.tiles).toMatchObject({ cells: 5, columns: 2 });
    expect(sheet.tiles!.srcs).toHaveLength(4);
    const whole = await sharp(join(dir, 'public', sheet.src)).greyscale().raw().toBuffer({ resolveWithObject: true });
    // The bottom-right tile is the sheet's last 100 x 100 px: cell 35.
    const last = await sharp(join(dir, 'public', sheet.tiles!.srcs[3]!)).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect([last.info.width, last.info.height]).toEqual([100, 100]);
    for (const [x, y] of [[10, 10], [50, 50], [90, 20]] as const) expect(last.data[y * 100 + x]).toBe(whole.data[(500 + y) * 600 + 500 + x]);
    // Sheets of one tile have none: the sheet is the tile.
    expect(manifest.sheets.every((s) => s.width > 512 || s.height > 512 || !s.tiles)).toBe(true);
  });
});

describe('exclusion list and idx files', () => {
  it('reads hashes and comments; names the line of a bad entry', () => {
    const file = join(dir, 'exclude-sha256.txt');
    writeFileSync(file, `# comment\n${'a'.repeat(64)}  # why\n\n`);
    expect([...readExcludeList(file)]).toEqual(['a'.repeat(64)]);
    expect(readExcludeList(join(dir, 'missing.txt')).size).toBe(0);
    writeFileSync(file, `${'a'.repeat(64)}\nnot-a-hash\n`);
    try {
      readExcludeList(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AuthorError);
      expect((e as AuthorError).line).toBe(2);
    }
  });

  it('decodes idx images and labels and rejects truncated files', () => {
    const images = new Uint8Array(16 + 2 * 2 * 2);
    const v = new DataView(images.buffer);
    v.setUint32(0, 0x803);
    v.setUint32(4, 2);
    v.setUint32(8, 2);
    v.setUint32(12, 2);
    images.set([1, 2, 3, 4, 5, 6, 7, 8], 16);
    const decoded = decodeIdxImages(images);
    expect([decoded.count, decoded.rows, decoded.cols]).toEqual([2, 2, 2]);
    expect([...decoded.pixels]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(() => decodeIdxImages(images.subarray(0, 20), 'x.idx')).toThrow(/x.idx: truncated/);
    const labels = Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 2, 7, 3]);
    expect([...decodeIdxLabels(labels)]).toEqual([7, 3]);
    expect(() => decodeIdxLabels(images)).toThrow(/not an idx label file/);
  });
});
