// An image grid on paper: each scrolly step's view (group, sort, filter)
// drawn at build time into one PNG, with the same layout and rasteriser as the
// canvas island, so the print handout shows every step's arrangement without
// JavaScript. Group headers are returned as positions, for text drawn over the
// image (real text: sharp on paper, readable by screen readers).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { buildFileRegistry, registerBuildFile } from '../build-files.ts';
import { decodeInts } from './grid-columns.ts';
import { layoutGrid } from './grid-layout.ts';
import { rasterize, type SheetPixels } from './grid-raster.ts';
import { describeView, viewGroups, type GridPayload, type GridView } from './grid-view.ts';
import { encodeSheet } from './sheet-codec.ts';

/** Width of a printed grid image in pixels (about 200 dpi across a 15 cm column). */
export const PRINT_WIDTH = 1200;
/** The tallest a printed grid may be, as a multiple of its width (it must fit a page with its caption). */
export const PRINT_MAX_ASPECT = 0.9;
/** Height of a group's header band, in image pixels. */
export const PRINT_HEADER = 44;

export interface PrintedGridStep {
  src: string;
  width: number;
  height: number;
  /** The view's summary sentence, as the island says it ("Showing 7,293 digits where digit is 7 sorted by ink."). */
  summary: string;
  /** Group headers: text and the top of their band, in image pixels. */
  headers: { text: string; y: number }[];
}

/** The view shown at step k: the last non-null step view at or before k, else the grid's own view (as the island applies them). */
export function viewAtStep(view: GridView, steps: readonly (GridView | null)[], k: number): GridView {
  for (let i = Math.min(k, steps.length - 1); i >= 0; i--) if (steps[i]) return steps[i]!;
  return view;
}

/** The largest whole cell size (pixels) at which `count` cells and `groups` headers fit width x maxHeight. */
export function printCell(count: number, groups: number, width: number, maxHeight: number, largest: number): number {
  for (let cell = largest; cell > 1; cell--) {
    const gap = cell >= 12 ? 2 : 0;
    const columns = Math.floor((width + gap) / (cell + gap));
    const rows = Math.ceil(count / columns) + groups; // a partial last row per group at worst
    const headers = groups > 1 ? groups * (PRINT_HEADER + gap * 2) : 0;
    if (rows * (cell + gap) + headers <= maxHeight) return cell;
  }
  return 1;
}

const sheetCache = new Map<string, Promise<SheetPixels>>();

/** RGBA pixels of a sheet URL: a file the build registered, or one under public/. */
function sheetPixels(url: string): Promise<SheetPixels> {
  let hit = sheetCache.get(url);
  if (!hit) {
    const registered = buildFileRegistry().get(url.replace(/^\//, ''));
    const file = join(process.cwd(), 'public', url);
    if (!registered && !existsSync(file)) throw new Error(`atlas sheet ${url} is missing: run \`npm run images\` (build and dev run it first)`);
    const input = registered ? Buffer.from(registered) : readFileSync(file);
    hit = sharp(input)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
      .then(({ data, info }) => ({ data: new Uint32Array(data.buffer, data.byteOffset, data.byteLength / 4), width: info.width }));
    sheetCache.set(url, hit);
  }
  return hit;
}

/**
 * Draws every step's view of a grid payload to a PNG registered as a build
 * file (named after `name`). Flagged images are drawn from their blurred
 * sheets. `opaque` galleries (greys on black, like MNIST) are written as
 * greyscale PNGs of `colours` greys on white paper.
 */
export async function printGridSteps(
  payload: GridPayload,
  views: readonly GridView[],
  name: string,
  { opaque, colours }: { opaque: boolean; colours?: number | undefined },
): Promise<PrintedGridStep[]> {
  const cells = Int32Array.from(decodeInts(payload.cells));
  const used = payload.sheets.map((s) => s.used);
  const sheets = await Promise.all(payload.sheets.map((s, k) => (used[k] ? sheetPixels(s.preview.safeSrc ?? s.preview.src) : undefined)));
  const source = {
    sheets,
    columns: payload.sheets.map((s) => s.columns),
    perAtlas: payload.perAtlas,
    cellWidth: payload.previewCellWidth,
    cellHeight: payload.previewCellHeight,
    cells,
  };
  const out: PrintedGridStep[] = [];
  for (const view of views) {
    const groups = viewGroups(payload, view);
    const count = groups.reduce((s, g) => s + g.members.length, 0);
    // Up to twice the preview cell: larger would only repeat its pixels.
    const cell = printCell(count, groups.length, PRINT_WIDTH, PRINT_WIDTH * PRINT_MAX_ASPECT, payload.previewCellWidth * 2);
    const layout = layoutGrid(groups, { width: PRINT_WIDTH, cell, gap: cell >= 12 ? 2 : 0, header: groups.length > 1 ? PRINT_HEADER : 0 });
    const width = layout.width;
    const height = Math.max(1, layout.height);
    const target = { data: new Uint32Array(width * height), width, height };
    rasterize(target, layout, source, { top: 0, scale: 1 });
    const bytes = opaque
      ? await encodeSheet(greysOnWhite(target.data), width, height, 1, 'png', colours)
      : await encodeSheet(new Uint8Array(target.data.buffer), width, height, 4, 'png', undefined);
    out.push({
      src: registerBuildFile('generated/grids', 'png', new Uint8Array(bytes), `${name}-print`),
      width,
      height,
      summary: describeView(payload, view, count),
      headers: layout.groups.filter((g) => g.label).map((g) => ({ text: `${g.label} (${g.count.toLocaleString('en-US')})`, y: g.headerY })),
    });
  }
  return out;
}

/** One grey per pixel (the red channel of opaque greys); empty pixels (between groups, after a last row) are paper white. */
function greysOnWhite(rgba: Uint32Array): Uint8Array {
  const grey = new Uint8Array(rgba.length);
  for (let i = 0; i < rgba.length; i++) grey[i] = rgba[i]! >>> 24 ? rgba[i]! & 255 : 255;
  return grey;
}
