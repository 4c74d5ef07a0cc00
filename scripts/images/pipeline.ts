// The image pipeline for one gallery (a dataset collection): validates items,
// drops excluded hashes, packs every image into sprite atlases (plus a "safe"
// atlas with flagged cells blurred), makes per-item thumbnails in several
// sizes and formats with tiny placeholders, and writes the typed manifest.
// Metadata is stripped (sharp never copies EXIF/ICC unless asked). Each atlas
// and thumbnail set is cached by the content hash of its inputs.
import sharp, { type Sharp } from 'sharp';
import { join } from 'node:path';
import { packAtlas } from '../../src/lib/images/atlas.ts';
import { isFlagged, parseDatasetItem, type DatasetItem, type DatasetItemInput } from '../../src/lib/images/dataset-item.ts';
import { manifestPath, type GalleryManifest, type GallerySheet, type Photo, type PhotoFormat, type Thumbnail } from '../../src/lib/images/gallery.ts';
import { AuthorError } from '../../src/lib/author-error.ts';
import { cacheKey, openCache, type ContentCache } from '../lib/content-cache.ts';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import { encodeSheet, shrinkSheet } from '../../src/lib/images/sheet-codec.ts';
import { tileCells, tileRects } from '../../src/lib/images/grid-tiles.ts';
import { copyCell } from '../../src/lib/images/grid-atlas.ts';
import { sha256 } from '../lib/hash.ts';

/** Bump when the pipeline's output changes for the same inputs. */
export const PIPELINE_VERSION = 7;

export type ImageInput =
  | { kind: 'encoded'; data: Uint8Array }
  | { kind: 'raw'; data: Uint8Array; width: number; height: number; channels: 1 | 3 | 4 };

export interface ImageSource {
  /** The item as the dataset loader built it (validated here). */
  item: DatasetItemInput;
  /** The file to blame when the image cannot be read. */
  file: string;
  load(): Promise<ImageInput>;
}

export interface GallerySpec {
  dataset: string;
  collection: string;
  title: string;
  attribution: string;
  license: string;
  cellWidth: number;
  cellHeight: number;
  /** 1 = greyscale atlases (PNG compresses them small), 4 = RGBA. */
  channels: 1 | 4;
  pixelated: boolean;
  perAtlas: number;
  sheetFormat: 'png' | 'webp';
  /** Quantise PNG atlases to this many colours (16 greys is invisible on MNIST digits and 3x smaller). */
  sheetColours?: number;
  /**
   * Also write an overview atlas with cells this many px a side (a whole
   * divisor of the cell size): what a grid of tens of thousands of tiny cells
   * draws from (mnist/all: 4 px, 365 KB for 70,000 digits instead of 1.03 MB
   * of 7 px previews).
   */
  overviewCell?: number;
  sources: ImageSource[];
  /** sha256 of files that must never be published. */
  exclude: ReadonlySet<string>;
  /** Items that get stand-alone thumbnails (pages showing them one by one). */
  thumbnails: { ids: ReadonlySet<string>; sizes: number[]; formats: ('avif' | 'webp' | 'png')[] };
  /**
   * Items that get photo-grade copies (see:set photo widgets): their own
   * aspect at `widths` and square crops of `squares` px, in every format
   * (the last one is the fallback). Never upscaled: see photoSizes.
   */
  photos?: { ids: ReadonlySet<string>; widths: number[]; squares: number[]; formats: PhotoFormat[] };
}

export interface BuildPaths {
  /** Folder served as / (public/). */
  publicDir: string;
  /** Root for manifests (normally the project root, so manifests go to src/generated/images). */
  manifestRoot: string;
  cacheDir: string;
}

export interface ImageFailure {
  file: string;
  reason: string;
}

export interface GalleryResult {
  manifest: GalleryManifest;
  failures: ImageFailure[];
  cache: { hits: number; misses: number };
}

