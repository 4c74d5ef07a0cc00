// Paths whose commands differ (a histogram whose bins change, a line that
// gains a peak) morph instead of cross-fading: both are read as polylines and
// resampled at the union of their corners. A refinement of tween.ts, loaded
// only by a scrolly whose graphic needs it (data-motion-parts="morph").
import { lerp, parts, splitNumbers, tidy } from './tween.ts';

type Pt = [number, number];

/**
 * A path's subpaths as polylines in absolute coordinates (M, L, H, V, Z in
 * both cases; a curve or arc counts as a straight line to its end point, a
 * close enough shape for the in-between frames: the end states are the
 * pre-rendered SVG); each subpath notes whether it closes.
 */
export function pathPoints(d: string): { pts: Pt[]; closed: boolean }[] {
  const out: { pts: Pt[]; closed: boolean }[] = [];
  const arity: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7 };
  let cur: Pt = [0, 0];
  let sub: { pts: Pt[]; closed: boolean } | undefined;
  for (const [, cmd, args] of d.matchAll(/([a-z])([^a-z]*)/gi)) {
    let c = cmd!.toLowerCase();
    const rel = c === cmd;
    if (c === 'z') {
      if (sub) {
        sub.closed = true;
        sub.pts.push(sub.pts[0]!);
      }
      cur = sub?.pts[0] ?? cur;
      sub = undefined;
      continue;
    }
    const nums = splitNumbers(args!).numbers;
    const n = arity[c]!;
    for (let i = 0; i + n <= nums.length; i += n) {
      const p = (k: number): Pt => [nums[i + k]! + (rel ? cur[0] : 0), nums[i + k + 1]! + (rel ? cur[1] : 0)];
      const end: Pt = c === 'h' ? [nums[i]! + (rel ? cur[0] : 0), cur[1]] : c === 'v' ? [cur[0], nums[i]! + (rel ? cur[1] : 0)] : p(n - 2);
      if (c === 'm') {
        out.push((sub = { pts: [end], closed: false }));
        // Further pairs after M are line-tos.
        c = 'l';
      } else (sub ??= (out.push({ pts: [cur], closed: false }), out.at(-1)!)).pts.push(end);
      cur = end;
    }
  }
  return out;
}

/** Fractions of the way along a polyline at each of its points (0 .. 1). */
function fractions(pts: Pt[]): number[] {
  let total = 0;
  const at = pts.map((p, i) => (total += i ? Math.hypot(p[0] - pts[i - 1]![0], p[1] - pts[i - 1]![1]) : 0));
  return at.map((x, i) => (total ? x / total : i / Math.max(1, pts.length - 1)));
}

/** The point a fraction f of the way along a polyline. */
function pointAt(pts: Pt[], fs: number[], f: number): Pt {
  let i = 1;
  while (i < pts.length - 1 && fs[i]! < f) i++;
  const [a, b] = [pts[i - 1] ?? pts[0]!, pts[i] ?? pts[0]!];
  const k = fs[i]! > fs[i - 1]! ? (f - fs[i - 1]!) / (fs[i]! - fs[i - 1]!) : 0;
  return [lerp(a[0], b[0], k), lerp(a[1], b[1], k)];
}

/**
 * Morphs between two paths whose commands differ: both are resampled at the
 * union of their corners' fractions of length, so each end keeps its shape,
 * and subpaths pair in order (the fewer repeat to match the more). Returns
 * the path at t, or undefined when either path draws nothing.
 */
export function pathMorph(a: string, b: string): ((t: number) => string) | undefined {
  const [pa, pb] = [pathPoints(a), pathPoints(b)];
  if (!pa.length || !pb.length) return undefined;
  const count = Math.max(pa.length, pb.length);
  const subs = Array.from({ length: count }, (_, i) => {
    const [sa, sb] = [pa[Math.floor((i * pa.length) / count)]!, pb[Math.floor((i * pb.length) / count)]!];
    const [fa, fb] = [fractions(sa.pts), fractions(sb.pts)];
    const fs = [...new Set([...fa, ...fb])].sort((x, y) => x - y);
    return { from: fs.map((f) => pointAt(sa.pts, fa, f)), to: fs.map((f) => pointAt(sb.pts, fb, f)), z: sa.closed || sb.closed };
  });
  return (t) =>
    subs.map((s) => 'M' + s.from.map((p, i) => `${tidy(lerp(p[0], s.to[i]![0], t))},${tidy(lerp(p[1], s.to[i]![1], t))}`).join('L') + (s.z ? 'Z' : '')).join('');
}

parts.morph = pathMorph;
