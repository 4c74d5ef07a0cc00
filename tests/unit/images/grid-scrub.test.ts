// Scrubbed regroup (src/lib/images/grid-scrub.ts) on a synthetic fixture
// (six items with a digit label and an ink score, not dataset data): the
// layouts of two scrolly steps and every item's place at progress 0, 0.5 and
// 1 of the way between them.
import { describe, expect, it } from 'vitest';
import { encodeStrings } from '../../../src/lib/images/grid-columns.ts';
import { cellAt } from '../../../src/lib/images/grid-motion.ts';
import { HEADER, scrubPath, sizeLayout, viewAtStep } from '../../../src/lib/images/grid-scrub.ts';
import { viewGroups, type GridPayload, type GridView } from '../../../src/lib/images/grid-view.ts';

const payload: GridPayload = {
  dataset: 'fixture', noun: 'digits', license: 'test', sheets: [], cellWidth: 28, cellHeight: 28, previewCellWidth: 7, previewCellHeight: 7, perAtlas: 10, pixelated: true,
  cells: { start: 0, count: 6 },
  ids: encodeStrings(['d-0', 'd-1', 'd-2', 'd-3', 'd-4', 'd-5']),
  originalIds: encodeStrings(['0', '1', '2', '3', '4', '5']),
  paths: encodeStrings(['f#0', 'f#1', 'f#2', 'f#3', 'f#4', 'f#5']),
  rights: encodeStrings(Array(6).fill('x')),
  categories: [{ name: 'digit', column: encodeStrings(['7', '2', '7', '2', '2', '7']) }],
  numbers: [{ name: 'ink', values: [0.3, 0.1, 0.2, 0.5, 0.4, 0.1] }],
  texts: null,
  flagged: [],
};
const steps: (GridView | null)[] = [{}, null, { groupBy: 'digit' }, { groupBy: 'digit' }];
// 120 px wide, 200 px of screen: six cells fit as 40 px squares at zoom 1.
const sizing = { width: 120, zoom: 1, viewportHeight: 200 };

describe('scrubbed regroup', () => {
  it('takes the view a step shows from the last step that set one', () => {
    expect(viewAtStep(steps, 0)).toEqual({});
    expect(viewAtStep(steps, 1)).toEqual({});
    expect(viewAtStep(steps, 2)).toEqual({ groupBy: 'digit' });
    expect(viewAtStep(steps, 9)).toEqual({ groupBy: 'digit' });
    expect(viewAtStep([null, { sortBy: 'ink' }], 0)).toBeUndefined();
  });

  it('moves nothing between two steps that show the same view', () => {
    expect(scrubPath(payload, steps, 0, sizing, 6)).toBeNull();
    expect(scrubPath(payload, steps, 2, sizing, 6)).toBeNull();
    expect(scrubPath(payload, steps, 3, sizing, 6)).toBeNull(); // the last step has no next one
  });

  it("starts at step k's layout, is half-way at 0.5 and lands on step k + 1's layout at 1", () => {
    const path = scrubPath(payload, steps, 1, sizing, 6)!;
    expect(path.from).toEqual(sizeLayout(viewGroups(payload, {}), sizing).layout);
    expect(path.to).toEqual(sizeLayout(viewGroups(payload, { groupBy: 'digit' }), sizing).layout);
    const at = (t: number, item: number) => cellAt({ ...path.positions, t }, item)!;
    // Step 1: one group in dataset order. Step 2: the 2s (items 1, 3, 4), then the 7s (0, 2, 5), each under a header.
    const cell = path.from.cell;
    const pitch = cell + path.from.gap;
    const cols = path.from.columns;
    expect(cols).toBeGreaterThan(1);
    expect(at(0, 3)).toEqual({ x: (3 % cols) * pitch, y: Math.floor(3 / cols) * pitch, size: cell });
    const toPitch = path.to.cell + path.to.gap;
    const to3 = at(1, 3); // second of the 2s
    expect(to3).toEqual({ x: (1 % path.to.columns) * toPitch, y: HEADER + Math.floor(1 / path.to.columns) * toPitch, size: path.to.cell });
    const from3 = at(0, 3);
    const mid = at(0.5, 3);
    expect(mid.x).toBeCloseTo((from3.x + to3.x) / 2, 5);
    expect(mid.y).toBeCloseTo((from3.y + to3.y) / 2, 5);
    expect(mid.y).not.toBeCloseTo(from3.y, 0); // it really travels
    expect(mid.size).toBeCloseTo((cell + path.to.cell) / 2, 5);
    // Every item is on screen in both views: all of them travel, none fades.
    for (let item = 0; item < 6; item++) {
      const [a, b, m] = [at(0, item), at(1, item), at(0.5, item)];
      expect(m.x).toBeCloseTo((a.x + b.x) / 2, 5);
      expect(m.y).toBeCloseTo((a.y + b.y) / 2, 5);
    }
  });

  it('sizes a layout so every shown item fits, with headers only for several groups', () => {
    const one = sizeLayout(viewGroups(payload, {}), sizing);
    const two = sizeLayout(viewGroups(payload, { groupBy: 'digit' }), sizing);
    expect(one.layout.groups[0]!.top).toBe(0);
    expect(two.layout.groups.map((g) => g.headerY + HEADER === g.top)).toEqual([true, true]);
    expect(one.layout.height).toBeLessThanOrEqual(200);
    expect(sizeLayout(viewGroups(payload, {}), { ...sizing, zoom: 2 }).layout.cell).toBe(2 * one.baseCell);
  });
});