const URL_ROOT = '/generated/images';

/** Runs `task` over `items` with at most `limit` in flight, keeping order of results. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim() || 'unreadable image';
}

/** Decodes any input into exactly w x h x channels raw bytes (contain-fit, transparent/black pad). */
async function toCell(input: ImageInput, w: number, h: number, channels: 1 | 4): Promise<Uint8Array> {
  if (input.kind === 'raw' && input.width === w && input.height === h && input.channels === channels) return input.data;
  const image =
    input.kind === 'raw'
      ? sharp(input.data, { raw: { width: input.width, height: input.height, channels: input.channels } })
      : sharp(input.data, { density: 288, failOn: 'error' });
  const resized = image.resize(w, h, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } });
  const out = channels === 1 ? resized.flatten({ background: '#000' }).toColourspace('b-w') : resized.ensureAlpha();
  const { data, info } = await out.raw().toBuffer({ resolveWithObject: true });
  if (info.width !== w || info.height !== h || info.channels !== channels) {
    throw new Error(`decoded to ${info.width}x${info.height}x${info.channels}, expected ${w}x${h}x${channels}`);
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function blit(sheet: Uint8Array, sheetWidth: number, cell: Uint8Array, x: number, y: number, w: number, h: number, channels: number): void {
  for (let row = 0; row < h; row++) {
    sheet.set(cell.subarray(row * w * channels, (row + 1) * w * channels), ((y + row) * sheetWidth + x) * channels);
  }
}

async function blurredCell(cell: Uint8Array, w: number, h: number, channels: 1 | 4): Promise<Uint8Array> {
  // Down to 3x3 and back up: nothing recognisable survives, colour does.
  const tiny = await sharp(cell, { raw: { width: w, height: h, channels } }).resize(3, 3, { fit: 'fill' }).raw().toBuffer();
  const back = await sharp(tiny, { raw: { width: 3, height: 3, channels } }).resize(w, h, { fit: 'fill', kernel: 'cubic' }).blur(Math.max(1, w / 8)).raw().toBuffer();
  return new Uint8Array(back.buffer, back.byteOffset, back.byteLength);
}

/** How much smaller overview cells of `size` px are than `cellWidth` x `cellHeight` cells; an error unless it divides both. */
export function overviewScaleOf(cellWidth: number, cellHeight: number, size: number): number {
  const s = cellWidth / size;
  if (!Number.isInteger(s) || s < 2 || cellHeight / s !== Math.round(cellHeight / s)) throw new RangeError(`overviewCell ${size} must divide the ${cellWidth}x${cellHeight} cell into a whole, smaller size`);
  return s;
}

/** How much smaller a preview atlas's cells are: 4 when the cell divides by 4 and stays at least 7 px, else 2, else 1. */
export function previewScale(cellWidth: number, cellHeight: number): number {
  for (const s of [4, 2]) if (cellWidth % s === 0 && cellHeight % s === 0 && Math.min(cellWidth, cellHeight) / s >= 7) return s;
  return 1;
}

interface SheetMeta {
  bytes: number;
  previewBytes: number;
  overviewBytes?: number;
  failures: ImageFailure[];
  /** Slots (positions inside the sheet) that hold an image. */
  filled: number[];
  /** The URL of every file written, by variant ('', '.safe', '.preview', ...; tiles as 'tiles' and 'tiles.safe'). */
  urls: Record<string, string | string[]>;
  tileCells: number;
  tileColumns: number;
}

/** Bump when sheet files change for the same inputs (2: content-addressed names and full-resolution tiles). */
const SHEET_VERSION = 2;

interface ThumbMeta {
  placeholder: string;
  sizes: number[];
  formats: ThumbFormat[];
}

type ThumbFormat = GallerySpec['thumbnails']['formats'][number];

/**
 * Which of the encoded formats a <picture> should offer, in order of
 * preference, the last being the fallback every browser reads. A browser takes
 * the first format it supports, so a format is offered only if its files are
 * smaller than those of every format after it: for a tiny image AVIF's
 * container costs more than it saves, and WebP is both smaller and as widely read.
 */
export function offeredFormats(formats: readonly ThumbFormat[], bytes: (format: ThumbFormat) => number): ThumbFormat[] {
  return formats.filter((format, i) => i === formats.length - 1 || formats.slice(i + 1).every((later) => bytes(format) < bytes(later)));
}

/**
 * The thumbnail sizes worth writing for an image `native` px on its longer side.
 * A pixelated image scaled up is only its own pixels repeated, which the
 * browser does for free (`image-rendering: pixelated`): sizes above its own
 * are replaced by the image at its own size (a 28 px MNIST digit is one 28 px
 * file, not 64, 128 and 256 px copies four to twenty times its bytes).
 * Anything else keeps every size asked for.
 */
export function thumbnailSizes(sizes: readonly number[], native: number, pixelated: boolean): number[] {
  if (!pixelated) return [...sizes];
  const below = sizes.filter((s) => s < native);
  return below.length < sizes.length ? [...below, native] : [...sizes];
}

async function buildSheet(spec: GallerySpec, paths: BuildPaths, cache: ContentCache, index: number, entries: { item: DatasetItem; source: ImageSource }[], columns: number, width: number, height: number): Promise<{ sheet: GallerySheet; meta: SheetMeta }> {
  const { cellWidth: w, cellHeight: h, channels, sheetFormat } = spec;
  const scale = previewScale(w, h);
  // Content-addressed: a file is named after the hash of its bytes, so identical
  // sheets of two galleries (mnist/test's one sheet is mnist/all's seventh) are
  // one file under one URL, written once and cached once by the browser.
  const dir = join(paths.publicDir, 'generated/images', spec.dataset);
  const anyFlagged = entries.some((e) => isFlagged(e.item));
  const overviewScale = spec.overviewCell ? overviewScaleOf(w, h, spec.overviewCell) : 0;
  const tc = tileCells(w, h);
  const key = cacheKey(PIPELINE_VERSION, SHEET_VERSION, w, h, channels, sheetFormat, spec.sheetColours ?? 0, columns, scale, tc, entries.map((e) => [e.item.file.sha256, isFlagged(e.item)]), ...(overviewScale ? [{ overviewScale }] : []));
  const unit = `${spec.collection}/sheet-${index}`;
  const sheetOf = (meta: SheetMeta): GallerySheet => {
    const url = (variant: string) => meta.urls[variant] as string;
    const tiles = meta.urls['tiles'] as string[];
    return {
      src: url(''),
      ...(anyFlagged ? { safeSrc: url('.safe') } : {}),
      width,
      height,
      columns,
      count: entries.length,
      bytes: meta.bytes,
      preview: { src: url('.preview'), ...(anyFlagged ? { safeSrc: url('.preview.safe') } : {}), width: width / scale, height: height / scale, bytes: meta.previewBytes },
      ...(overviewScale ? { overview: { src: url('.overview'), ...(anyFlagged ? { safeSrc: url('.overview.safe') } : {}), width: width / overviewScale, height: height / overviewScale, bytes: meta.overviewBytes ?? 0 } } : {}),
      ...(tiles.length > 1 ? { tiles: { cells: meta.tileCells, columns: meta.tileColumns, srcs: tiles, ...(anyFlagged ? { safeSrcs: meta.urls['tiles.safe'] as string[] } : {}) } } : {}),
    };
  };
  if (cache.fresh(unit, key)) {
    const meta = cache.meta<SheetMeta>(unit)!;
    return { sheet: sheetOf(meta), meta };
  }
  const raw = new Uint8Array(width * height * channels);
  const safe = anyFlagged ? new Uint8Array(raw.length) : undefined;
  const failures: ImageFailure[] = [];
  const filled: number[] = [];
  await pool(entries, 4, async ({ item, source }, k) => {
    const x = (k % columns) * w;
    const y = Math.floor(k / columns) * h;
    try {
      const cell = await toCell(await source.load(), w, h, channels);
      blit(raw, width, cell, x, y, w, h, channels);
      if (safe) blit(safe, width, isFlagged(item) ? await blurredCell(cell, w, h, channels) : cell, x, y, w, h, channels);
      filled.push(k);
    } catch (error) {
      failures.push({ file: source.file, reason: reasonOf(error) });
    }
  });
  filled.sort((a, b) => a - b);
  const outputs: string[] = [];
  const urls: Record<string, string | string[]> = {};
  /** Encodes pixels and writes them under the hash of their bytes; returns the URL and the byte count. */
  const put = async (suffix: string, pixels: Uint8Array, pw: number, ph: number): Promise<{ url: string; bytes: number }> => {
    const data = await encodeSheet(pixels, pw, ph, channels, sheetFormat, spec.sheetColours);
    const name = `${sha256(data).slice(0, 16)}${suffix}.${sheetFormat}`;
    const file = join(dir, name);
    if (!outputs.includes(file)) {
      writeFileAtomic(file, data);
      outputs.push(file);
    }
    return { url: `${URL_ROOT}/${spec.dataset}/${name}`, bytes: data.byteLength };
  };
  const write = async (suffix: string, pixels: Uint8Array, scaleBy: number): Promise<number> => {
    const { url, bytes } = await put(suffix, await shrinkSheet(pixels, width, height, channels, scaleBy), width / scaleBy, height / scaleBy);
    urls[suffix] = url;
    return bytes;
  };
  const bytes = await write('', raw, 1);
  // The preview atlas (cells `scale` times smaller): what a grid draws while
  // cells are small on screen, so an overview of 70,000 images costs ~1 MB, not 7.
  const previewBytes = await write('.preview', raw, scale);
  if (safe) {
    await write('.safe', safe, 1);
    await write('.preview.safe', safe, scale);
  }
  // The overview atlas (tiny cells) for grids of tens of thousands of items.
  const overviewBytes = overviewScale ? await write('.overview', raw, overviewScale) : undefined;
  if (overviewScale && safe) await write('.overview.safe', safe, overviewScale);
  // Full-resolution tiles (grid-tiles.ts): what a zoomed-in grid fetches instead of the whole sheet.
  const cut = tileRects({ width, height }, w, h, tc);
  for (const [variant, pixels] of [['tiles', raw], ...(safe ? [['tiles.safe', safe] as const] : [])] as const) {
    const list: string[] = [];
    for (const r of cut.rects) {
      const tile = { data: new Uint8Array(r.w * r.h * channels), width: r.w, height: r.h };
      copyCell({ data: pixels, width, height }, tile, channels, r.x, r.y, 0, 0, r.w, r.h);
      list.push((await put('', tile.data, r.w, r.h)).url);
    }
    urls[variant] = list;
  }
  const meta: SheetMeta = { bytes, previewBytes, ...(overviewBytes === undefined ? {} : { overviewBytes }), failures, filled, urls, tileCells: tc, tileColumns: cut.columns };
  cache.record(unit, key, outputs, meta);
  return { sheet: sheetOf(meta), meta };
}

async function buildThumbnails(spec: GallerySpec, paths: BuildPaths, cache: ContentCache, item: DatasetItem, source: ImageSource): Promise<Thumbnail> {
  const { formats } = spec.thumbnails;
  const base = `${URL_ROOT}/${spec.dataset}/thumbs/${item.id}`;
  const fileBase = join(paths.publicDir, 'generated/images', spec.dataset, 'thumbs', item.id);
  const key = cacheKey(PIPELINE_VERSION, item.file.sha256, spec.thumbnails.sizes, formats, spec.pixelated);
  const unit = `${spec.collection}/thumb-${item.id}`;
  if (cache.fresh(unit, key)) {
    const meta = cache.meta<ThumbMeta>(unit)!;
    return { sizes: meta.sizes, formats: meta.formats, base, placeholder: meta.placeholder };
  }
  const input = await source.load();
  const image = () =>
    input.kind === 'raw'
      ? sharp(input.data, { raw: { width: input.width, height: input.height, channels: input.channels } })
      : sharp(input.data, { density: 288, failOn: 'error' });
  const native = input.kind === 'raw' ? Math.max(input.width, input.height) : await image().metadata().then((m) => Math.max(m.width ?? 0, m.height ?? 0));
  const sizes = thumbnailSizes(spec.thumbnails.sizes, native, spec.pixelated);
  const encoded = new Map<string, Buffer[]>(formats.map((f) => [f, []]));
  for (const size of sizes) {
    const resized = await image()
      .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 }, kernel: spec.pixelated ? 'nearest' : 'lanczos3' })
      .png()
      .toBuffer();
    for (const format of formats) {
      const s = sharp(resized);
      encoded.get(format)!.push(await (format === 'avif' ? s.avif({ quality: 55, effort: 2 }) : format === 'webp' ? s.webp({ quality: 82 }) : s.png({ compressionLevel: 9 })).toBuffer());
    }
  }
  const kept = offeredFormats(formats, (format) => encoded.get(format)!.reduce((sum, data) => sum + data.length, 0));
  const outputs: string[] = [];
  for (const format of kept) {
    encoded.get(format)!.forEach((data, k) => {
      const out = `${fileBase}-${sizes[k]}.${format}`;
      writeFileAtomic(out, data);
      outputs.push(out);
    });
  }
  const tiny = await image().resize(12, 12, { fit: 'contain', background: { r: 255, g: 255, b: 255, alpha: 1 } }).flatten({ background: '#fff' }).blur(1.2).webp({ quality: 40 }).toBuffer();
  const placeholder = `data:image/webp;base64,${tiny.toString('base64')}`;
  cache.record(unit, key, outputs, { placeholder, sizes, formats: kept } satisfies ThumbMeta);
  return { sizes, formats: kept, base, placeholder };
}

