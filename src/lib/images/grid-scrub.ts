// Scrubbed regroup (issue 19 item 5): inside a Scrolly with motion="scrub",
// the grid's cells travel from step k's layout to step k + 1's as the reader
// scrolls through the gap between the two step cards (t from 0 to 1, see
// src/lib/scrolly/motion-progress.ts), and back when the reader scrolls back.
// The layouts are the ones the grid shows at each step, sized by the same
// rule; the frame is drawn by grid-motion.ts. Pure and DOM-free.
import { fitCell, layoutGrid, type GridGroup, type GridLayout } from './grid-layout.ts';
import { itemPositions, type MotionFrame } from './grid-motion.ts';
import { viewGroups, type GridPayload, type GridView } from './grid-view.ts';

/** Height of a group's header row (CSS px). */
export const HEADER = 22;

export interface GridSizing {
  /** Width of the grid (CSS px). */
  width: number;
  /** The reader's zoom (1 = everything fits). */
  zoom: number;
  /** Height the grid may take on screen (CSS px). */
  viewportHeight: number;
}

/**
 * The layout of a view's groups: cells sized so every shown item fits the
 * screen at zoom 1 (at least 2 px), a 2 px gap once cells are 12 px, a
 * header row per group when there are several. `baseCell` is the zoom-1 size.
 */
export function sizeLayout(groups: readonly GridGroup[], s: GridSizing): { layout: GridLayout; baseCell: number } {
  const shown = groups.reduce((sum, g) => sum + g.members.length, 0);
  const baseCell = s.width ? fitCell(Math.max(1, shown), s.width, Math.max(s.viewportHeight * 0.6, s.viewportHeight - 24 * groups.length), 2) : 5;
  const cell = Math.min(Math.max(2, baseCell * s.zoom), s.width);
  const layout = layoutGrid(groups, { width: Math.max(1, s.width), cell, gap: baseCell * s.zoom >= 12 ? 2 : 0, header: groups.length > 1 ? HEADER : 0 });
  return { layout, baseCell };
}

/** The view a scrolly step shows: the last one given at or before it (null keeps the previous one). */
export function viewAtStep(steps: readonly (GridView | null)[], step: number): GridView | undefined {
  for (let i = Math.min(step, steps.length - 1); i >= 0; i--) {
    const v = steps[i];
    if (v) return v;
  }
  return undefined;
}

const sameView = (a: GridView | undefined, b: GridView | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The two layouts a scrub between step and step + 1 moves between, or null when the two steps show the same view. */
export interface ScrubPath {
  step: number;
  from: GridLayout;
  to: GridLayout;
  positions: Pick<MotionFrame, 'from' | 'to' | 'fromCell' | 'toCell'>;
}

export function scrubPath(payload: GridPayload, steps: readonly (GridView | null)[], step: number, sizing: GridSizing, itemCount: number): ScrubPath | null {
  const a = viewAtStep(steps, step);
  const b = viewAtStep(steps, step + 1);
  if (!a || !b || sameView(a, b)) return null;
  const from = sizeLayout(viewGroups(payload, a), sizing).layout;
  const to = sizeLayout(viewGroups(payload, b), sizing).layout;
  return { step, from, to, positions: { from: itemPositions(from, itemCount), to: itemPositions(to, itemCount), fromCell: from.cell, toCell: to.cell } };
}
