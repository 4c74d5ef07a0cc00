// Build-time rendering helpers for <Scrolly>: number the steps in the order
// they were written, and pre-mark a graphic's states for a given step (the
// no-JavaScript state of the essay, and every slide of the presentation).
import { parseHTML } from 'linkedom';
import { movingStateGroups } from './motion-groups.ts';
import { applyStates } from './states.ts';
import { tweenToward, type PartName } from './tween-all.ts';

/** Rendered graphic HTML inside a fresh linkedom document, for reading and marking its states at build time. */
function mountGraphic(html: string): Element {
  const { document } = parseHTML('<!doctype html><html><body><div id="graphic-root"></div></body></html>');
  const root = document.getElementById('graphic-root')!;
  root.innerHTML = html;
  return root as unknown as Element;
}

/** The attribute <Step> renders so <Scrolly> can number its steps in order. */
export const STEP_MARKER = 'data-scrolly-step-marker';
const MARKER_TAG = new RegExp(`<div ${STEP_MARKER}(?:="")?(?=[\\s>])`, 'g');

/**
 * Replaces every <Step> marker in `html` with `data-step="<n>"` (0-based) and
 * the deep-link id `<scrollyId>-<n>`. Returns the new HTML and the step count.
 */
export function numberSteps(html: string, scrollyId: string): { html: string; count: number } {
  let count = 0;
  const out = html.replace(MARKER_TAG, () => {
    const n = count++;
    return `<div data-step="${n}" id="${scrollyId}-${n}"`;
  });
  return { html: out, count };
}

/** Whether rendered HTML already contains a scrolly root (scrollies cannot nest). */
export function containsScrolly(html: string): boolean {
  return /<[a-z][^>]*\sdata-scrolly="/i.test(html);
}

/**
 * Marks the states of a rendered graphic for `step` (see states.ts). HTML
 * without `data-state` is returned untouched, byte for byte.
 */
export function markStatesInHtml(html: string, step: number): string {
  if (!html.includes('data-state')) return html;
  const root = mountGraphic(html);
  applyStates(root, step);
  return root.innerHTML;
}

/** The steps at which states of a rendered graphic start (every data-state="<n>", sorted, distinct). */
export function stateSteps(html: string): number[] {
  const found = new Set<number>();
  for (const m of html.matchAll(/\sdata-state="(\d+)"/g)) found.add(Number(m[1]));
  return [...found].sort((a, b) => a - b);
}

/**
 * What is wrong when a graphic's states do not fit a scrolly of `stepCount`
 * steps: a state that starts at a step that does not exist can never show.
 */
export function statesBeyondSteps(html: string, stepCount: number): string | undefined {
  const beyond = stateSteps(html).filter((n) => n >= stepCount);
  if (!beyond.length) return undefined;
  return `has ${stepCount} <Step>${stepCount === 1 ? '' : 's'} (steps 0 to ${stepCount - 1}) but its graphic has a state for step ${beyond.join(', ')}, which can never show`;
}

/**
 * The refinements of tween.ts (tween-morph, tween-axis, tween-labels) that
 * motion between any two states of a rendered graphic uses, so a page loads
 * only those: every ordered pair, since a timed scrolly jumps between
 * non-adjacent states when the reader follows a link.
 */
export function motionParts(html: string): PartName[] {
  if (!html.includes('data-state')) return [];
  const used = new Set<PartName>();
  for (const group of movingStateGroups(mountGraphic(html))) {
    for (const a of group) for (const b of group) if (a !== b) for (const part of tweenToward(a.el, b.el).uses) used.add(part);
  }
  return [...used].sort();
}
