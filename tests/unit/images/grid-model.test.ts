// The grid island's derived model and overlay on a synthetic payload (not
// dataset data): 6 items in two sheets of 4 cells (2 columns), item 4 flagged.
import { describe, expect, it } from 'vitest';
import { drawTier, fullCellOf, gridModel, wantedTier, wantsFull } from '../../../src/lib/images/grid-model.ts';
import { paintOverlay, slotsOfItems, type OverlayContext } from '../../../src/lib/images/grid-overlay.ts';
import { layoutGrid } from '../../../src/lib/images/grid-layout.ts';
import type { GridPayload } from '../../../src/lib/images/grid-view.ts';

const sheet = (overview: boolean) => ({
  src: 'a.png', width: 56, height: 56, columns: 2, used: true,
  preview: { src: 'p.png', width: 16, height: 16 },
  ...(overview ? { overview: { src: 'o.png', width: 8, height: 8 } } : {}),
});
const payload = (overview = true): GridPayload => ({
  dataset: 'synthetic', noun: 'cells', license: 'test',
  sheets: [sheet(overview), sheet(overview)],
  cellWidth: 28, cellHeight: 28, previewCellWidth: 8, previewCellHeight: 8,
  ...(overview ? { overviewCellWidth: 4, overviewCellHeight: 4 } : {}),
  perAtlas: 4, pixelated: true,
  cells: { start: 0, count: 6 },
  ids: { kind: 'dict', dict: ['x'], codes: [0, 0, 0, 0, 0, 0] },
  originalIds: { kind: 'dict', dict: ['x'], codes: [0, 0, 0, 0, 0, 0] },
  paths: { kind: 'dict', dict: ['x'], codes: [0, 0, 0, 0, 0, 0] },
  rights: { kind: 'dict', dict: ['x'], codes: [0, 0, 0, 0, 0, 0] },
  categories: [{ name: 'kind', column: { kind: 'dict', dict: ['a', 'b'], codes: [0, 1, 0, 1, 0, 1] } }],
  numbers: [{ name: 'ink', values: [6, 5, 4, 3, 2, 1] }],
  texts: null,
  flagged: [[4, 'test reason']],
});

/** Records every draw call of the overlay. */
function recorder(): OverlayContext & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls, font: '', textBaseline: 'alphabetic', fillStyle: '', strokeStyle: '', lineWidth: 1,
    fillRect: (x, y, w, h) => void calls.push(`fillRect ${x} ${y} ${w} ${h}`),
    fillText: (t, x, y) => void calls.push(`fillText ${t} ${x} ${y}`),
    strokeRect: (x, y, w, h) => void calls.push(`strokeRect ${x} ${y} ${w} ${h}`),
  };
}

describe('grid model', () => {
  const p = payload();
  const m = gridModel(p);

  it('derives counts, fields, cells and flagged reasons from the payload', () => {
    expect(m.n).toBe(6);
    expect(m.categories).toEqual(['kind']);
    expect(m.numbers).toEqual(['ink']);
    expect([...m.cells]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(m.flaggedReason.get(4)).toBe('test reason');
    expect(m.reasons).toEqual(['test reason']);
    expect(m.hasOverview).toBe(true);
    expect(gridModel(payload(false)).hasOverview).toBe(false);
  });

  it('finds an item in its full sheet: sheet, column and row of its cell', () => {
    expect(fullCellOf(p, m, 0)).toEqual({ sheet: 0, sx: 0, sy: 0 });
    expect(fullCellOf(p, m, 3)).toEqual({ sheet: 0, sx: 28, sy: 28 });
    expect(fullCellOf(p, m, 5)).toEqual({ sheet: 1, sx: 28, sy: 0 });
  });

  it('wants the overview for tiny cells and the preview above 1.5x the overview cell', () => {
    expect(wantedTier(p, m, 6)).toBe('overview');
    expect(wantedTier(p, m, 7)).toBe('preview');
    expect(wantedTier(payload(false), gridModel(payload(false)), 2)).toBe('preview');
  });

  it('draws the other tier while the wanted one loads, the wanted one otherwise', () => {
    expect(drawTier('preview', (t) => t === 'overview')).toBe('overview');
    expect(drawTier('preview', () => true)).toBe('preview');
    expect(drawTier('preview', () => false)).toBe('preview');
  });

  it('uses full sheets only for cells above 1.5x the preview cell and few on screen', () => {
    expect(wantsFull(28, 2, 20, 500, 1, 8)).toBe(true);
    expect(wantsFull(12, 0, 20, 500, 1, 8)).toBe(false); // 12 px: the preview suffices
    expect(wantsFull(13, 0, 400, 500, 1, 8)).toBe(false); // 400 x 40 cells on screen
  });
});

describe('grid overlay', () => {
  const layout = layoutGrid([{ label: 'a', members: [0, 2, 4] }, { label: 'b', members: [1, 3, 5] }], { width: 40, cell: 12, gap: 2, header: 22 });
  const base = { layout, top: 0, y0: 0, y1: 200, header: 22, flagged: [[4, 'r']] as const, slotOfItem: slotsOfItems(layout, 6, true), revealed: false, focusSlot: -1 };

  it('places each item in its slot, -1 for items not shown', () => {
    expect([...slotsOfItems(layout, 6, true)]).toEqual([0, 3, 1, 4, 2, 5]);
    const filtered = layoutGrid([{ label: '', members: [5] }], { width: 40, cell: 12 });
    expect([...slotsOfItems(filtered, 6, true)]).toEqual([-1, -1, -1, -1, -1, 0]);
  });

  it('labels each group with its count, marks flagged cells and rings the focused one', () => {
    const ctx = recorder();
    paintOverlay(ctx, { ...base, focusSlot: 3 });
    // Group a: header at 0, cells from 22 (3 columns of 14 px pitch); item 4 is slot 2 at x 28.
    expect(ctx.calls).toContain('fillText a (3) 0 11');
    expect(ctx.calls).toContain(`fillText b (3) 0 ${layout.groups[1]!.headerY + 11}`);
    expect(ctx.calls).toContain('fillRect 28 22 3 3');
    expect(ctx.calls).toContain(`strokeRect -1 ${layout.groups[1]!.top - 1} 14 14`);
  });

  it('draws nothing outside the band, and no flag once revealed', () => {
    const ctx = recorder();
    expect(paintOverlay(ctx, { ...base, y0: 1000, y1: 1200 })).toBe(0);
    const shown = recorder();
    paintOverlay(shown, { ...base, revealed: true });
    expect(shown.calls.some((c) => c.startsWith('fillRect'))).toBe(false);
  });
});
