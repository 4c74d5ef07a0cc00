// TaxonomyTree's focus in motion (loaded by TaxonomyTree.client.ts after the
// first scroll, only in a scrolly with motion="scrub" or "step", never under
// reduced motion, on a slide or in a frozen embed). The geometry is
// src/lib/charts/taxonomy-motion.ts; this measures the tree and draws frames
// with CSS transforms on the rows, then removes every trace: the exact state
// of a step is what focusNode makes of it, with or without motion.
//
// step: the step's focus is applied at once (the DOM, and what a screen
// reader finds, is the new state), and its rows are drawn from where they
// were to where they are over STEP_MS.
// scrub: in the gap between two step cards the next branch is opened under
// the current focus (its rows hidden from screen readers until their step),
// and rows, focus mark and scroll follow the reader's progress; at t = 0 the
// tree is put back exactly.
//
// It shares no module with the scrolly motion runtime (src/components/scrolly/motion.ts):
// a shared module would be split out of that chunk into one more request and
// a few hundred bytes of chunk overhead on every page with motion. So the
// motion event is read by name and the easing is written out here; a unit
// test holds both to the runtime's.
import type { MotionState } from '../../lib/scrolly/motion-bridge.ts';
import { treeFrame, type TreeBox, type TreeLayout, type TreeRow } from '../../lib/charts/taxonomy-motion.ts';

const STEP_MS = 400;
/** motion-bridge.ts's MOTION_EVENT. */
export const TREE_MOTION_EVENT = 'scrolly:motion';
/** motion-bridge.ts's easeInOut (smoothstep) on 0..1. */
export const treeEase = (t: number) => t * t * (3 - 2 * t);

interface Measured extends TreeLayout {
  els: Map<string, HTMLElement>;
}

const rowOf = (li: Element) => li.querySelector<HTMLElement>(':scope > details > summary, :scope > .taxonomy-leaf');
const liOf = (tree: HTMLElement, id: string) => Array.from(tree.querySelectorAll<HTMLElement>('li[data-node]')).find((li) => li.dataset['node'] === id);

/** The visible rows of the tree, in its content coordinates (call with no motion drawn). */
function measureTree(tree: HTMLElement): Measured {
  const box = tree.getBoundingClientRect();
  const ox = box.left + tree.clientLeft - tree.scrollLeft;
  const oy = box.top + tree.clientTop - tree.scrollTop;
  const rows: TreeRow[] = [];
  const els = new Map<string, HTMLElement>();
  let focus: TreeBox | undefined;
  for (const li of tree.querySelectorAll<HTMLElement>('li[data-node]')) {
    const row = rowOf(li);
    // Under a closed branch or filtered out by search: not drawn.
    if (!row || li.closest('[hidden], details:not([open])')) continue;
    const r = row.getBoundingClientRect();
    const id = li.dataset['node']!;
    rows.push({ id, y: r.top - oy, parent: li.parentElement?.closest<HTMLElement>('li[data-node]')?.dataset['node'] });
    els.set(id, row);
    if (li.hasAttribute('data-focused')) focus = { x: r.left - ox, y: r.top - oy, w: r.width, h: r.height };
  }
  return { rows, focus, scroll: tree.scrollTop, els };
}

export interface TreeMotionOptions {
  /** The scrolly root (data-scrolly, data-motion). */
  scrolly: HTMLElement;
  tree: HTMLElement;
  /** The node id each step focuses. */
  targets: readonly string[];
  /** Applies a step's exact focus (TaxonomyTree.client.ts's focusNode). */
  focus: (tree: HTMLElement, target: string) => void;
}

