// Photo-grade copies (GallerySpec.photos) on synthetic fixtures: a portrait
// 375x500 and a landscape 3000x2000 photo, both sharp-generated (gradients
// with noise, one with EXIF orientation and a copyright tag). Pins: the sizes
// written, aspect kept, never upscaled, square crops, metadata stripped, the
// flagged placeholder unrecognisable, and the content-hash cache on a warm run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { buildGallery, photoSizes, type GallerySpec, type ImageSource } from '../../../scripts/images/pipeline.ts';
import { sha256 } from '../../../scripts/lib/hash.ts';
import { galleryManifestSchema } from '../../../src/lib/images/gallery.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'photos-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A synthetic photo: a diagonal colour gradient with deterministic noise, saved as JPEG. */
async function photo(name: string, width: number, height: number, options: { orientation?: number } = {}): Promise<string> {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 11;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed >> 16) & 31;
      const i = (y * width + x) * 3;
      pixels[i] = Math.min(255, Math.round((255 * x) / width) + noise);
      pixels[i + 1] = Math.min(255, Math.round((255 * y) / height) + noise);
      pixels[i + 2] = 96 + noise;
    }
  }
  let image = sharp(pixels, { raw: { width, height, channels: 3 } }).withExif({ IFD0: { Copyright: 'secret-owner-string' } });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  const file = join(dir, name);
  writeFileSync(file, await image.jpeg({ quality: 85 }).toBuffer());
  return file;
}

function source(file: string, id: string, flagged = false): ImageSource {
  const bytes = readFileSync(file);
  return {
    file,
    item: { id, originalId: id, dataset: 'fixture', license: 'test', rightsHolder: 'test', file: { sha256: sha256(bytes), path: file, mime: 'image/jpeg', size: bytes.length }, flags: flagged ? ['content-warning'] : [], ...(flagged ? { flagReason: 'test flag' } : {}) },
    load: async () => ({ kind: 'encoded', data: readFileSync(file) }),
  };
}

const WIDTHS = [320, 640, 960, 1280, 1920];
const SQUARES = [160, 240, 320, 480];

function spec(sources: ImageSource[], ids: string[]): GallerySpec {
  return {
    dataset: 'fixture', collection: 'p', title: 'Fixture', attribution: 'synthetic test fixture', license: 'test',
    cellWidth: 16, cellHeight: 16, channels: 4, pixelated: false, perAtlas: 16, sheetFormat: 'webp',
    sources, exclude: new Set(),
    thumbnails: { ids: new Set(), sizes: [], formats: ['webp'] },
    photos: { ids: new Set(ids), widths: WIDTHS, squares: SQUARES, formats: ['avif', 'webp'] },
  };
}

const paths = () => ({ publicDir: join(dir, 'public'), manifestRoot: dir, cacheDir: join(dir, 'cache') });
const out = (name: string) => join(dir, 'public/generated/images/fixture/photos', name);
const size = async (name: string) => sharp(out(name)).metadata().then((m) => [m.width, m.height]);

describe('photo sizes', () => {
  it('keeps the sizes below the native side and adds the native side when any reached it', () => {
    expect(photoSizes(WIDTHS, 375)).toEqual([320, 375]);
    expect(photoSizes(WIDTHS, 3000)).toEqual(WIDTHS);
    expect(photoSizes(WIDTHS, 1920)).toEqual([320, 640, 960, 1280, 1920]);
    expect(photoSizes(WIDTHS, 200)).toEqual([200]); // smaller than every size asked: one copy, its own
    expect(photoSizes([640, 320, 640], 1000)).toEqual([320, 640]);
    expect(photoSizes([], 500)).toEqual([]);
  });
});

