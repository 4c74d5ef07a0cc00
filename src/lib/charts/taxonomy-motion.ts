// Geometry of TaxonomyTree's focus motion (pure, unit-tested; the DOM side is
// src/components/charts/TaxonomyTree.motion.ts). A step that focuses another
// branch opens it, marks its node and scrolls the tree to it. Motion shows
// that change instead of jumping: rows that stay slide to their new places,
// rows the step reveals unfold from under the row that opens them (and rows
// that disappear fold back into theirs), the focus mark travels from the old
// node's row to the new one's, and the tree's own scroll eases along.
// Positions are in the tree's content coordinates (scroll included), so one
// frame is a row position plus one scroll offset.

/** Where a row sits: its top in the tree's content, and its parent node's id. */
export interface TreeRow {
  id: string;
  y: number;
  parent?: string | undefined;
}

/** A rectangle in the tree's content (the focused row's outline). */
export interface TreeBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One state of the tree as laid out: its visible rows, the focused row's box and the scroll offset. */
export interface TreeLayout {
  rows: readonly TreeRow[];
  focus?: TreeBox | undefined;
  scroll: number;
}

/** A frame between two layouts: each row's top and opacity, the focus box and its opacity, the scroll. */
export interface TreeFrame {
  rows: Map<string, { y: number; opacity: number }>;
  focus?: (TreeBox & { opacity: number }) | undefined;
  scroll: number;
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

/** The top of `id`'s nearest ancestor that `at` shows (a row folds into it, or unfolds from it). */
function anchorY(id: string, parents: Map<string, string | undefined>, at: Map<string, number>): number | undefined {
  for (let p = parents.get(id); p !== undefined; p = parents.get(p)) {
    const y = at.get(p);
    if (y !== undefined) return y;
  }
  return undefined;
}

/**
 * The tree at t of the way from layout `a` (t = 0, exactly `a`) to layout
 * `b` (t = 1, exactly `b`). Rows only `b` shows come out of their nearest
 * ancestor that `a` shows, fading in; rows only `a` shows go into their
 * nearest ancestor that `b` shows, fading out. The focus box moves (and
 * fades in or out when one side has no focus).
 */
export function treeFrame(a: TreeLayout, b: TreeLayout, t: number): TreeFrame {
  const k = Math.min(1, Math.max(0, t));
  const ya = new Map(a.rows.map((r) => [r.id, r.y]));
  const yb = new Map(b.rows.map((r) => [r.id, r.y]));
  const parents = new Map<string, string | undefined>([...a.rows, ...b.rows].map((r) => [r.id, r.parent]));
  const rows = new Map<string, { y: number; opacity: number }>();
  for (const r of b.rows) {
    const from = ya.get(r.id);
    if (from !== undefined) rows.set(r.id, { y: lerp(from, r.y, k), opacity: 1 });
    else rows.set(r.id, { y: lerp(anchorY(r.id, parents, ya) ?? r.y, r.y, k), opacity: k });
  }
  for (const r of a.rows) {
    if (yb.has(r.id)) continue;
    rows.set(r.id, { y: lerp(r.y, anchorY(r.id, parents, yb) ?? r.y, k), opacity: 1 - k });
  }
  const [fa, fb] = [a.focus, b.focus];
  const focus = fa && fb
    ? { x: lerp(fa.x, fb.x, k), y: lerp(fa.y, fb.y, k), w: lerp(fa.w, fb.w, k), h: lerp(fa.h, fb.h, k), opacity: 1 }
    : fa ? { ...fa, opacity: 1 - k } : fb ? { ...fb, opacity: k } : undefined;
  return { rows, focus, scroll: lerp(a.scroll, b.scroll, k) };
}
