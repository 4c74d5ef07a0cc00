// Motion between two pre-rendered states of a graphic: the state on screen is
// moved, mark by mark, toward another state (t = 0: itself, t = 1: looks like
// the other). Marks are paired by data-key when both sides have keys, else by
// tag and order among siblings. Paired marks interpolate their geometry
// (numbers, where the text between them matches), colours and opacity; a mark
// only one side has fades out while the other side's copy fades in. Uses only
// the standard Element API, so it runs on linkedom in unit tests and at build
// time. The exact end states stay the pre-rendered SVGs: reset() puts every
// touched attribute back.
//
// This is the shared core every page with motion loads. Three refinements
// live in chunks of their own, loaded only by a scrolly whose graphic needs
// them (the build records which in data-motion-parts, see motionParts in
// render.ts): tween-morph.ts (paths whose commands differ), tween-axis.ts
// (axes that ease to a new domain) and tween-labels.ts (labels that come or go
// switch clear of moving ones). Without one, the mark it would refine
// cross-fades or switches half-way, as before.

/** Attributes that move; every other attribute keeps the shown state's value. */
const MOVING = /^([xy][12]?|[cd][xy]|r[xy]?|d|width|height|transform|points|opacity|(fill|stroke)(-opacity)?|stroke-width)$/;
/** What an absent attribute means, where it can still be interpolated from. */
const ABSENT: Record<string, string> = { opacity: '1', 'fill-opacity': '1', 'stroke-opacity': '1' };
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

/** Splits a value into its numbers and the text around them ("M1,2h3" -> ["M", ",", "h", ""] and [1, 2, 3]). */
export function splitNumbers(value: string): { text: string[]; numbers: number[] } {
  return { text: value.split(NUMBER), numbers: (value.match(NUMBER) ?? []).map(Number) };
}

export const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
export const tidy = (n: number) => String(Math.round(n * 100) / 100);

/** A colour as rgb(r,g,b) (#rgb and #rrggbb spelled out, spaces dropped), so colours interpolate number by number; other values as they are. */
function rgb(value: string): string {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(value)?.[1];
  if (hex) return `rgb(${[0, 1, 2].map((i) => parseInt(hex.length > 3 ? hex.slice(2 * i, 2 * i + 2) : hex[i]!.repeat(2), 16))})`;
  return value.startsWith('rgb(') ? value.replace(/\s/g, '') : value;
}

/**
 * The value of an attribute at t between `a` and `b`: colours blend, values
 * with the same text between their numbers (same path commands, same
 * transform functions) move number by number. Undefined when the two cannot
 * be interpolated (then the caller cross-fades the mark).
 */
export function interpolateValue(a: string, b: string, t: number): string | undefined {
  if (a === b) return a;
  const [sa, sb] = [splitNumbers(rgb(a)), splitNumbers(rgb(b))];
  if (!sa.numbers.length || sa.text.join() !== sb.text.join() || sa.numbers.length !== sb.numbers.length) return undefined;
  // Colour channels are whole numbers.
  const round = sa.text[0] === 'rgb(' ? (n: number) => String(Math.round(n)) : tidy;
  return sa.text.reduce((out, text, i) => out + (i ? round(lerp(sa.numbers[i - 1]!, sb.numbers[i - 1]!, t)) : '') + text, '');
}

/** A refinement's view of one pair of parents being tweened (their children paired). */
export interface ChildrenTween {
  a: Element;
  b: Element;
  pairs: [Element, Element][];
  onlyA: Element[];
  onlyB: Element[];
  /** The copy of an onlyB element that fades in under `a`. */
  copyOf: Map<Element, Element>;
  /** The fade of an onlyA element, or of an onlyB element's copy. */
  fadeOf: Map<Element, Fade>;
  move(el: Element, name: string, from: string | null, to: string | null): void;
  canMove(a: Element, b: Element): boolean;
}

/** The refinements loaded so far; each returns whether it changed anything. */
export const parts: {
  morph?: (a: string, b: string) => ((t: number) => string) | undefined;
  axis?: (c: ChildrenTween) => boolean;
  labels?: (c: ChildrenTween) => boolean;
} = {};
export type PartName = keyof typeof parts;

