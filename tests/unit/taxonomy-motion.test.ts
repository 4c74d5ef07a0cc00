// TaxonomyTree's focus motion (src/lib/charts/taxonomy-motion.ts) at
// progress 0, 0.5 and 1, between two layouts of the SYNTHETIC tree: the rows
// a state shows (the root open; then the branch down to a focused node
// opened the way focusNode opens it), one row every ROW px, indented by depth.
import { describe, expect, it } from 'vitest';
import { treeFrame, type TreeLayout } from '../../src/lib/charts/taxonomy-motion.ts';
import { nodeId, pathTo, type TaxonomyNode } from '../../src/lib/charts/taxonomy.ts';
import { syntheticTree } from '../fixtures/charts.ts';

const ROW = 24;
const INDENT = 18;

/** The layout of a state: rows under open nodes in document order, the focused row's box, a scroll offset. */
function layout(root: TaxonomyNode, focused: string, scroll: number): TreeLayout {
  const path = pathTo(root, focused)!.map(nodeId);
  const rows: TreeLayout['rows'][number][] = [];
  let focus: TreeLayout['focus'];
  const walk = (node: TaxonomyNode, depth: number, parent?: string) => {
    const id = nodeId(node);
    const y = rows.length * ROW;
    rows.push({ id, y, parent });
    if (id === focused) focus = { x: depth * INDENT, y, w: 200 - depth * INDENT, h: ROW };
    // The root starts open (openDepth 1); the path to the focus and the focused node's own branch open.
    if (depth === 0 || path.includes(id)) for (const child of node.children ?? []) walk(child, depth + 1, id);
  };
  walk(root, 0);
  return { rows, focus, scroll };
}

const byId = (f: ReturnType<typeof treeFrame>) => Object.fromEntries([...f.rows].map(([id, r]) => [id, r]));

describe('TaxonomyTree focus moves between two steps', () => {
  const a = layout(syntheticTree, 'root', 0);
  const b = layout(syntheticTree, 'a2', 40);

  it('draws the layouts themselves at 0 and 1', () => {
    expect(a.rows.map((r) => r.id)).toEqual(['root', 'a', 'b']);
    expect(b.rows.map((r) => r.id)).toEqual(['root', 'a', 'a1', 'a2', 'a21', 'b']);
    const start = treeFrame(a, b, 0);
    for (const r of a.rows) expect(start.rows.get(r.id)).toEqual({ y: r.y, opacity: 1 });
    expect(start.focus).toEqual({ ...a.focus, opacity: 1 });
    expect(start.scroll).toBe(0);
    const end = treeFrame(a, b, 1);
    for (const r of b.rows) expect(end.rows.get(r.id)).toEqual({ y: r.y, opacity: 1 });
    expect(end.focus).toEqual({ ...b.focus, opacity: 1 });
    expect(end.scroll).toBe(40);
  });

  it('unfolds the opened branch from under the row that opens it', () => {
    const start = byId(treeFrame(a, b, 0));
    // Revealed rows start hidden at their nearest shown ancestor ("animal", y 24).
    for (const id of ['a1', 'a2', 'a21']) expect(start[id]).toEqual({ y: 24, opacity: 0 });
    const mid = byId(treeFrame(a, b, 0.5));
    expect(mid['a1']).toEqual({ y: (24 + 48) / 2, opacity: 0.5 });
    expect(mid['a21']).toEqual({ y: (24 + 96) / 2, opacity: 0.5 });
    // "tool" makes room: half-way between its two places, fully drawn.
    expect(mid['b']).toEqual({ y: (48 + 120) / 2, opacity: 1 });
    expect(mid['root']).toEqual({ y: 0, opacity: 1 });
  });

  it('moves the focus mark and the scroll half-way at 0.5', () => {
    const mid = treeFrame(a, b, 0.5);
    expect(mid.focus).toEqual({ x: INDENT, y: 36, w: 200 - INDENT, h: ROW, opacity: 1 });
    expect(mid.scroll).toBe(20);
  });

  it('folds rows back into their ancestor when a branch closes (running back)', () => {
    const mid = byId(treeFrame(b, a, 0.5));
    expect(mid['a21']).toEqual({ y: (96 + 24) / 2, opacity: 0.5 });
    expect(byId(treeFrame(b, a, 1))['a21']).toEqual({ y: 24, opacity: 0 });
    expect(byId(treeFrame(b, a, 1))['b']).toEqual({ y: 48, opacity: 1 });
  });

  it('fades the mark in when only one state has a focus, and clamps progress', () => {
    const none = { ...a, focus: undefined };
    expect(treeFrame(none, b, 0.5).focus).toEqual({ ...b.focus, opacity: 0.5 });
    expect(treeFrame(a, b, 2).scroll).toBe(40);
    expect(treeFrame(a, b, -1).scroll).toBe(0);
  });
});

describe('TaxonomyTree.motion.ts keeps to the scrolly motion runtime', () => {
  it('listens to the runtime motion event and eases like it (it imports neither, to stay out of its chunk)', async () => {
    const { TREE_MOTION_EVENT, treeEase } = await import('../../src/components/charts/TaxonomyTree.motion.ts');
    const { MOTION_EVENT } = await import('../../src/lib/scrolly/motion-bridge.ts');
    const { easeInOut } = await import('../../src/lib/scrolly/motion-bridge.ts');
    expect(TREE_MOTION_EVENT).toBe(MOTION_EVENT);
    for (const t of [0, 0.1, 0.25, 0.5, 0.8, 1]) expect(treeEase(t)).toBeCloseTo(easeInOut(t), 12);
  });
});
