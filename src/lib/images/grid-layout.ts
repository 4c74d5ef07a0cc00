// Where each cell of an image grid is drawn: items split into groups, each
// group starting on a new row under a header, cells row by row. Pure, so the
// canvas island, hit-testing and the tests share one geometry.

export interface GridGroup {
  label: string;
  /** Item indexes in draw order. */
  members: number[];
}

export interface LaidOutGroup {
  label: string;
  count: number;
  /** Top of the header (CSS px). */
  headerY: number;
  /** Top of the first row of cells. */
  top: number;
  rows: number;
  /** Index in `order` of the group's first cell. */
  first: number;
}

export interface GridLayout {
  cell: number;
  gap: number;
  columns: number;
  /** Item index of every drawn cell, in order. */
  order: number[];
  groups: LaidOutGroup[];
  height: number;
  width: number;
}

export interface LayoutOptions {
  width: number;
  cell: number;
  gap?: number;
  /** Height of a group header row; 0 when there is one unnamed group. */
  header?: number;
}

export function layoutGrid(groups: readonly GridGroup[], options: LayoutOptions): GridLayout {
  const gap = options.gap ?? 0;
  const pitch = options.cell + gap;
  const columns = Math.max(1, Math.floor((options.width + gap) / pitch));
  const header = groups.length > 1 || (groups[0] && groups[0].label) ? (options.header ?? 0) : 0;
  // Sized once and filled by index: 70,000 pushes cost a regroup frame milliseconds.
  const order: number[] = new Array<number>(groups.reduce((sum, g) => sum + g.members.length, 0));
  const laid: LaidOutGroup[] = [];
  let y = 0;
  let at = 0;
  for (const g of groups) {
    const rows = Math.ceil(g.members.length / columns);
    laid.push({ label: g.label, count: g.members.length, headerY: y, top: y + header, rows, first: at });
    const m = g.members;
    for (let k = 0; k < m.length; k++) order[at++] = m[k]!;
    y += header + rows * pitch + (header ? gap * 2 : 0);
  }
  return { cell: options.cell, gap, columns, order, groups: laid, height: Math.max(0, Math.ceil(y)), width: columns * pitch - gap };
}

/** Top-left corner of the cell at position `slot` of `layout.order`. */
export function slotPosition(layout: GridLayout, slot: number): { x: number; y: number } {
  const pitch = layout.cell + layout.gap;
  let lo = 0;
  let hi = layout.groups.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.groups[mid]!.first <= slot) lo = mid;
    else hi = mid - 1;
  }
  const g = layout.groups[lo]!;
  const k = slot - g.first;
  return { x: (k % layout.columns) * pitch, y: g.top + Math.floor(k / layout.columns) * pitch };
}

/** The slot under a point (CSS px from the grid's top-left), or -1. */
export function hitTest(layout: GridLayout, x: number, y: number): number {
  const pitch = layout.cell + layout.gap;
  if (x < 0) return -1;
  const col = Math.floor(x / pitch);
  if (col >= layout.columns || x - col * pitch > layout.cell) return -1;
  for (const g of layout.groups) {
    if (y < g.top || y >= g.top + g.rows * pitch) continue;
    const row = Math.floor((y - g.top) / pitch);
    if (y - g.top - row * pitch > layout.cell) return -1;
    const k = row * layout.columns + col;
    return k < g.count ? g.first + k : -1;
  }
  return -1;
}

/** Slot reached from `slot` by an arrow key, staying inside the grid. */
export function moveSlot(layout: GridLayout, slot: number, key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End'): number {
  const last = layout.order.length - 1;
  if (last < 0) return -1;
  if (slot < 0) return 0;
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, slot - 1);
    case 'ArrowRight':
      return Math.min(last, slot + 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default: {
      const step = key === 'ArrowDown' ? layout.columns : -layout.columns;
      const next = slot + step;
      return next < 0 || next > last ? slot : next;
    }
  }
}

/** Cell size that fits `count` cells into about width x height (at least `min` px). */
export function fitCell(count: number, width: number, height: number, min = 2): number {
  if (count <= 0) return Math.max(min, Math.floor(width));
  return Math.max(min, Math.floor(Math.sqrt((width * height) / count)));
}
