// Software rasteriser for image grids: copies every visible cell from the
// decoded preview atlases straight into one RGBA pixel buffer. The cost of a
// frame is bounded by the pixels on screen, not by the number of items, so
// 70,000 two-pixel digits cost the same as 500 large ones (10,000 drawImage
// calls would take tens of milliseconds). Pure and DOM-free, so it is unit
// tested on synthetic buffers.
import type { GridLayout } from './grid-layout.ts';

/** A decoded atlas sheet: RGBA pixels packed as one little-endian uint32 each. */
export interface SheetPixels {
  data: Uint32Array;
  width: number;
}

export interface RasterTarget {
  /** RGBA pixels of the canvas (the Uint32 view of an ImageData). */
  data: Uint32Array;
  width: number;
  height: number;
}

export interface RasterSource {
  /** Decoded preview sheets (undefined while loading: those cells stay empty). */
  sheets: readonly (SheetPixels | undefined)[];
  /** Columns of each sheet (cells per row). */
  columns: readonly number[];
  perAtlas: number;
  /** Cell size in the preview sheets. */
  cellWidth: number;
  cellHeight: number;
  /** Atlas cell of each item. */
  cells: ArrayLike<number>;
  /** Items drawn faded (not highlighted). */
  faded?: ((item: number) => boolean) | undefined;
}

export interface RasterView {
  /** Scroll offset in CSS px. */
  top: number;
  /** Device pixels per CSS pixel of the target. */
  scale: number;
}

/** Calls `visit` for every row of cells that intersects [y0, y1) (CSS px): its group, row index in the group and top. */
export function forEachVisibleRow(layout: GridLayout, y0: number, y1: number, visit: (group: GridLayout['groups'][number], row: number, y: number) => void): void {
  const pitch = layout.cell + layout.gap;
  for (const g of layout.groups) {
    const firstRow = Math.max(0, Math.floor((y0 - g.top) / pitch));
    const lastRow = Math.min(g.rows - 1, Math.ceil((y1 - g.top) / pitch) - 1);
    for (let row = firstRow; row <= lastRow; row++) visit(g, row, g.top + row * pitch);
  }
}

/** Calls `visit` for every slot whose cell intersects [y0, y1) (CSS px), in slot order, with its top-left corner. */
export function forEachVisible(layout: GridLayout, y0: number, y1: number, visit: (slot: number, x: number, y: number) => void): void {
  const pitch = layout.cell + layout.gap;
  forEachVisibleRow(layout, y0, y1, (g, row, y) => {
    for (let col = 0, k = row * layout.columns; col < layout.columns && k < g.count; col++, k++) visit(g.first + k, col * pitch, y);
  });
}

const FADE = 0.78;
/** Channel value after a white wash of FADE opacity. */
const FADED_CHANNEL = Uint8Array.from({ length: 256 }, (_, v) => Math.round(v + (255 - v) * FADE));
const FADED_ALPHA = Math.round(255 * FADE);

/** A pixel under the highlight's white wash (items not highlighted). */
export function fade(v: number): number {
  const r = FADED_CHANNEL[v & 255]!;
  const g = FADED_CHANNEL[(v >>> 8) & 255]!;
  const b = FADED_CHANNEL[(v >>> 16) & 255]!;
  const a = Math.max(v >>> 24, FADED_ALPHA);
  return (r | (g << 8) | (b << 16) | (a << 24)) >>> 0;
}

/** Nearest-neighbour lookup table: for n output pixels, the source offset (0..size-1) of each. */
function lut(n: number, size: number): Int32Array {
  const t = new Int32Array(n);
  for (let i = 0; i < n; i++) t[i] = Math.min(size - 1, Math.floor(((i + 0.5) * size) / n));
  return t;
}

/**
 * Finds item's cell in the source sheets: writes its top-left pixel (x, y)
 * into `origin` and returns the sheet's pixels, or undefined while that sheet
 * is loading. Shared by the still and the moving rasteriser.
 */
export function locateCell(source: RasterSource, item: number, origin: Int32Array): SheetPixels | undefined {
  const c = source.cells[item]!;
  const sheetIndex = (c / source.perAtlas) | 0;
  const pixels = source.sheets[sheetIndex];
  if (!pixels) return undefined;
  const cell = c - sheetIndex * source.perAtlas;
  const perRow = source.columns[sheetIndex]!;
  const cellRow = (cell / perRow) | 0;
  origin[0] = (cell - cellRow * perRow) * source.cellWidth;
  origin[1] = cellRow * source.cellHeight;
  return pixels;
}

/** Lookup tables by output size: cells differ by at most a pixel after rounding, so a frame needs two or three. */
function lutsFor(size: number): (n: number) => Int32Array {
  const tables: Int32Array[] = [];
  return (n) => (tables[n] ??= lut(n, size));
}

/**
 * Clears the target and draws the cells of `layout` visible at `view` from the
 * preview sheets. Returns the number of cells drawn.
 */
export function rasterize(target: RasterTarget, layout: GridLayout, source: RasterSource, view: RasterView): number {
  const { data: out, width: W, height: H } = target;
  out.fill(0);
  const s = view.scale;
  const y0 = view.top;
  const y1 = view.top + H / s;
  const { cellWidth, cellHeight } = source;
  const fadedOf = source.faded;
  const lutX = lutsFor(cellWidth);
  const lutY = lutsFor(cellHeight);
  const pitch = layout.cell + layout.gap;
  // Every row has the same columns: their device x, width and lookup table are computed once a frame.
  const cols = layout.columns;
  const colX0 = new Int32Array(cols);
  const colX1 = new Int32Array(cols);
  const colLut: Int32Array[] = [];
  for (let col = 0; col < cols; col++) {
    const x0 = Math.round(col * pitch * s);
    const x1 = Math.round((col * pitch + layout.cell) * s);
    colX0[col] = x0;
    colX1[col] = Math.min(W, x1);
    colLut.push(lutX(Math.max(1, x1 - x0)));
  }
  const order = layout.order;
  const origin = new Int32Array(2);
  let drawn = 0;
  forEachVisibleRow(layout, y0, y1, (g, row, y) => {
    const dy0 = Math.round((y - y0) * s);
    const dh = Math.round((y - y0 + layout.cell) * s) - dy0;
    if (dh <= 0) return;
    const ly = lutY(dh);
    const pyStart = Math.max(0, dy0);
    const pyEnd = Math.min(H, dy0 + dh);
    for (let col = 0, k = row * cols; col < cols && k < g.count; col++, k++) {
      const dx0 = colX0[col]!;
      const dx1 = colX1[col]!;
      if (dx1 <= dx0) continue;
      const item = order[g.first + k]!;
      const pixels = locateCell(source, item, origin);
      if (!pixels) continue;
      const sx0 = origin[0]!;
      const sy0 = origin[1]!;
      const lx = colLut[col]!;
      const src = pixels.data;
      const sw = pixels.width;
      const faded = fadedOf !== undefined && fadedOf(item);
      for (let py = pyStart; py < pyEnd; py++) {
        const srow = (sy0 + ly[py - dy0]!) * sw + sx0;
        const o = py * W + dx0;
        const n = dx1 - dx0;
        if (faded) for (let j = 0; j < n; j++) out[o + j] = fade(src[srow + lx[j]!]!);
        else for (let j = 0; j < n; j++) out[o + j] = src[srow + lx[j]!]!;
      }
      drawn++;
    }
  });
  return drawn;
}