/**
 * The sizes worth writing for a side of `native` px: those below it, plus
 * `native` itself when any asked for reached it. Never upscaled, and never
 * nothing when something was asked for: a 375 px wide photo asked for at
 * [320, 640, 960] gets 320 and 375, its full resolution.
 */
export function photoSizes(sizes: readonly number[], native: number): number[] {
  const asked = [...new Set(sizes)].sort((a, b) => a - b);
  const below = asked.filter((s) => s < native);
  return below.length < asked.length ? [...below, native] : below;
}

interface PhotoMeta {
  width: number;
  height: number;
  widths: number[];
  squares: number[];
  placeholder: string;
}

const PHOTO_ENCODERS: Record<PhotoFormat, (image: Sharp) => Sharp> = {
  // effort 2: the default (4) costs 3-4x the time for a few per cent of bytes.
  avif: (image) => image.avif({ quality: 50, effort: 2 }),
  webp: (image) => image.webp({ quality: 78 }),
  jpeg: (image) => image.flatten({ background: '#fff' }).jpeg({ quality: 80, mozjpeg: true }),
  png: (image) => image.png({ compressionLevel: 9 }),
};

/**
 * Photo-grade copies of one item: aspect-kept widths, square crops for grid
 * tiles and a tiny blurred placeholder. Decoded once and turned upright (EXIF
 * orientation), then every copy is made from the decoded pixels; metadata is
 * never copied. Squares are cut once at the largest side and scaled down, so
 * every size shows the same crop. The crop follows sharp's "attention"
 * strategy (the most salient region: a bird off-centre keeps its head, a
 * poster its figure) except for flagged items, cut at the centre: attention
 * favours skin tones, so it would zoom into what the warning is about.
 */
