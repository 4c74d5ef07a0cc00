// What the grid island derives once from its payload (item count, columns,
// flagged reasons, tier choice, where an item sits in its full sheet). Pure
// and DOM-free, so the island keeps only wiring and the tests can check it.
import { decodeInts } from './grid-columns.ts';
import { itemCount, type GridPayload } from './grid-view.ts';

export type Tier = 'overview' | 'preview';

export interface GridModel {
  n: number;
  flaggedReason: Map<number, string>;
  reasons: string[];
  categories: string[];
  numbers: string[];
  /** Atlas cell of each item. */
  cells: Int32Array;
  /** Cells per row of each sheet. */
  columns: number[];
  /** Whether every used sheet has an overview (tiny-cell) version. */
  hasOverview: boolean;
}

export function gridModel(payload: GridPayload): GridModel {
  return {
    n: itemCount(payload),
    flaggedReason: new Map(payload.flagged),
    reasons: [...new Set(payload.flagged.map(([, r]) => r))],
    categories: payload.categories.map((c) => c.name),
    numbers: payload.numbers.map((c) => c.name),
    cells: Int32Array.from(decodeInts(payload.cells)),
    columns: payload.sheets.map((s) => s.columns),
    hasOverview: !!payload.overviewCellWidth && payload.sheets.every((s) => !s.used || s.overview),
  };
}

/** The full sheet holding an item and the top-left pixel of its cell there. */
export function fullCellOf(payload: GridPayload, model: GridModel, item: number): { sheet: number; sx: number; sy: number } {
  const c = model.cells[item]!;
  const sheet = Math.floor(c / payload.perAtlas);
  const k = c % payload.perAtlas;
  const cols = model.columns[sheet]!;
  return { sheet, sx: (k % cols) * payload.cellWidth, sy: Math.floor(k / cols) * payload.cellHeight };
}

/** The tier a layout wants: the overview while cells are at most 1.5x its cell (CSS px), else the preview. */
export function wantedTier(payload: GridPayload, model: GridModel, cell: number): Tier {
  return model.hasOverview && cell <= payload.overviewCellWidth! * 1.5 ? 'overview' : 'preview';
}

/** The tier to draw now: the wanted one once loaded, meanwhile the other if it is (zooming shows coarse cells, not holes). */
export function drawTier(wanted: Tier, ready: (t: Tier) => boolean): Tier {
  const other: Tier = wanted === 'overview' ? 'preview' : 'overview';
  return !ready(wanted) && ready(other) ? other : wanted;
}

/** Cells at most this many to a frame are drawn one by one from the full sheets when they are large. */
export const FULL_CELLS_PER_FRAME = 1500;

/** Whether cells are drawn from the full sheets: drawn larger than 1.5x a preview cell (device px), and few on screen. */
export function wantsFull(cell: number, gap: number, columns: number, viewHeight: number, scale: number, previewCellWidth: number): boolean {
  const onScreen = columns * (Math.ceil(viewHeight / (cell + gap)) + 1);
  return cell * scale > previewCellWidth * 1.5 && onScreen <= FULL_CELLS_PER_FRAME;
}
