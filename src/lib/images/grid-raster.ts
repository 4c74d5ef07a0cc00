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
  /** Atlas cell of an item. */
  cellOf(item: number): number;
  /** Items drawn faded (not highlighted). */
  faded?: ((item: number) => boolean) | undefined;
}

export interface RasterView {
  /** Scroll offset in CSS px. */
  top: number;
  /** Device pixels per CSS pixel of the target. */
  scale: number;
}

/** Calls `visit` for every slot whose cell intersects [y0, y1) (CSS px), in slot order, with its top-left corner. */
export function forEachVisible(layout: GridLayout, y0: number, y1: number, visit: (slot: number, x: number, y: number) => void): void {
  const pitch = layout.cell + layout.gap;
  for (const g of layout.groups) {
    const firstRow = Math.max(0, Math.floor((y0 - g.top) / pitch));
    const lastRow = Math.min(g.rows - 1, Math.ceil((y1 - g.top) / pitch) - 1);
    for (let row = firstRow; row <= lastRow; row++) {
      const y = g.top + row * pitch;
      for (let col = 0, k = row * layout.columns; col < layout.columns && k < g.count; col++, k++) visit(g.first + k, col * pitch, y);
    }
  }
}

const FADE = 0.78;
/** Channel value after a white wash of FADE opacity. */
const FADED_CHANNEL = Uint8Array.from({ length: 256 }, (_, v) => Math.round(v + (255 - v) * FADE));
const FADED_ALPHA = Math.round(255 * FADE);

function fade(v: number): number {
  const r = FADED_CHANNEL[v & 255]!;
  const g = FADED_CHANNEL[(v >>> 8) & 255]!;
  const b = FADED_CHANNEL[(v >>> 16) & 255]!;
  const a = Math.max(v >>> 24, FADED_ALPHA);
  return (r | (g << 8) | (b << 16) | (a << 24)) >>> 0;
}

/** Nearest-neighbour lookup tables: for n output pixels, the source offset of each (cached per (n, size)). */
const luts = new Map<number, Int32Array>();
function lut(n: number, size: number): Int32Array {
  const key = n * 4096 + size;
  let t = luts.get(key);
  if (!t) {
    t = new Int32Array(n);
    for (let i = 0; i < n; i++) t[i] = Math.min(size - 1, Math.floor(((i + 0.5) * size) / n));
    luts.set(key, t);
  }
  return t;
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
  let drawn = 0;
  forEachVisible(layout, y0, y1, (slot, x, y) => {
    const item = layout.order[slot]!;
    const c = source.cellOf(item);
    const sheetIndex = Math.floor(c / source.perAtlas);
    const pixels = source.sheets[sheetIndex];
    if (!pixels) return;
    const k = c % source.perAtlas;
    const cols = source.columns[sheetIndex]!;
    const sx0 = (k % cols) * source.cellWidth;
    const sy0 = Math.floor(k / cols) * source.cellHeight;
    const dx0 = Math.round(x * s);
    const dw = Math.round((x + layout.cell) * s) - dx0;
    const dx1 = Math.min(W, dx0 + dw);
    const dy0 = Math.round((y - y0) * s);
    const dh = Math.round((y - y0 + layout.cell) * s) - dy0;
    if (dw <= 0 || dh <= 0 || dx0 >= W) return;
    const lx = lut(dw, source.cellWidth);
    const ly = lut(dh, source.cellHeight);
    const faded = source.faded?.(item) ?? false;
    const src = pixels.data;
    const sw = pixels.width;
    for (let py = Math.max(0, dy0), end = Math.min(H, dy0 + dh); py < end; py++) {
      const srow = (sy0 + ly[py - dy0]!) * sw + sx0;
      const orow = py * W;
      if (faded) for (let px = dx0; px < dx1; px++) out[orow + px] = fade(src[srow + lx[px - dx0]!]!);
      else for (let px = dx0; px < dx1; px++) out[orow + px] = src[srow + lx[px - dx0]!]!;
    }
    drawn++;
  });
  return drawn;
}
