// Per-grid atlases: which grids get sheets of their own, and that repacking
// moves each cell's pixels (every variant) to its new place unchanged.
// Synthetic sheets: each pixel's value encodes the cell it belongs to.
import { describe, expect, it } from 'vitest';
import { copyCell, repack, wantsOwnAtlas, type RawSheet } from '../../../src/lib/images/grid-atlas.ts';
import { cellOf } from '../../../src/lib/images/gallery.ts';

/** A synthetic gallery: `n` cells of 4x4 px, 9 to a 3x3-cell sheet, greys; previews at 2x2 px. */
function gallery(n: number) {
  const perAtlas = 9;
  const sheets = Array.from({ length: Math.ceil(n / perAtlas) }, (_, k) => {
    const count = Math.min(perAtlas, n - k * perAtlas);
    return { src: `/s${k}.png`, width: 12, height: 12, columns: 3, count, bytes: 1, preview: { src: `/s${k}.preview.png`, width: 6, height: 6, bytes: 1 } };
  });
  return {
    items: Array.from({ length: n }, () => ({})) as never[],
    cells: Array.from({ length: n }, (_, i) => i),
    perAtlas,
    sheets,
    cellWidth: 4,
    cellHeight: 4,
    previewCellWidth: 2,
    previewCellHeight: 2,
    opaque: true,
  };
}

/** Source sheet k at scale f: every pixel of cell c holds c + 1 (+100 in the preview variant). */
function sourceSheet(m: ReturnType<typeof gallery>, k: number, preview: boolean): RawSheet {
  const f = preview ? 2 : 1;
  const s: RawSheet = { data: new Uint8Array((12 / f) * (12 / f)), width: 12 / f, height: 12 / f };
  for (let c = k * m.perAtlas; c < Math.min(m.cells.length, (k + 1) * m.perAtlas); c++) {
    const at = cellOf(m, c);
    for (let y = 0; y < 4 / f; y++) for (let x = 0; x < 4 / f; x++) s.data[(at.y / f + y) * s.width + at.x / f + x] = c + 1 + (preview ? 100 : 0);
  }
  return s;
}

describe('per-grid atlases', () => {
  it('go to samples and small filtered parts, never to a whole gallery', () => {
    const m = gallery(27);
    expect(wantsOwnAtlas(m, m.cells)).toBe(false);
    expect(wantsOwnAtlas(m, [])).toBe(false);
    expect(wantsOwnAtlas(m, [0, 9, 18])).toBe(true); // 3 cells would fetch 27
    expect(wantsOwnAtlas(m, [0, 1, 2, 3, 4])).toBe(false); // 5 of one 9-cell sheet: not worth a copy
    expect(wantsOwnAtlas(m, [0, 1, 2, 3])).toBe(true);
  });

  it('copy a block of pixels, and refuse blocks outside either sheet', () => {
    const from: RawSheet = { data: Uint8Array.from({ length: 16 }, (_, i) => i), width: 4, height: 4 };
    const to: RawSheet = { data: new Uint8Array(4), width: 2, height: 2 };
    copyCell(from, to, 1, 2, 2, 0, 0, 2, 2);
    expect([...to.data]).toEqual([10, 11, 14, 15]);
    expect(() => copyCell(from, to, 1, 3, 3, 0, 0, 2, 2)).toThrow(/outside its 4x4 source/);
    expect(() => copyCell(from, to, 1, 0, 0, 1, 0, 2, 2)).toThrow(/outside its 2x2 target/);
  });

  it('move every chosen cell, in every variant, to its place in the new sheets', () => {
    const m = gallery(27);
    const chosen = [2, 10, 11, 26];
    const { layout, pixels } = repack(m, chosen, ['full', 'preview'], (k, v) => sourceSheet(m, k, v === 'preview'));
    expect(layout.sheets.map((s) => [s.width, s.height, s.columns])).toEqual([[12, 8, 3]]);
    const full = pixels.get('full')![0]!;
    const preview = pixels.get('preview')![0]!;
    expect([preview.width, preview.height]).toEqual([6, 4]);
    chosen.forEach((c, k) => {
      const at = layout.cells[k]!;
      for (const [y, x] of [[0, 0], [3, 3]]) expect(full.data[(at.y + y!) * full.width + at.x + x!], `cell ${c} full`).toBe(c + 1);
      for (const [y, x] of [[0, 0], [1, 1]]) expect(preview.data[(at.y / 2 + y!) * preview.width + at.x / 2 + x!], `cell ${c} preview`).toBe(c + 101);
    });
    // The unused slots (row 2 holds one of three cells) stay empty.
    expect(full.data[4 * 12 + 4]).toBe(0);
  });
});