/** Starts focus motion; returns what to call on each step change instead of `focus`. */
export function startTreeMotion({ scrolly, tree, targets, focus }: TreeMotionOptions): (step: number) => void {
  const reduced = matchMedia('(prefers-reduced-motion: reduce)');
  const scrub = scrolly.dataset['motion'] === 'scrub';
  const band = document.createElement('li');
  band.className = 'taxonomy-band';
  band.setAttribute('aria-hidden', 'true');
  tree.append(band);
  let from: TreeLayout | undefined;
  let shown: Measured | undefined;
  let pair = '';
  let opened: HTMLDetailsElement[] = [];
  let frame = 0;
  let printing = false;
  const still = () => printing || reduced.matches || scrolly.hasAttribute('data-frozen-step');
  const target = (step: number) => targets[Math.min(Math.max(step, 0), targets.length - 1)]!;

  const draw = (t: number) => {
    const f = treeFrame(from!, shown!, t);
    const at = new Map(shown!.rows.map((r) => [r.id, r.y]));
    for (const [id, r] of f.rows) {
      const el = shown!.els.get(id);
      if (!el) continue;
      const dy = r.y - at.get(id)!;
      el.style.transform = Math.abs(dy) >= 0.05 ? `translateY(${dy.toFixed(1)}px)` : '';
      el.style.opacity = r.opacity < 1 ? r.opacity.toFixed(3) : '';
    }
    const b = f.focus;
    if (b) {
      band.style.transform = `translate(${b.x.toFixed(1)}px,${b.y.toFixed(1)}px)`;
      band.style.width = `${b.w.toFixed(1)}px`;
      band.style.height = `${b.h.toFixed(1)}px`;
      band.style.opacity = b.opacity.toFixed(3);
    }
    tree.scrollTop = f.scroll;
    tree.setAttribute('data-moving', '');
  };

  /** Removes every drawn frame; a branch opened only for the motion closes again unless the focus needs it. */
  const settle = () => {
    cancelAnimationFrame(frame);
    for (const el of shown?.els.values() ?? []) {
      el.style.transform = '';
      el.style.opacity = '';
    }
    tree.removeAttribute('data-moving');
    from = shown = undefined;
    pair = '';
    if (!opened.length) return;
    const focused = tree.querySelector<HTMLElement>('li[data-focused]');
    for (const d of opened) {
      d.open = !!focused && (d.contains(focused) || d.parentElement === focused);
      d.querySelector(':scope > ul')?.removeAttribute('aria-hidden');
    }
    opened = [];
    if (focused) focus(tree, focused.dataset['node']!);
  };

  addEventListener('beforeprint', () => {
    printing = true;
    settle();
  });
  addEventListener('afterprint', () => (printing = false));
  reduced.addEventListener('change', settle);

  if (scrub) {
    const id = scrolly.dataset['scrolly']!;
    document.addEventListener(TREE_MOTION_EVENT, (e) => {
      const { id: of, step, t } = (e as CustomEvent<MotionState>).detail;
      if (of !== id) return;
      const [a, b] = [target(step), target(step + 1)];
      if (t <= 0 || a === b || still()) {
        // Arrived (or back): the step's exact focus.
        if (shown) focus(tree, a);
        return settle();
      }
      if (pair !== `${a}>${b}`) {
        settle();
        const before = measureTree(tree);
        const li = liOf(tree, b);
        const path: HTMLDetailsElement[] = [];
        for (let el = li?.parentElement; el && el !== tree; el = el.parentElement) if (el instanceof HTMLDetailsElement) path.push(el);
        const own = li?.querySelector<HTMLDetailsElement>(':scope > details');
        if (own) path.push(own);
        opened = path.filter((d) => !d.open);
        focus(tree, b);
        const after = measureTree(tree);
        // The focus stays the step's until the step changes; the rows shown
        // only for the motion are not read out before their step.
        tree.querySelector('li[data-focused]')?.removeAttribute('data-focused');
        liOf(tree, a)?.setAttribute('data-focused', '');
        for (const d of opened) d.querySelector(':scope > ul')?.setAttribute('aria-hidden', 'true');
        [from, shown, pair] = [before, after, `${a}>${b}`];
      }
      draw(t);
    });
  }

  let last = tree.querySelector<HTMLElement>('li[data-focused]')?.dataset['node'];
  return (step) => {
    const next = target(step);
    if (scrub || still() || last === undefined || next === last) {
      last = next;
      focus(tree, next);
      return settle();
    }
    last = next;
    settle();
    const before = measureTree(tree);
    focus(tree, next);
    [from, shown] = [before, measureTree(tree)];
    const start = performance.now();
    const tick = (now: number) => {
      const k = (now - start) / STEP_MS;
      if (k >= 1) return settle();
      draw(treeEase(k));
      frame = requestAnimationFrame(tick);
    };
    draw(0);
    frame = requestAnimationFrame(tick);
  };
}