/**
 * A mark fading in (a copy of the other state's mark) or out (a mark of the
 * shown state). A word that comes or goes switches at `at` (default
 * half-way: two half-faded labels in one place read as a smudge, and a label
 * fading out before its successor fades in leaves a row unnamed);
 * tween-labels.ts moves the switch clear of labels that move past.
 */
export interface Fade {
  at: number;
}

export interface Tween {
  /** Draws the shown state at t (0: itself, 1: the other state's look). */
  apply(t: number): void;
  /** Puts the shown state back exactly as rendered; removes the copies. */
  reset(): void;
  /** What the tween does, for tests: attributes that move, marks that fade. */
  readonly moves: number;
  readonly fades: number;
  /** The refinements this tween used (the build asks, to list a scrolly's parts). */
  readonly uses: ReadonlySet<PartName>;
}

const keyOf = (el: Element) => el.getAttribute('data-key');

/** Pairs the children of two elements: by data-key when both sides use keys, else by tag and order. */
export function pairChildren(a: Element, b: Element): { pairs: [Element, Element][]; onlyA: Element[]; onlyB: Element[] } {
  const [ca, cb] = [Array.from(a.children), Array.from(b.children)];
  const keyed = ca.some(keyOf) && cb.some(keyOf);
  const slots = (els: Element[]) => {
    const seen: Record<string, number> = {};
    return els.map((el) => {
      const tag = el.tagName.toLowerCase();
      // A key names a datum (its swatch and its label may share it); a <use>
      // is the mark it points to (the lineage graph's highlight overlay).
      if (keyed && keyOf(el)) return `#${tag}:${keyOf(el)}`;
      if (tag === 'use') return `use:${el.getAttribute('href')}`;
      return `${tag}:${(seen[tag] = (seen[tag] ?? -1) + 1)}`;
    });
  };
  const byB = new Map(slots(cb).map((slot, i) => [slot, cb[i]!]));
  const pairs: [Element, Element][] = [];
  const onlyA: Element[] = [];
  slots(ca).forEach((slot, i) => {
    const other = byB.get(slot);
    if (other) pairs.push([ca[i]!, other]);
    else onlyA.push(ca[i]!);
    byB.delete(slot);
  });
  return { pairs, onlyA, onlyB: [...byB.values()] };
}

/** Attributes that name or label a state rather than draw it. */
const IDENTITY = /^(id|style|role|aria-.*|data-state.*)$/;

const names = (a: Element, b: Element) => new Set([...a.getAttributeNames(), ...b.getAttributeNames()]);

/**
 * Whether a pair is one mark in two places: same tag, same paint and text
 * settings, and moving attributes that interpolate (else the pair cross-fades:
 * a <use> of another node, a label turning bold, a path with other commands).
 */
function canMove(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName) return false;
  for (const name of names(a, b)) {
    const [va, vb] = [a.getAttribute(name) ?? ABSENT[name], b.getAttribute(name) ?? ABSENT[name]];
    if (va === vb || IDENTITY.test(name)) continue;
    if (!MOVING.test(name) || !va || !vb || !(interpolateValue(va, vb, 0.5) ?? (name === 'd' && parts.morph?.(va, vb)))) return false;
  }
  return true;
}

// SVG and HTML elements both carry a CSSStyleDeclaration (CSSOM writes are
// allowed by the site's CSP, unlike style attributes in markup).
const styleOf = (el: Element) => (el as unknown as { style: { opacity: string } }).style;
const set = (el: Element, name: string, value: string | null | undefined) => (value == null ? el.removeAttribute(name) : el.setAttribute(name, value));

/**
 * Prepares motion from the state `shown` (an element on screen) toward the
 * state `other` (a hidden sibling state of the same graphic). Nothing changes
 * until apply(); `other` is only read.
 */
