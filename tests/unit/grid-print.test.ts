// The print handout's image grids: which view a step shows, and the cell size
// that fits a step's digits on a page (src/lib/images/grid-print.ts).
import { describe, expect, it } from 'vitest';
import { layoutGrid } from '../../src/lib/images/grid-layout.ts';
import { PRINT_HEADER, printCell, viewAtStep } from '../../src/lib/images/grid-print.ts';

describe('viewAtStep', () => {
  const view = { groupBy: 'split' };
  const steps = [null, { groupBy: 'digit' }, null, { sortBy: 'ink' }];
  it('keeps the grid view until a step sets one, and a null step keeps the one before', () => {
    expect([0, 1, 2, 3, 9].map((k) => viewAtStep(view, steps, k))).toEqual([view, steps[1], steps[1], steps[3], steps[3]]);
  });
});

describe('printCell', () => {
  it('picks the largest cell whose layout fits the height, headers included', () => {
    for (const [count, groups] of [[70_000, 1], [70_000, 10], [7_293, 1], [120, 3]] as const) {
      const cell = printCell(count, groups, 1200, 1080, 14);
      const members = Array.from({ length: count }, (_, i) => i);
      const split = Array.from({ length: groups }, (_, g) => ({ label: groups > 1 ? String(g) : '', members: members.filter((i) => i % groups === g) }));
      const fit = (c: number) => layoutGrid(split, { width: 1200, cell: c, gap: c >= 12 ? 2 : 0, header: groups > 1 ? PRINT_HEADER : 0 }).height;
      expect(fit(cell), `${count} in ${groups}`).toBeLessThanOrEqual(1080);
      if (cell < 14) expect(fit(cell + 1), `${count} in ${groups}: one larger would not fit`).toBeGreaterThan(1080);
    }
    expect(printCell(70_000, 1, 1200, 1080, 14)).toBe(4);
    expect(printCell(120, 1, 1200, 1080, 14)).toBe(14);
  });
});
