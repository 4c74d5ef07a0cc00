// The grid rasteriser on a synthetic fixture (not dataset data): a 2x2-cell
// preview sheet whose cells are flat colours, laid out by layoutGrid.
import { describe, expect, it } from 'vitest';
import { layoutGrid } from '../../../src/lib/images/grid-layout.ts';
import { forEachVisible, rasterize, type RasterSource } from '../../../src/lib/images/grid-raster.ts';

const RED = 0xff0000ff; // little-endian RGBA: r=255, a=255
const GREEN = 0xff00ff00;
const BLUE = 0xffff0000;
const WHITE = 0xffffffff;

/** A 2x2-cell sheet of 4x4 px cells: cell 0 red, 1 green, 2 blue, 3 white. */
function sheet(): { data: Uint32Array; width: number } {
  const width = 8;
  const data = new Uint32Array(8 * 8);
  const colours = [RED, GREEN, BLUE, WHITE];
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) data[y * width + x] = colours[Math.floor(y / 4) * 2 + Math.floor(x / 4)]!;
  return { data, width };
}

function source(extra: Partial<RasterSource> = {}): RasterSource {
  return { sheets: [sheet()], columns: [2], perAtlas: 4, cellWidth: 4, cellHeight: 4, cellOf: (i) => i, ...extra };
}

const target = (width: number, height: number) => ({ data: new Uint32Array(width * height), width, height });

describe('rasterize', () => {
  it('copies each cell, scaled to the layout, into the pixel buffer', () => {
    // Items 3, 0, 1 in a row of 2-px cells with no gap: columns = floor(6 / 2) = 3.
    const layout = layoutGrid([{ label: '', members: [3, 0, 1] }], { width: 6, cell: 2 });
    const t = target(6, 2);
    expect(rasterize(t, layout, source(), { top: 0, scale: 1 })).toBe(3);
    expect([...t.data.slice(0, 6)]).toEqual([WHITE, WHITE, RED, RED, GREEN, GREEN]);
    expect([...t.data.slice(6, 12)]).toEqual([WHITE, WHITE, RED, RED, GREEN, GREEN]);
  });

  it('honours the device scale and the scroll offset, and clears what is not a cell', () => {
    // One column of 2-px cells: items 0, 1, 2 stacked; scrolled down by one cell.
    const layout = layoutGrid([{ label: '', members: [0, 1, 2] }], { width: 2, cell: 2 });
    const t = target(4, 12); // 6 CSS px tall: 4 px of cells, then 2 px below the last one
    t.data.fill(123);
    rasterize(t, layout, source(), { top: 2, scale: 2 });
    expect(t.data[0]).toBe(GREEN); // row 0 now shows item 1
    expect(t.data[4 * 4]).toBe(BLUE); // 2 CSS px lower: item 2, at 2 device px per CSS px
    const rowAfterCells = [...t.data.slice(4 * 11)]; // last device row: below the last cell
    expect(rowAfterCells).toEqual([0, 0, 0, 0]);
  });

  it('washes faded (not highlighted) cells towards white and skips sheets still loading', () => {
    const layout = layoutGrid([{ label: '', members: [0, 1] }], { width: 4, cell: 2 });
    const t = target(4, 2);
    rasterize(t, layout, source({ faded: (i) => i === 1 }), { top: 0, scale: 1 });
    expect(t.data[0]).toBe(RED);
    const v = t.data[2]!;
    expect([v & 255, (v >>> 8) & 255, (v >>> 16) & 255, v >>> 24]).toEqual([199, 255, 199, 255]);
    const empty = target(4, 2);
    expect(rasterize(empty, layout, source({ sheets: [undefined] }), { top: 0, scale: 1 })).toBe(0);
    expect([...empty.data]).toEqual(new Array(8).fill(0));
  });

  it('visits only the rows on screen, group by group', () => {
    const layout = layoutGrid(
      [
        { label: 'a', members: Array.from({ length: 100 }, (_, i) => i) },
        { label: 'b', members: [100, 101] },
      ],
      { width: 10, cell: 1, header: 3 },
    );
    const seen: number[] = [];
    forEachVisible(layout, 3, 5, (slot) => seen.push(slot));
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i)); // rows 0 and 1 of group a
    const tail: number[] = [];
    forEachVisible(layout, layout.height - 1, layout.height, (slot) => tail.push(slot));
    expect(tail).toEqual([100, 101]);
  });
});
