import { describe, expect, it } from 'vitest';
import { packAtlas } from '../../../src/lib/images/atlas.ts';
import { cellOf } from '../../../src/lib/images/gallery.ts';

describe('packAtlas', () => {
  it('packs 10,000 MNIST cells into one 100x100 sheet of 28px cells', () => {
    const a = packAtlas(10_000, { cellWidth: 28, cellHeight: 28, perAtlas: 10_000 });
    expect(a.sheets).toEqual([{ index: 0, width: 2800, height: 2800, columns: 100, count: 10_000 }]);
    expect(a.cells[0]).toEqual({ atlas: 0, x: 0, y: 0, w: 28, h: 28 });
    expect(a.cells[101]).toEqual({ atlas: 0, x: 28, y: 28, w: 28, h: 28 });
    expect(a.cells[9999]).toEqual({ atlas: 0, x: 2772, y: 2772, w: 28, h: 28 });
  });

  it('splits into sheets of at most perAtlas cells; the last sheet is smaller', () => {
    const a = packAtlas(2500, { cellWidth: 64, cellHeight: 64, perAtlas: 1024 });
    expect(a.sheets.map((s) => s.count)).toEqual([1024, 1024, 452]);
    expect(a.sheets[0]).toMatchObject({ width: 2048, height: 2048, columns: 32 });
    expect(a.sheets[2]).toMatchObject({ width: 2048, height: 15 * 64, columns: 32 });
    expect(a.cells[1024]).toEqual({ atlas: 1, x: 0, y: 0, w: 64, h: 64 });
    // Readers find a cell from its index alone.
    for (const i of [0, 33, 1023, 1024, 2100, 2499]) {
      const c = a.cells[i]!;
      expect(cellOf({ perAtlas: a.perAtlas, sheets: a.sheets, cellWidth: 64, cellHeight: 64 }, i)).toEqual({ sheet: c.atlas, x: c.x, y: c.y });
    }
  });

  it('never makes a sheet wider or taller than maxSide', () => {
    const a = packAtlas(100_000, { cellWidth: 64, cellHeight: 64, perAtlas: 100_000, maxSide: 4096 });
    expect(a.perAtlas).toBe(4096);
    for (const s of a.sheets) expect(Math.max(s.width, s.height)).toBeLessThanOrEqual(4096);
    expect(a.sheets.reduce((n, s) => n + s.count, 0)).toBe(100_000);
  });

  it('handles a single cell and no cells, and rejects impossible sizes', () => {
    expect(packAtlas(1, { cellWidth: 10, cellHeight: 10, perAtlas: 50 }).sheets).toEqual([{ index: 0, width: 10, height: 10, columns: 1, count: 1 }]);
    expect(packAtlas(0, { cellWidth: 10, cellHeight: 10, perAtlas: 50 }).sheets).toEqual([]);
    expect(() => packAtlas(3, { cellWidth: 5000, cellHeight: 10, perAtlas: 4 })).toThrow(/does not fit/);
    expect(() => packAtlas(-1, { cellWidth: 5, cellHeight: 5, perAtlas: 4 })).toThrow(/count/);
  });
});
