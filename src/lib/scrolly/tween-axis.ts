// An axis whose scale changes (a group with data-axis, ticks keyed by label)
// moves like d3's: shared ticks slide to their new places (the core does that,
// they are paired marks), and ticks only one side has slide with the scale
// while they fade. A refinement of tween.ts, loaded only by a scrolly whose
// graphic needs it (data-motion-parts="axis").
import { parts, tidy, type ChildrenTween } from './tween.ts';

/**
 * The attributes that place an axis tick along its axis (its translate, else
 * x1/x2/x/cx or the y ones), each with its position and a writer for a new one.
 */
function placing(el: Element, axis: string): [string, number, (v: number) => string][] {
  const out: [string, number, (v: number) => string][] = [];
  const tr = /^translate\(([^,\s]+)[,\s]+([^)]+)\)$/.exec(el.getAttribute('transform') ?? '');
  const y = axis === 'y';
  if (tr) out.push(['transform', +tr[y ? 2 : 1]!, (v) => `translate(${y ? tr[1] : tidy(v)},${y ? tidy(v) : tr[2]})`]);
  for (const name of [`${axis}1`, `${axis}2`, axis, `c${axis}`]) {
    const v = el.getAttribute(name);
    if (v && isFinite(+v)) out.push([name, +v, tidy]);
  }
  return out;
}

/** Where an axis tick sits along its axis. */
export const positionOn = (el: Element, axis: string): number | undefined => placing(el, axis)[0]?.[1];

/**
 * How positions along an axis change between two states, from the ticks both
 * have ([old, new] positions): two scales of one kind (both linear, or both
 * log) differ by a scale and a shift, fitted here to the outermost shared
 * ticks. Returns the map and its inverse; undefined with fewer than two
 * distinct ticks.
 */
export function axisMap(shared: readonly [number, number][]): { to: (v: number) => number; back: (v: number) => number } | undefined {
  const sorted = [...shared].sort((p, q) => p[0] - q[0]);
  const [[a0, b0], [a1, b1]] = [sorted[0] ?? [0, 0], sorted.at(-1) ?? [0, 0]];
  const k = (b1 - b0) / (a1 - a0);
  if (!(Math.abs(k) > 1e-6 && isFinite(k))) return undefined;
  return { to: (v) => b0 + (v - a0) * k, back: (v) => a0 + (v - b0) / k };
}

/**
 * Ticks of a changing scale: the ones leaving go where the new scale puts
 * their value, the ones arriving come from where the old scale had it.
 */
export function easeAxis({ a, b, pairs, onlyA, onlyB, copyOf, move }: ChildrenTween): boolean {
  const axis = a.getAttribute('data-axis');
  if (!axis || axis !== b.getAttribute('data-axis')) return false;
  const map = axisMap(pairs.flatMap(([x, y]) => {
    const [p, q] = [positionOn(x, axis), positionOn(y, axis)];
    return p === undefined || q === undefined ? [] : [[p, q] as [number, number]];
  }));
  if (!map) return false;
  for (const x of onlyA) for (const [name, v, write] of placing(x, axis)) move(x, name, x.getAttribute(name), write(map.to(v)));
  for (const y of onlyB) for (const [name, v, write] of placing(y, axis)) move(copyOf.get(y)!, name, write(map.back(v)), y.getAttribute(name));
  return true;
}

parts.axis = easeAxis;
