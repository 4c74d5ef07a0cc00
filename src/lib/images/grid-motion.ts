// Motion between two layouts of an image grid (regroup, sort, filter): every
// cell travels from its old place to its new one; cells that leave shrink
// away, cells that arrive grow in. Drawn by the same kind of pixel copy as
// grid-raster.ts, one block per cell at its in-between place and size, so a
// frame of 70,000 two-pixel cells is a few million array writes, no DOM and
// no drawImage calls. Pure and DOM-free (unit tested on synthetic sheets).
import type { GridLayout } from './grid-layout.ts';
import { fade, locateCell, type RasterSource, type RasterTarget } from './grid-raster.ts';

/** How long a timed move lasts (ms). */
export const MOTION_MS = 400;

/**
 * Top-left corner of every item's cell in a layout, by item index:
 * [x0, y0, x1, y1, ...] in CSS px, NaN for an item the layout does not show.
 */
export function itemPositions(layout: GridLayout, itemCount: number): Float32Array {
  const out = new Float32Array(itemCount * 2).fill(Number.NaN);
  const pitch = layout.cell + layout.gap;
  for (const g of layout.groups) {
    for (let k = 0; k < g.count; k++) {
      const item = layout.order[g.first + k]!;
      out[item * 2] = (k % layout.columns) * pitch;
      out[item * 2 + 1] = g.top + Math.floor(k / layout.columns) * pitch;
    }
  }
  return out;
}

export interface MotionFrame {
  from: Float32Array;
  to: Float32Array;
  fromCell: number;
  toCell: number;
  /** Progress 0..1 (already eased). */
  t: number;
  /** Scroll offset in CSS px, and device px per CSS px. */
  top: number;
  scale: number;
}

/** Where an item is drawn at progress t (CSS px), or undefined when it is not drawn. */
export function cellAt(f: Pick<MotionFrame, 'from' | 'to' | 'fromCell' | 'toCell' | 't'>, item: number): { x: number; y: number; size: number } | undefined {
  const ax = f.from[item * 2]!;
  const ay = f.from[item * 2 + 1]!;
  const bx = f.to[item * 2]!;
  const by = f.to[item * 2 + 1]!;
  const inA = !Number.isNaN(ax);
  const inB = !Number.isNaN(bx);
  if (inA && inB) {
    return { x: ax + (bx - ax) * f.t, y: ay + (by - ay) * f.t, size: f.fromCell + (f.toCell - f.fromCell) * f.t };
  }
  // Leaving: shrinks about its centre; arriving: grows about its centre.
  const [x, y, cell, k] = inA ? [ax, ay, f.fromCell, 1 - f.t] : inB ? [bx, by, f.toCell, f.t] : [0, 0, 0, 0];
  const size = cell * k;
  if (size <= 0) return undefined;
  return { x: x + (cell - size) / 2, y: y + (cell - size) / 2, size };
}

/** Clears the target and draws every item at its place for the frame. Returns the number of cells drawn. */
export function rasterizeMotion(target: RasterTarget, frame: MotionFrame, source: RasterSource): number {
  const { data: out, width: W, height: H } = target;
  out.fill(0);
  const { cellWidth, cellHeight } = source;
  const fadedOf = source.faded;
  const s = frame.scale;
  const n = frame.from.length / 2;
  const origin = new Int32Array(2);
  let drawn = 0;
  const { from, to, fromCell, toCell, t } = frame;
  const size = fromCell + (toCell - fromCell) * t;
  for (let item = 0; item < n; item++) {
    // cellAt, inlined: no object per cell (70,000 a frame).
    const ax = from[item * 2]!;
    const bx = to[item * 2]!;
    let x: number;
    let y: number;
    let side: number;
    if (ax === ax && bx === bx) {
      x = ax + (bx - ax) * t;
      const ay = from[item * 2 + 1]!;
      y = ay + (to[item * 2 + 1]! - ay) * t;
      side = size;
    } else if (ax === ax || bx === bx) {
      // Leaving shrinks about its centre; arriving grows about its centre.
      const leaving = ax === ax;
      const cell = leaving ? fromCell : toCell;
      side = cell * (leaving ? 1 - t : t);
      if (side <= 0) continue;
      x = (leaving ? ax : bx) + (cell - side) / 2;
      y = (leaving ? from[item * 2 + 1]! : to[item * 2 + 1]!) + (cell - side) / 2;
    } else continue;
    const dx0 = Math.round(x * s);
    const dy0 = Math.round((y - frame.top) * s);
    const d = Math.max(1, Math.round(side * s));
    if (dy0 >= H || dy0 + d <= 0 || dx0 >= W || dx0 + d <= 0) continue;
    const pixels = locateCell(source, item, origin);
    if (!pixels) continue;
    const sx0 = origin[0]!;
    const sy0 = origin[1]!;
    const src = pixels.data;
    const sw = pixels.width;
    const faded = fadedOf !== undefined && fadedOf(item);
    const x0 = Math.max(0, dx0);
    const x1 = Math.min(W, dx0 + d);
    for (let py = Math.max(0, dy0); py < Math.min(H, dy0 + d); py++) {
      const srow = (sy0 + Math.min(cellHeight - 1, (((py - dy0) * cellHeight) / d) | 0)) * sw + sx0;
      const o = py * W;
      for (let px = x0; px < x1; px++) {
        const v = src[srow + Math.min(cellWidth - 1, (((px - dx0) * cellWidth) / d) | 0)]!;
        out[o + px] = faded ? fade(v) : v;
      }
    }
    drawn++;
  }
  return drawn;
}
