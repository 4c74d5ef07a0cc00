import { describe, expect, it } from 'vitest';
import { fitCell, hitTest, layoutGrid, moveSlot, slotPosition } from '../../../src/lib/images/grid-layout.ts';
import { decodeInts, decodeStrings, encodeInts, encodeStrings, stringAt } from '../../../src/lib/images/grid-columns.ts';
import { describeView, viewGroups, type GridPayload } from '../../../src/lib/images/grid-view.ts';

describe('grid layout', () => {
  const groups = [
    { label: 'a', members: [0, 1, 2, 3, 4] },
    { label: 'b', members: [5, 6] },
  ];
  const L = layoutGrid(groups, { width: 30, cell: 10, header: 20 });

  it('starts each group on a new row under its header', () => {
    expect(L.columns).toBe(3);
    expect(L.order).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(L.groups.map((g) => [g.label, g.headerY, g.top, g.rows, g.first])).toEqual([
      ['a', 0, 20, 2, 0],
      ['b', 40, 60, 1, 5],
    ]);
    expect(L.height).toBe(70);
    expect(slotPosition(L, 4)).toEqual({ x: 10, y: 30 });
    expect(slotPosition(L, 6)).toEqual({ x: 10, y: 60 });
  });

  it('hit-tests points back to slots, and misses headers and empty cells', () => {
    expect(hitTest(L, 15, 35)).toBe(4);
    expect(hitTest(L, 25, 35)).toBe(-1); // third cell of row 2 of group a is empty
    expect(hitTest(L, 5, 10)).toBe(-1); // header
    expect(hitTest(L, 12, 65)).toBe(6);
    expect(hitTest(L, 35, 25)).toBe(-1);
  });

  it('moves with arrow keys without leaving the grid', () => {
    expect(moveSlot(L, -1, 'ArrowRight')).toBe(0);
    expect(moveSlot(L, 0, 'ArrowDown')).toBe(3);
    expect(moveSlot(L, 5, 'ArrowDown')).toBe(5);
    expect(moveSlot(L, 6, 'ArrowRight')).toBe(6);
    expect(moveSlot(L, 3, 'End')).toBe(6);
  });

  it('fits 10,000 cells in a 720x540 box at 6 px', () => {
    expect(fitCell(10_000, 720, 540)).toBe(6);
    expect(fitCell(10_000, 100, 100, 5)).toBe(5);
  });
});

describe('grid columns', () => {
  it('compresses numbered ids to a run and round-trips', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `test-${i}`);
    const c = encodeStrings(ids);
    expect(c).toEqual({ kind: 'numbered', prefix: 'test-', suffix: '', nums: { start: 0, count: 1000 } });
    expect(decodeStrings(c)).toEqual(ids);
    const orig = ['t10k[5]', 't10k[17]'];
    expect(decodeStrings(encodeStrings(orig))).toEqual(orig);
    const mixed = ['1F600', '2620', '1F600', 'E346'];
    const d = encodeStrings(mixed);
    expect(d.kind).toBe('dict');
    expect(decodeStrings(d)).toEqual(mixed);
    expect(stringAt(d, 2)).toBe('1F600');
    expect(decodeInts(encodeInts([4, 5, 6]))).toEqual([4, 5, 6]);
    expect(encodeInts([1, 3])).toEqual([1, 3]);
  });

  it('keeps a few long numbered runs (train then test) as runs, not a dictionary', () => {
    const ids = [...Array.from({ length: 600 }, (_, i) => `train-${i}`), ...Array.from({ length: 100 }, (_, i) => `test-${i}`)];
    const c = encodeStrings(ids);
    expect(c).toEqual({
      kind: 'concat',
      parts: [
        { kind: 'numbered', prefix: 'train-', suffix: '', nums: { start: 0, count: 600 } },
        { kind: 'numbered', prefix: 'test-', suffix: '', nums: { start: 0, count: 100 } },
      ],
    });
    expect(decodeStrings(c)).toEqual(ids);
    expect(stringAt(c, 599)).toBe('train-599');
    expect(stringAt(c, 600)).toBe('test-0');
    expect(() => stringAt(c, 700)).toThrow(RangeError);
    // Short or many runs stay a dictionary.
    expect(encodeStrings(['a-1', 'b-1', 'a-2']).kind).toBe('dict');
  });
});

describe('grid view', () => {
  // Synthetic fixture: 6 items with a digit label and an ink score.
  const payload: GridPayload = {
    dataset: 'fixture', noun: 'digits', license: 'test', sheets: [], cellWidth: 28, cellHeight: 28, previewCellWidth: 7, previewCellHeight: 7, perAtlas: 10, pixelated: true,
    cells: { start: 0, count: 6 },
    ids: encodeStrings(['d-0', 'd-1', 'd-2', 'd-3', 'd-4', 'd-5']),
    originalIds: encodeStrings(['0', '1', '2', '3', '4', '5']),
    paths: encodeStrings(['f#0', 'f#1', 'f#2', 'f#3', 'f#4', 'f#5']),
    rights: encodeStrings(Array(6).fill('x')),
    categories: [{ name: 'digit', column: encodeStrings(['7', '2', '7', '10', '2', '7']) }],
    numbers: [{ name: 'ink', values: [0.3, 0.1, 0.2, 0.5, 0.4, 0.1] }],
    texts: null,
    flagged: [],
  };

  it('filters, groups (natural order) and sorts', () => {
    expect(viewGroups(payload, {})).toEqual([{ label: '', members: [0, 1, 2, 3, 4, 5] }]);
    expect(viewGroups(payload, { filter: { field: 'digit', value: '7' } })).toEqual([{ label: '', members: [0, 2, 5] }]);
    expect(viewGroups(payload, { groupBy: 'digit', sortBy: 'ink' })).toEqual([
      { label: '2', members: [1, 4] },
      { label: '7', members: [5, 2, 0] },
      { label: '10', members: [3] },
    ]);
  });

  it('describes the view for the live region', () => {
    expect(describeView(payload, { groupBy: 'digit', filter: { field: 'digit', value: '7' }, sortBy: 'ink' }, 3)).toBe('Showing 3 digits where digit is 7 grouped by digit sorted by ink.');
    expect(describeView(payload, { highlight: { field: 'digit', value: '2' } }, 6)).toBe('Showing 6 digits, highlighting digit 2.');
  });
});