async function buildPhoto(spec: GallerySpec, paths: BuildPaths, cache: ContentCache, item: DatasetItem, source: ImageSource): Promise<Photo> {
  const request = spec.photos!;
  const base = `${URL_ROOT}/${spec.dataset}/photos/${item.id}`;
  const fileBase = join(paths.publicDir, 'generated/images', spec.dataset, 'photos', item.id);
  const flagged = isFlagged(item);
  const key = cacheKey(PIPELINE_VERSION, item.file.sha256, request.widths, request.squares, request.formats, flagged);
  const unit = `${spec.collection}/photo-${item.id}`;
  const photoOf = (meta: PhotoMeta): Photo => ({ ...meta, base, formats: [...request.formats] });
  if (cache.fresh(unit, key)) return photoOf(cache.meta<PhotoMeta>(unit)!);
  const input = await source.load();
  const opened =
    input.kind === 'raw'
      ? sharp(input.data, { raw: { width: input.width, height: input.height, channels: input.channels } })
      : sharp(input.data, { density: 288, failOn: 'error' });
  const upright = await opened.autoOrient().raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = upright.info;
  const pixels = (data: Buffer = upright.data, w = width, h = height) => sharp(data, { raw: { width: w, height: h, channels: channels as 1 | 2 | 3 | 4 } });
  const widths = photoSizes(request.widths.length ? request.widths : [width], width);
  const squares = photoSizes(request.squares, Math.min(width, height));
  const outputs: string[] = [];
  const write = async (image: Sharp, name: string) => {
    const resized = await image.raw().toBuffer({ resolveWithObject: true });
    for (const format of request.formats) {
      const out = `${fileBase}-${name}.${format}`;
      const encoder = sharp(resized.data, { raw: { width: resized.info.width, height: resized.info.height, channels: resized.info.channels as 1 | 2 | 3 | 4 } });
      writeFileAtomic(out, await PHOTO_ENCODERS[format](encoder).toBuffer());
      outputs.push(out);
    }
  };
  for (const w of widths) await write(w === width ? pixels() : pixels().resize(w, Math.max(1, Math.round((w * height) / width)), { fit: 'fill', kernel: 'lanczos3' }), `w${w}`);
  if (squares.length) {
    const side = squares[squares.length - 1]!;
    const square = await pixels().resize(side, side, { fit: 'cover', position: flagged ? 'centre' : 'attention' }).raw().toBuffer();
    for (const s of squares) await write(s === side ? pixels(square, side, side) : pixels(square, side, side).resize(s, s, { kernel: 'lanczos3' }), `s${s}`);
  }
  // A flagged item's placeholder is what the reader sees until they lift the
  // warning: 3x3 colour blocks blurred, nothing recognisable survives.
  const ph = { w: 16, h: Math.max(1, Math.round((16 * height) / width)) };
  const tiny = flagged
    ? pixels().resize(3, 3, { fit: 'fill' }).raw().toBuffer().then((d) => pixels(d, 3, 3).resize(ph.w, ph.h, { fit: 'fill', kernel: 'cubic' }).blur(2))
    : Promise.resolve(pixels().resize(ph.w, ph.h, { fit: 'fill' }).blur(0.8));
  const placeholderData = await (await tiny).flatten({ background: '#fff' }).webp({ quality: 40 }).toBuffer();
  const meta: PhotoMeta = { width, height, widths, squares, placeholder: `data:image/webp;base64,${placeholderData.toString('base64')}` };
  cache.record(unit, key, outputs, meta);
  return photoOf(meta);
}

