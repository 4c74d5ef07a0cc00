// Labels that come or go among labels that move along y (a legend whose lines
// shift while one line arrives or leaves) switch where no moving label
// crosses their line: one that leaves goes before a label moving into its
// line gets there, one that arrives waits until a label moving out has left.
// A refinement of tween.ts, loaded only by a scrolly whose graphic needs it
// (data-motion-parts="labels"); without it they switch half-way.
import { parts, type ChildrenTween } from './tween.ts';

/** A line of chart text, in px (the charts' 13 px font with its descent): labels closer than this touch. */
const LINE = 14;

/**
 * The stretch of t in which a label moving along y from `a` to `b` comes
 * closer than a line to a still label at `f`; undefined when it never does.
 */
export function overlapSpan(a: number, b: number, f: number): [number, number] | undefined {
  if (a === b) return Math.abs(a - f) < LINE ? [0, 1] : undefined;
  const [t1, t2] = [(f - LINE - a) / (b - a), (f + LINE - a) / (b - a)].sort((x, y) => x - y) as [number, number];
  return t2 <= 0 || t1 >= 1 ? undefined : [Math.max(0, t1), Math.min(1, t2)];
}

const isText = (el: Element) => /^text$/i.test(el.tagName) && el.hasAttribute('y') && isFinite(Number(el.getAttribute('y')));

export function clearLabels({ pairs, onlyA, onlyB, fadeOf, canMove }: ChildrenTween): boolean {
  const moving = pairs.flatMap(([x, y]) => {
    const [p, q] = [Number(x.getAttribute('y')), Number(y.getAttribute('y'))];
    return isText(x) && isText(y) && p !== q && canMove(x, y) ? [[p, q] as const] : [];
  });
  let changed = false;
  for (const [els, entering] of [[onlyA, false], [onlyB, true]] as const) {
    for (const el of els) {
      if (!moving.length || !isText(el)) continue;
      const f = Number(el.getAttribute('y'));
      const spans = moving.flatMap(([p, q]) => {
        const span = overlapSpan(p, q, f);
        return span ? [span] : [];
      });
      if (!spans.length) continue;
      // Out before the first crossing starts, in after the last one ends; half-way if that is later (or earlier).
      fadeOf.get(el)!.at = entering ? Math.max(0.5, ...spans.map((s) => s[1])) : Math.min(0.5, ...spans.map((s) => s[0]));
      changed = true;
    }
  }
  return changed;
}

parts.labels = clearLabels;
