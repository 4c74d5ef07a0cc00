// Full-resolution tiles (src/lib/images/grid-tiles.ts): how a sheet is cut,
// and which tile a cell's pixels come from.
import { describe, expect, it } from 'vitest';
import { fullPiece, tileCells, tileRects } from '../../../src/lib/images/grid-tiles.ts';

describe('grid tiles', () => {
  it('cuts a 2,800 px MNIST sheet into 6 x 6 tiles of 18 x 18 digits, the last ones narrower', () => {
    expect(tileCells(28, 28)).toBe(18);
    expect(tileCells(64, 64)).toBe(8);
    expect(tileCells(600, 600)).toBe(1);
    const { columns, rects } = tileRects({ width: 2800, height: 2800 }, 28, 28, 18);
    expect(columns).toBe(6);
    expect(rects).toHaveLength(36);
    expect(rects[0]).toEqual({ x: 0, y: 0, w: 504, h: 504 });
    expect(rects[5]).toEqual({ x: 2520, y: 0, w: 280, h: 504 });
    expect(rects[35]).toEqual({ x: 2520, y: 2520, w: 280, h: 280 });
    // Every pixel of the sheet lies in exactly one tile.
    expect(rects.reduce((s, r) => s + r.w * r.h, 0)).toBe(2800 * 2800);
  });

  it("finds a cell's tile and its place there; the safe tile until the warning is lifted", () => {
    const sheet = { src: '/full.png', tiles: { cells: 18, columns: 6, srcs: Array.from({ length: 36 }, (_, k) => `/t${k}.png`), safeSrcs: Array.from({ length: 36 }, (_, k) => `/s${k}.png`) } };
    // Cell (column 20, row 40): tile column 1, tile row 2, at cell (2, 4) inside it.
    expect(fullPiece(sheet, 28, 28, 20 * 28, 40 * 28, true)).toEqual({ src: '/t13.png', x: 2 * 28, y: 4 * 28 });
    expect(fullPiece(sheet, 28, 28, 20 * 28, 40 * 28, false).src).toBe('/s13.png');
    expect(fullPiece(sheet, 28, 28, 0, 0, true)).toEqual({ src: '/t0.png', x: 0, y: 0 });
    expect(fullPiece(sheet, 28, 28, 99 * 28, 99 * 28, true)).toEqual({ src: '/t35.png', x: 9 * 28, y: 9 * 28 });
    // An untiled sheet (a grid's own small atlas) is its own piece.
    expect(fullPiece({ src: '/own.png', safeSrc: '/own-safe.png' }, 28, 28, 56, 28, false)).toEqual({ src: '/own-safe.png', x: 56, y: 28 });
    expect(() => fullPiece(sheet, 28, 28, 200 * 28, 0, true)).toThrow(RangeError);
  });
});
