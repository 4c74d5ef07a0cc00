// Motion between two pre-rendered states of a graphic: the state on screen is
// moved, mark by mark, toward another state (t = 0: itself, t = 1: looks like
// the other). Marks are paired by data-key when both sides have keys, else by
// tag and order among siblings. Paired marks interpolate their geometry
// (numbers; path data move number by number where their commands match and
// are resampled along their length where they don't), colours and opacity; a
// mark only one side has fades out while the other side's copy fades in. An
// axis whose scale changes (a group with data-axis, ticks keyed by label)
// moves like d3's: shared ticks slide to their new places, and ticks only one
// side has slide with the scale while they fade. Uses only the standard
// Element API, so it runs on linkedom in unit tests. The exact end states stay the pre-rendered SVGs:
// reset() puts every touched attribute back.

/** Attributes that move; every other attribute keeps the shown state's value. */
const MOVING = new Set([
  'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'd', 'transform', 'points',
  'dx', 'dy', 'opacity', 'fill-opacity', 'stroke-opacity', 'fill', 'stroke', 'stroke-width',
]);
/** What an absent attribute means, where it can still be interpolated from. */
const ABSENT: Record<string, string> = { opacity: '1', 'fill-opacity': '1', 'stroke-opacity': '1' };
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

/** Splits a value into its numbers and the text around them ("M1,2h3" -> ["M", ",", "h", ""] and [1, 2, 3]). */
export function splitNumbers(value: string): { text: string[]; numbers: number[] } {
  const numbers: number[] = [];
  const text = value.split(NUMBER);
  for (const m of value.matchAll(NUMBER)) numbers.push(Number(m[0]));
  return { text, numbers };
}

/** #rgb, #rrggbb or rgb(r, g, b) as [r, g, b]; undefined for anything else (none, url(...), names). */
export function parseColor(value: string): [number, number, number] | undefined {
  const v = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v);
  if (hex) {
    const h = hex[1]!.length === 3 ? hex[1]!.replace(/./g, (c) => c + c) : hex[1]!;
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(v);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : undefined;
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
const tidy = (n: number) => String(Math.round(n * 100) / 100);

/**
 * The value of an attribute at t between `a` and `b`: colours blend, values
 * with the same text between their numbers (same path commands, same
 * transform functions) move number by number. Undefined when the two cannot
 * be interpolated (then the caller cross-fades the mark).
 */
export function interpolateValue(a: string, b: string, t: number): string | undefined {
  if (a === b) return a;
  const ca = parseColor(a);
  const cb = parseColor(b);
  if (ca && cb) return `rgb(${ca.map((c, i) => Math.round(lerp(c, cb[i]!, t))).join(',')})`;
  const sa = splitNumbers(a);
  const sb = splitNumbers(b);
  if (sa.numbers.length === 0 || sa.numbers.length !== sb.numbers.length || sa.text.join('|') !== sb.text.join('|')) return undefined;
  let out = sa.text[0]!;
  sa.numbers.forEach((n, i) => (out += tidy(lerp(n, sb.numbers[i]!, t)) + sa.text[i + 1]!));
  return out;
}

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

interface AttributeMove {
  el: Element;
  name: string;
  from: string | null;
  to: string | null;
  /** Paths whose commands differ move along this morph. */
  at?: ((t: number) => string) | undefined;
}
interface Fade {
  el: Element;
  /** Fades in (a copy of the other state's mark) or out (a mark of the shown state). */
  entering: boolean;
  /**
   * How: 'cross' fades over the whole way; words 'swap' half-way (two
   * half-faded labels in one place read as a smudge, and a label fading out
   * before its successor fades in leaves a row unnamed); a <use> overlay,
   * which repeats a labelled node over itself, 'hands' over: out in the first
   * half, in over the second.
   */
  how: 'cross' | 'swap' | 'hand';
  /**
   * Where a swapped word switches (default 0.5): a label that leaves goes
   * before a sibling label moving into its line gets there, and one that
   * arrives waits until a sibling moving out of its line has left (a legend
   * whose lines shift while one line comes or goes).
   */
  at?: number;
  /** The element's style attribute before the tween (null: none), restored by reset(). */
  before: string | null;
}
interface TextSwap {
  el: Element;
  from: string;
  to: string;
}

export interface Tween {
  /** Draws the shown state at t (0: itself, 1: the other state's look). */
  apply(t: number): void;
  /** Puts the shown state back exactly as rendered; removes the copies. */
  reset(): void;
  /** What the tween does, for tests: attributes that move, marks that fade. */
  readonly moves: number;
  readonly fades: number;
}

const keyOf = (el: Element) => el.getAttribute('data-key');

/** Pairs the children of two elements: by data-key when both sides use keys, else by tag and order. */
export function pairChildren(a: Element, b: Element): { pairs: [Element, Element][]; onlyA: Element[]; onlyB: Element[] } {
  const ca = Array.from(a.children);
  const cb = Array.from(b.children);
  const keyed = ca.some(keyOf) && cb.some(keyOf);
  const slot = (el: Element, seen: Map<string, number>) => {
    // A key names a datum; its swatch and its label may share it.
    if (keyed && keyOf(el)) return `#${el.tagName}:${keyOf(el)}`;
    const tag = el.tagName.toLowerCase();
    // A <use> is the mark it points to (the lineage graph's highlight overlay).
    if (tag === 'use') return `use:${el.getAttribute('href')}`;
    const k = seen.get(tag) ?? 0;
    seen.set(tag, k + 1);
    return `${tag}:${k}`;
  };
  const seenB = new Map<string, number>();
  const byB = new Map(cb.map((el) => [slot(el, seenB), el] as const));
  const seenA = new Map<string, number>();
  const pairs: [Element, Element][] = [];
  const onlyA: Element[] = [];
  for (const el of ca) {
    const s = slot(el, seenA);
    const other = byB.get(s);
    if (other) {
      pairs.push([el, other]);
      byB.delete(s);
    } else onlyA.push(el);
  }
  return { pairs, onlyA, onlyB: [...byB.values()] };
}

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

/** Attributes that name or label a state rather than draw it. */
const IDENTITY = /^(id|style|role|aria-.*|data-state.*)$/;

/**
 * Whether a pair is one mark in two places: same tag, same paint and text
 * settings, and moving attributes that interpolate (else the pair cross-fades:
 * a <use> of another node, a label turning bold, a path with other commands).
 */
function canMove(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName) return false;
  const names = new Set([...Array.from(a.attributes), ...Array.from(b.attributes)].map((x) => x.name));
  for (const name of names) {
    if (IDENTITY.test(name)) continue;
    const va = a.getAttribute(name) ?? ABSENT[name] ?? null;
    const vb = b.getAttribute(name) ?? ABSENT[name] ?? null;
    if (va === vb) continue;
    if (!MOVING.has(name) || va === null || vb === null || (interpolateValue(va, vb, 0.5) ?? (name === 'd' && pathMorph(va, vb))) === undefined) return false;
  }
  return true;
}

