// Grid motion on a synthetic fixture (not dataset data): four flat-colour
// 4x4 px cells (red, green, blue, white), laid out by layoutGrid, moved
// between two layouts.
import { describe, expect, it } from 'vitest';
import { layoutGrid } from '../../../src/lib/images/grid-layout.ts';
import { rasterize, type RasterSource } from '../../../src/lib/images/grid-raster.ts';
import { cellAt, itemPositions, rasterizeMotion } from '../../../src/lib/images/grid-motion.ts';

const RED = 0xff0000ff;
const GREEN = 0xff00ff00;
const BLUE = 0xffff0000;
const WHITE = 0xffffffff;

function source(): RasterSource {
  const data = new Uint32Array(64);
  const colours = [RED, GREEN, BLUE, WHITE];
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) data[y * 8 + x] = colours[Math.floor(y / 4) * 2 + Math.floor(x / 4)]!;
  return { sheets: [{ data, width: 8 }], columns: [2], perAtlas: 4, cellWidth: 4, cellHeight: 4, cells: [0, 1, 2, 3] };
}
const target = (width: number, height: number) => ({ data: new Uint32Array(width * height), width, height });

// From: items 0..3 in one row of 2 px cells. To: items 3, 2, 1 in a row (item 0 filtered out) of 2 px cells.
const from = layoutGrid([{ label: '', members: [0, 1, 2, 3] }], { width: 8, cell: 2 });
const to = layoutGrid([{ label: '', members: [3, 2, 1] }], { width: 8, cell: 2 });
const frame = (t: number) => ({ from: itemPositions(from, 4), to: itemPositions(to, 4), fromCell: 2, toCell: 2, t, top: 0, scale: 1 });

describe('grid motion', () => {
  it('places each item by layout, NaN when a layout does not show it', () => {
    const p = itemPositions(to, 4);
    expect([p[6], p[7], p[2], p[3]]).toEqual([0, 0, 4, 0]); // item 3 first, item 1 third
    expect(Number.isNaN(p[0]!)).toBe(true);
  });

  it('moves a cell in a straight line: its old place at 0, half-way at 0.5, its new place at 1', () => {
    // Item 3: x 6 -> 0.
    expect(cellAt(frame(0), 3)).toEqual({ x: 6, y: 0, size: 2 });
    expect(cellAt(frame(0.5), 3)).toEqual({ x: 3, y: 0, size: 2 });
    expect(cellAt(frame(1), 3)).toEqual({ x: 0, y: 0, size: 2 });
    // Item 0 leaves: full size at 0, half at 0.5 (about its centre), gone at 1.
    expect(cellAt(frame(0), 0)).toEqual({ x: 0, y: 0, size: 2 });
    expect(cellAt(frame(0.5), 0)).toEqual({ x: 0.5, y: 0.5, size: 1 });
    expect(cellAt(frame(1), 0)).toBeUndefined();
  });

  it('draws the old picture at 0 and the new one at 1, pixel for pixel like the still rasteriser', () => {
    for (const [t, layout] of [[0, from], [1, to]] as const) {
      const moving = target(8, 2);
      const still = target(8, 2);
      rasterizeMotion(moving, frame(t), source());
      rasterize(still, layout, source(), { top: 0, scale: 1 });
      expect([...moving.data], `t = ${t}`).toEqual([...still.data]);
    }
  });

  it('half-way, the white cell sits between its two places', () => {
    const t = target(8, 2);
    expect(rasterizeMotion(t, frame(0.5), source())).toBe(4);
    // White (item 3) travels from x 6..8 to x 0..2: at 0.5 it covers x 3..5.
    expect([...t.data.slice(0, 8)].map((v) => v === WHITE)).toEqual([false, false, false, true, true, false, false, false]);
  });
});