/** Builds one gallery. Bad images are reported in `failures`; everything else still builds. */
export async function buildGallery(spec: GallerySpec, paths: BuildPaths): Promise<GalleryResult> {
  const cache = openCache(paths.cacheDir, `${spec.dataset}-${spec.collection}`);
  const failures: ImageFailure[] = [];
  const entries: { item: DatasetItem; source: ImageSource }[] = [];
  let excluded = 0;
  spec.sources.forEach((source, index) => {
    try {
      const item = parseDatasetItem(source.item, { file: source.file, index });
      if (spec.exclude.has(item.file.sha256)) excluded++;
      else entries.push({ item, source });
    } catch (error) {
      failures.push({ file: source.file, reason: error instanceof AuthorError ? error.message : reasonOf(error) });
    }
  });
  const layout = packAtlas(entries.length, { cellWidth: spec.cellWidth, cellHeight: spec.cellHeight, perAtlas: spec.perAtlas });
  const sheets: GallerySheet[] = [];
  const items: DatasetItem[] = [];
  const cells: number[] = [];
  for (const sheet of layout.sheets) {
    const start = sheet.index * layout.perAtlas;
    const chunk = entries.slice(start, start + sheet.count);
    const built = await buildSheet(spec, paths, cache, sheet.index, chunk, sheet.columns, sheet.width, sheet.height);
    sheets.push(built.sheet);
    failures.push(...built.meta.failures);
    for (const k of built.meta.filled) {
      items.push(chunk[k]!.item);
      cells.push(start + k);
    }
  }
  const thumbnails: Record<string, Thumbnail> = {};
  const wanted = entries.filter((e) => spec.thumbnails.ids.has(e.item.id) && items.includes(e.item));
  const thumbs = await pool(wanted, 2, async (e) => {
    try {
      return await buildThumbnails(spec, paths, cache, e.item, e.source);
    } catch (error) {
      failures.push({ file: e.source.file, reason: reasonOf(error) });
      return undefined;
    }
  });
  wanted.forEach((e, i) => {
    if (thumbs[i]) thumbnails[e.item.id] = thumbs[i];
  });
  const photos: Record<string, Photo> = {};
  if (spec.photos) {
    const asked = spec.photos.ids;
    const built = entries.filter((e) => asked.has(e.item.id) && items.includes(e.item));
    const results = await pool(built, 2, async (e) => {
      try {
        return await buildPhoto(spec, paths, cache, e.item, e.source);
      } catch (error) {
        failures.push({ file: e.source.file, reason: reasonOf(error) });
        return undefined;
      }
    });
    built.forEach((e, i) => {
      if (results[i]) photos[e.item.id] = results[i];
    });
  }
  // Items were validated one by one above; the loader validates the whole file again.
  const manifest: GalleryManifest = {
    dataset: spec.dataset,
    collection: spec.collection,
    title: spec.title,
    attribution: spec.attribution,
    license: spec.license,
    cellWidth: spec.cellWidth,
    cellHeight: spec.cellHeight,
    previewCellWidth: spec.cellWidth / previewScale(spec.cellWidth, spec.cellHeight),
    previewCellHeight: spec.cellHeight / previewScale(spec.cellWidth, spec.cellHeight),
    pixelated: spec.pixelated,
    opaque: spec.channels === 1,
    ...(spec.sheetColours ? { sheetColours: spec.sheetColours } : {}),
    ...(spec.overviewCell ? { overviewCellWidth: spec.cellWidth / overviewScaleOf(spec.cellWidth, spec.cellHeight, spec.overviewCell), overviewCellHeight: spec.cellHeight / overviewScaleOf(spec.cellWidth, spec.cellHeight, spec.overviewCell) } : {}),
    sheets,
    perAtlas: layout.perAtlas,
    items,
    cells,
    thumbnails,
    photos,
    total: spec.sources.length,
    excluded,
  };
  writeFileAtomic(join(paths.manifestRoot, manifestPath(spec.dataset, spec.collection)), JSON.stringify(manifest));
  cache.save();
  return { manifest, failures, cache: { hits: cache.hits, misses: cache.misses } };
}