/** An element's copy without ids (they would repeat in the page). */
function copyOf(el: Element): Element {
  const copy = el.cloneNode(true) as Element;
  for (const node of [copy, ...Array.from(copy.querySelectorAll('[id]'))]) node.removeAttribute('id');
  copy.setAttribute('data-motion-copy', '');
  return copy;
}

/**
 * Prepares motion from the state `shown` (an element on screen) toward the
 * state `other` (a hidden sibling state of the same graphic). Nothing changes
 * until apply(); `other` is only read.
 */
export function tweenToward(shown: Element, other: Element): Tween {
  const moves: AttributeMove[] = [];
  const fades: Fade[] = [];
  const texts: TextSwap[] = [];
  const copies: { parent: Element; copy: Element }[] = [];
  const only = (el: Element, tag: RegExp): boolean => tag.test(el.tagName) || (el.children.length > 0 && Array.from(el.children).every((c) => only(c, tag)));
  // An axis tick fades over the whole way: it is moving, so it never sits on its successor.
  const how = (el: Element): Fade['how'] => (el.parentElement?.hasAttribute('data-axis') ? 'cross' : only(el, /^text$/i) ? 'swap' : only(el, /^use$/i) ? 'hand' : 'cross');
  const fadeOut = (el: Element) => fades.push({ el, entering: false, how: how(el), before: el.getAttribute('style') });
  const fadeIn = (el: Element, parent: Element) => {
    const copy = copyOf(el);
    copies.push({ parent, copy });
    fades.push({ el: copy, entering: true, how: how(el), before: null });
    return copy;
  };
  const walk = (a: Element, b: Element) => {
    for (const name of MOVING) {
      const from = a.getAttribute(name);
      const to = b.getAttribute(name);
      if (from !== to) moves.push({ el: a, name, from, to, at: name === 'd' && from && to && interpolateValue(from, to, 0) === undefined ? pathMorph(from, to) : undefined });
    }
    if (a.children.length === 0 && b.children.length === 0) {
      const from = a.textContent ?? '';
      const to = b.textContent ?? '';
      if (from !== to && /^(text|tspan)$/i.test(a.tagName)) texts.push({ el: a, from, to });
      return;
    }
    const { pairs, onlyA, onlyB } = pairChildren(a, b);
    for (const [x, y] of pairs) {
      if (canMove(x, y)) walk(x, y);
      else {
        fadeOut(x);
        fadeIn(y, a);
      }
    }
    // Ticks of a changing scale: the ones leaving go where the new scale puts
    // their value, the ones arriving come from where the old scale had it.
    const axis = a.getAttribute('data-axis');
    const map = axis && axis === b.getAttribute('data-axis')
      ? axisMap(pairs.flatMap(([x, y]) => {
          const [p, q] = [positionOn(x, axis), positionOn(y, axis)];
          return p === undefined || q === undefined ? [] : [[p, q] as [number, number]];
        }))
      : undefined;
    // Labels moving along y among these children: a label that comes or
    // goes switches where none of them crosses its line.
    const movingYs = pairs.flatMap(([x, y]) => {
      const [p, q] = [Number(x.getAttribute('y')), Number(y.getAttribute('y'))];
      return /^text$/i.test(x.tagName) && x.tagName === y.tagName && p !== q && isFinite(p) && isFinite(q) && x.hasAttribute('y') && y.hasAttribute('y') && canMove(x, y) ? [[p, q] as const] : [];
    });
    const clear = (el: Element, entering: boolean) => {
      const f = Number(el.getAttribute('y'));
      if (!movingYs.length || !/^text$/i.test(el.tagName) || !el.hasAttribute('y') || !isFinite(f)) return;
      const spans = movingYs.flatMap(([p, q]) => {
        const span = overlapSpan(p, q, f);
        return span ? [span] : [];
      });
      if (!spans.length) return;
      const fade = fades.at(-1)!;
      // Out before the first crossing starts, in after the last one ends; half-way if that is later (or earlier).
      fade.at = entering ? Math.max(0.5, ...spans.map((s) => s[1])) : Math.min(0.5, ...spans.map((s) => s[0]));
    };
    for (const x of onlyA) {
      fadeOut(x);
      clear(x, false);
      if (map) for (const [name, v, write] of placing(x, axis!)) moves.push({ el: x, name, from: x.getAttribute(name), to: write(map.to(v)) });
    }
    for (const y of onlyB) {
      const copy = fadeIn(y, a);
      clear(y, true);
      if (map) for (const [name, v, write] of placing(y, axis!)) moves.push({ el: copy, name, from: write(map.back(v)), to: y.getAttribute(name) });
    }
  };
  walk(shown, other);
  let inserted = false;

  return {
    moves: moves.length,
    fades: fades.length,
    apply(t) {
      if (!inserted) {
        for (const { parent, copy } of copies) parent.append(copy);
        inserted = true;
      }
      for (const m of moves) {
        const [from, to] = [m.from ?? ABSENT[m.name] ?? null, m.to ?? ABSENT[m.name] ?? null];
        const value = m.at ? m.at(t) : from !== null && to !== null ? interpolateValue(from, to, t)! : t < 0.5 ? from : to;
        if (value === null) m.el.removeAttribute(m.name);
        else m.el.setAttribute(m.name, value);
      }
      for (const f of fades) {
        const shown = f.entering ? t : 1 - t;
        const at = f.at ?? 0.5;
        const opacity = f.how === 'swap' ? ((f.entering ? t >= at : t < at) ? 1 : 0) : f.how === 'hand' ? Math.max(0, 2 * shown - 1) : shown;
        styleOf(f.el).opacity = tidy(opacity);
      }
      for (const s of texts) s.el.textContent = t < 0.5 ? s.from : s.to;
    },
    reset() {
      for (const m of moves) {
        if (m.from === null) m.el.removeAttribute(m.name);
        else m.el.setAttribute(m.name, m.from);
      }
      for (const f of fades) {
        if (f.entering) continue;
        styleOf(f.el).opacity = '';
        if (f.before === null) f.el.removeAttribute('style');
      }
      for (const s of texts) s.el.textContent = s.from;
      for (const { copy } of copies) copy.remove();
      inserted = false;
    },
  };
}

// SVG and HTML elements both carry a CSSStyleDeclaration (CSSOM writes are
// allowed by the site's CSP, unlike style attributes in markup).
function styleOf(el: Element): { opacity: string } {
  return (el as unknown as { style: { opacity: string } }).style;
}