export function tweenToward(shown: Element, other: Element): Tween {
  // What apply(t) does, and what reset() undoes, step by step.
  const frames: ((t: number) => void)[] = [];
  const undo: (() => void)[] = [];
  const copies: [parent: Element, copy: Element][] = [];
  const uses = new Set<PartName>();
  let [moves, fades] = [0, 0];
  const only = (el: Element, tag: string): boolean => el.tagName.toLowerCase() === tag || (el.children.length > 0 && Array.from(el.children).every((c) => only(c, tag)));
  const move = (el: Element, name: string, from: string | null, to: string | null, at?: (t: number) => string) => {
    moves++;
    const [a, b] = [from ?? ABSENT[name], to ?? ABSENT[name]];
    frames.push((t) => set(el, name, at ? at(t) : ((a && b && interpolateValue(a, b, t)) || (t < 0.5 ? a : b))));
    undo.push(() => set(el, name, from));
  };
  const fade = (el: Element, entering: boolean, like: Element): Fade => {
    fades++;
    const f = { at: 0.5 };
    // An axis tick fades over the whole way (it is moving, so it never sits on
    // its successor); words switch (see Fade); a <use> overlay, which repeats a
    // labelled node over itself, hands over: out in the first half, in over the second.
    const how = like.parentElement?.hasAttribute('data-axis') ? 0 : only(like, 'text') ? 1 : only(like, 'use') ? 2 : 0;
    const before = el.getAttribute('style');
    frames.push((t) => {
      const s = entering ? t : 1 - t;
      styleOf(el).opacity = tidy(how === 1 ? +(entering ? t >= f.at : t < f.at) : how === 2 ? Math.max(0, 2 * s - 1) : s);
    });
    if (!entering)
      undo.push(() => {
        styleOf(el).opacity = '';
        if (before === null) el.removeAttribute('style');
      });
    return f;
  };
  const fadeIn = (el: Element, parent: Element): [Element, Fade] => {
    // A copy without ids (they would repeat in the page).
    const copy = el.cloneNode(true) as Element;
    for (const node of [copy, ...Array.from(copy.querySelectorAll('[id]'))]) node.removeAttribute('id');
    copy.setAttribute('data-motion-copy', '');
    copies.push([parent, copy]);
    return [copy, fade(copy, true, el)];
  };
  const walk = (a: Element, b: Element) => {
    for (const name of names(a, b)) {
      const [from, to] = [a.getAttribute(name), b.getAttribute(name)];
      if (from === to || !MOVING.test(name)) continue;
      const at = name === 'd' && from && to && interpolateValue(from, to, 0) === undefined ? parts.morph?.(from, to) : undefined;
      if (at) uses.add('morph');
      move(a, name, from, to, at);
    }
    if (!a.children.length && !b.children.length) {
      const [from, to] = [a.textContent ?? '', b.textContent ?? ''];
      if (from !== to && /^(text|tspan)$/i.test(a.tagName)) {
        frames.push((t) => (a.textContent = t < 0.5 ? from : to));
        undo.push(() => (a.textContent = from));
      }
      return;
    }
    const { pairs, onlyA, onlyB } = pairChildren(a, b);
    for (const [x, y] of pairs) {
      if (canMove(x, y)) walk(x, y);
      else {
        fade(x, false, x);
        fadeIn(y, a);
      }
    }
    const copyOf = new Map<Element, Element>();
    const fadeOf = new Map<Element, Fade>();
    for (const x of onlyA) fadeOf.set(x, fade(x, false, x));
    for (const y of onlyB) {
      const [copy, f] = fadeIn(y, a);
      copyOf.set(y, copy);
      fadeOf.set(y, f);
    }
    if (!onlyA.length && !onlyB.length) return;
    const c: ChildrenTween = { a, b, pairs, onlyA, onlyB, copyOf, fadeOf, canMove, move };
    if (parts.axis?.(c)) uses.add('axis');
    if (parts.labels?.(c)) uses.add('labels');
  };
  walk(shown, other);
  let inserted = false;
  return {
    moves,
    fades,
    uses,
    apply(t) {
      if (!inserted) for (const [parent, copy] of copies) parent.append(copy);
      inserted = true;
      for (const frame of frames) frame(t);
    },
    reset() {
      for (const step of undo) step();
      for (const [, copy] of copies) copy.remove();
      inserted = false;
    },
  };
}
