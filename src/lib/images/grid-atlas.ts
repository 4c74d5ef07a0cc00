// Per-grid atlases: a grid that shows a sample or a filtered part of a
// gallery gets sheets holding exactly its own cells, so a 500-digit sample
// fetches ~50 KB instead of the 10,000-digit sheet it was drawn from. Built
// at render time from the gallery's sheets (cells copied, never resampled:
// each variant - full, safe, preview, preview safe - from the same variant of
// the source), registered as content-hashed build files: identical sheets
// (the same sample on an essay, its slides and its embed) are one URL.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { packAtlas } from './atlas.ts';
import { cellOf, type GalleryManifest, type GallerySheet } from './gallery.ts';
import { isFlagged } from './dataset-item.ts';
import { decodeSheet, encodeSheet, type SheetFormat } from './sheet-codec.ts';
import { registerBuildFile } from '../build-files.ts';
import type { GridPayload } from './grid-view.ts';

/** Where a grid's items are drawn from: its sheets and the cell of each item. */
export interface GridPlacement {
  sheets: GridPayload['sheets'];
  perAtlas: number;
  /** The cell of each shown item, in the order of the payload's items. */
  cells: number[];
}

/** Sheet bytes beyond what a grid shows, above which it gets sheets of its own: never more than twice its cells. */
export function wantsOwnAtlas(m: Pick<GalleryManifest, 'items' | 'cells' | 'perAtlas' | 'sheets'>, chosen: readonly number[]): boolean {
  if (chosen.length === 0 || chosen.length >= m.items.length) return false;
  const used = new Set(chosen.map((i) => Math.floor(m.cells[i]! / m.perAtlas)));
  const cellsFetched = [...used].reduce((sum, k) => sum + (m.sheets[k]?.count ?? 0), 0);
  return cellsFetched > 2 * chosen.length;
}