describe('photo-grade copies', () => {
  it('writes aspect-kept widths and square crops, never upscaled, without metadata; a warm run builds nothing', async () => {
    const portrait = await photo('portrait.jpg', 375, 500);
    const landscape = await photo('landscape.jpg', 3000, 2000);
    const other = await photo('other.jpg', 60, 40);
    const sources = () => [source(portrait, 'portrait'), source(landscape, 'landscape'), source(other, 'other')];
    const cold = await buildGallery(spec(sources(), ['portrait', 'landscape']), paths());
    expect(cold.failures).toEqual([]);
    const { photos } = galleryManifestSchema.parse(cold.manifest);
    expect(Object.keys(photos).sort()).toEqual(['landscape', 'portrait']); // only the items asked for

    expect(photos['portrait']).toMatchObject({ width: 375, height: 500, widths: [320, 375], squares: [160, 240, 320, 375], formats: ['avif', 'webp'], base: '/generated/images/fixture/photos/portrait' });
    expect(photos['portrait']!.placeholder).toMatch(/^data:image\/webp;base64,/);
    expect(await size('portrait-w375.webp')).toEqual([375, 500]);
    expect(await size('portrait-w320.avif')).toEqual([320, 427]);
    expect(await size('portrait-s375.avif')).toEqual([375, 375]);
    expect(await size('portrait-s160.webp')).toEqual([160, 160]);

    expect(photos['landscape']).toMatchObject({ width: 3000, height: 2000, widths: WIDTHS, squares: SQUARES });
    expect(await size('landscape-w1920.avif')).toEqual([1920, 1280]);
    expect(await size('landscape-w640.webp')).toEqual([640, 427]);
    expect(await size('landscape-s480.webp')).toEqual([480, 480]);

    const written = readdirSync(join(dir, 'public/generated/images/fixture/photos')).sort();
    expect(written).toHaveLength(2 * (2 + 4) + 2 * (5 + 4));
    expect(written.filter((f) => f.startsWith('portrait-w'))).toEqual(['portrait-w320.avif', 'portrait-w320.webp', 'portrait-w375.avif', 'portrait-w375.webp']);
    for (const f of written) {
      const bytes = readFileSync(out(f));
      expect(bytes.includes('secret-owner-string')).toBe(false);
      expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    }

    const mtimes = written.map((f) => statSync(out(f)).mtimeMs);
    const warm = await buildGallery(spec(sources(), ['portrait', 'landscape']), paths());
    expect(warm.cache.misses).toBe(0);
    expect(warm.cache.hits).toBe(cold.cache.misses);
    expect(warm.manifest.photos).toEqual(cold.manifest.photos);
    expect(written.map((f) => statSync(out(f)).mtimeMs)).toEqual(mtimes);

    // A request without the landscape photo: its files go, the portrait's stay.
    await buildGallery(spec(sources(), ['portrait']), paths());
    expect(readdirSync(join(dir, 'public/generated/images/fixture/photos')).some((f) => f.startsWith('landscape'))).toBe(false);
    expect(readdirSync(join(dir, 'public/generated/images/fixture/photos')).filter((f) => f.startsWith('portrait'))).toHaveLength(12);
  }, 120_000); // a 3000x2000 photo in 18 files: seconds on a shared machine

  it('turns a photo upright by its EXIF orientation before sizing it', async () => {
    const rotated = await photo('rotated.jpg', 500, 375, { orientation: 6 }); // stored landscape, shown portrait
    const { manifest } = await buildGallery(spec([source(rotated, 'r')], ['r']), paths());
    expect(manifest.photos['r']).toMatchObject({ width: 375, height: 500, widths: [320, 375] });
    expect(await size('r-w375.webp')).toEqual([375, 500]);
  }, 60_000);

  it('a flagged item gets a placeholder with no edges left in it', async () => {
    // A synthetic 4 x 4 black-and-white checkerboard, 375x500: all hard edges.
    const [w, h] = [375, 500];
    const pixels = Buffer.alloc(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) pixels[y * w + x] = (Math.floor((4 * x) / w) + Math.floor((4 * y) / h)) % 2 ? 255 : 0;
    const board = await sharp(pixels, { raw: { width: w, height: h, channels: 1 } }).png().toBuffer();
    writeFileSync(join(dir, 'plain.png'), board);
    writeFileSync(join(dir, 'flagged.png'), board); // same pixels, a second item
    const { manifest } = await buildGallery(spec([source(join(dir, 'plain.png'), 'plain'), source(join(dir, 'flagged.png'), 'flagged', true)], ['plain', 'flagged']), paths());
    /** The largest step between horizontal neighbours of a placeholder. */
    const edge = async (url: string) => {
      const { data, info } = await sharp(Buffer.from(url.split(',')[1]!, 'base64')).greyscale().raw().toBuffer({ resolveWithObject: true });
      let max = 0;
      for (let y = 0; y < info.height; y++) for (let x = 1; x < info.width; x++) max = Math.max(max, Math.abs(data[y * info.width + x]! - data[y * info.width + x - 1]!));
      return max;
    };
    expect(await edge(manifest.photos['plain']!.placeholder)).toBeGreaterThan(100);
    expect(await edge(manifest.photos['flagged']!.placeholder)).toBeLessThan(40);
  }, 60_000);
});