/** Raw pixels of one sheet. */
export interface RawSheet {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Copies a `w` x `h` block of pixels from (sx, sy) in `from` to (dx, dy) in
 * `to` (both with `channels` bytes a pixel). Pure: the heart of repacking.
 */
export function copyCell(from: RawSheet, to: RawSheet, channels: number, sx: number, sy: number, dx: number, dy: number, w: number, h: number): void {
  if (sx + w > from.width || sy + h > from.height) throw new RangeError(`cell at ${sx},${sy} (${w}x${h}) lies outside its ${from.width}x${from.height} source sheet`);
  if (dx + w > to.width || dy + h > to.height) throw new RangeError(`cell at ${dx},${dy} (${w}x${h}) lies outside its ${to.width}x${to.height} target sheet`);
  for (let row = 0; row < h; row++) {
    const start = ((sy + row) * from.width + sx) * channels;
    to.data.set(from.data.subarray(start, start + w * channels), ((dy + row) * to.width + dx) * channels);
  }
}

type Variant = 'full' | 'safe' | 'preview' | 'previewSafe';
const SUFFIX: Record<Variant, string> = { full: '', safe: '-safe', preview: '-preview', previewSafe: '-preview-safe' };

function sourceUrl(s: GallerySheet, v: Variant): string {
  if (v === 'full') return s.src;
  if (v === 'safe') return s.safeSrc ?? s.src;
  return v === 'preview' ? s.preview.src : (s.preview.safeSrc ?? s.preview.src);
}

/**
 * Packs the cells of `chosen` (manifest item indexes) into new sheets, every
 * variant of them, as pure pixel work over already decoded source sheets.
 * `source(k, variant)` returns source sheet k's pixels in that variant.
 */
export function repack(m: Pick<GalleryManifest, 'cells' | 'perAtlas' | 'sheets' | 'cellWidth' | 'cellHeight' | 'previewCellWidth' | 'previewCellHeight' | 'opaque'>, chosen: readonly number[], variants: readonly Variant[], source: (sheet: number, variant: Variant) => RawSheet): { layout: ReturnType<typeof packAtlas>; pixels: Map<Variant, RawSheet[]> } {
  const channels = m.opaque ? 1 : 4;
  const layout = packAtlas(chosen.length, { cellWidth: m.cellWidth, cellHeight: m.cellHeight, perAtlas: m.perAtlas });
  const scale = m.cellWidth / m.previewCellWidth;
  const pixels = new Map<Variant, RawSheet[]>();
  for (const v of variants) {
    const f = v === 'preview' || v === 'previewSafe' ? scale : 1;
    const sheets = layout.sheets.map((s) => ({ data: new Uint8Array((s.width / f) * (s.height / f) * channels), width: s.width / f, height: s.height / f }));
    chosen.forEach((item, k) => {
      const at = cellOf(m, m.cells[item]!);
      const to = layout.cells[k]!;
      copyCell(source(at.sheet, v), sheets[to.atlas]!, channels, at.x / f, at.y / f, to.x / f, to.y / f, m.cellWidth / f, m.cellHeight / f);
    });
    pixels.set(v, sheets);
  }
  return { layout, pixels };
}

const decoded = new Map<string, Promise<RawSheet>>();
const placements = new Map<string, Promise<GridPlacement>>();

function decodeOnce(url: string, channels: 1 | 4): Promise<RawSheet> {
  let hit = decoded.get(url);
  if (!hit) {
    const file = join(process.cwd(), 'public', url);
    if (!existsSync(file)) throw new Error(`atlas sheet ${file} is missing: run \`npm run images\` (build and dev run it first)`);
    decoded.set(url, (hit = decodeSheet(file, channels)));
  }
  return hit;
}

/**
 * The sheets of a grid showing `chosen` (manifest item indexes, in the order
 * the payload lists them): packed for it alone, registered as build files
 * named after `name`. Memoised per process: a figure rendered on several
 * pages is packed once.
 */
export function gridAtlas(m: GalleryManifest, chosen: readonly number[], name: string): Promise<GridPlacement> {
  const key = createHash('sha256').update(`${m.dataset}/${m.collection}:${name}:${chosen.join(',')}`).digest('hex');
  let hit = placements.get(key);
  if (!hit) placements.set(key, (hit = packGridAtlas(m, chosen, name)));
  return hit;
}

async function packGridAtlas(m: GalleryManifest, chosen: readonly number[], name: string): Promise<GridPlacement> {
  const channels = m.opaque ? 1 : 4;
  const format = (m.sheets[0]?.src.endsWith('.png') ? 'png' : 'webp') satisfies SheetFormat;
  const flagged = chosen.some((i) => isFlagged(m.items[i]!));
  const variants: Variant[] = flagged ? ['full', 'safe', 'preview', 'previewSafe'] : ['full', 'preview'];
  const needed = [...new Set(chosen.map((i) => Math.floor(m.cells[i]! / m.perAtlas)))];
  const raw = new Map<string, RawSheet>();
  for (const k of needed) for (const v of variants) {
    const url = sourceUrl(m.sheets[k]!, v);
    raw.set(`${k}:${v}`, await decodeOnce(url, channels));
  }
  const { layout, pixels } = repack(m, chosen, variants, (k, v) => raw.get(`${k}:${v}`)!);
  const urls = new Map<Variant, string[]>();
  for (const [v, sheets] of pixels) {
    const list: string[] = [];
    for (const [k, s] of sheets.entries()) {
      const bytes = await encodeSheet(s.data, s.width, s.height, channels, format, m.sheetColours);
      list.push(registerBuildFile('generated/grids', format, new Uint8Array(bytes), `${name}-${k}${SUFFIX[v]}`));
    }
    urls.set(v, list);
  }
  const scale = m.cellWidth / m.previewCellWidth;
  return {
    perAtlas: layout.perAtlas,
    cells: chosen.map((_, k) => k),
    sheets: layout.sheets.map((s, k) => ({
      src: urls.get('full')![k]!,
      safeSrc: urls.get('safe')?.[k],
      width: s.width,
      height: s.height,
      columns: s.columns,
      used: true,
      preview: { src: urls.get('preview')![k]!, safeSrc: urls.get('previewSafe')?.[k], width: s.width / scale, height: s.height / scale },
    })),
  };
}
