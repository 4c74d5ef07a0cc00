// Pre-rendered step states: a chart declares a state only at the steps where
// its settings change (the Scrolly runtime shows the state with the largest
// n <= the active step), so identical consecutive steps share one SVG.
import { chartDocument, svgEl } from './svg.ts';

export interface ChartState<S> {
  /** The 0-based step index where this state begins. */
  n: number;
  settings: S;
}

/** The steps where settings change; `initial` is used when there are no steps. */
export function changedStates<S>(steps: readonly S[] | undefined, initial: S): ChartState<S>[] {
  if (!steps || steps.length === 0) return [{ n: 0, settings: initial }];
  const states: ChartState<S>[] = [];
  let previous = '';
  steps.forEach((settings, n) => {
    const key = JSON.stringify(settings);
    if (n === 0 || key !== previous) states.push({ n, settings });
    previous = key;
  });
  return states;
}

/** A table for the visually hidden data view (same numbers as the chart). */
export interface ChartTable {
  caption: string;
  columns: { label: string; numeric?: boolean }[];
  rows: (string | number)[][];
}

/** viewBox width of the compact SVG shown in narrow containers (phones, scrolly graphics). */
export const NARROW_WIDTH = 360;

export interface RenderedState {
  n: number;
  /**
   * One SVG for every state: the parts that change between states sit in
   * per-part groups of `data-state` variants (see mergeStateSvgs).
   */
  merged?: boolean;
  /** The SVG for ordinary widths. */
  svg: string;
  /** A compact SVG for narrow containers, where the wide one's text would be too small. */
  narrow?: string;
}

/** A state's highlight (or other change) in words, shown to screen readers while the state shows. */
export interface StateSentence {
  n: number;
  text: string;
}

/**
 * Renders the changed states of a chart (and, with `narrow`, a compact twin
 * of each); ids stay unique in the page (title, desc, patterns).
 *
 * With `said` (the state's change in words; then `render` must leave that
 * sentence out of its desc), the states are drawn into ONE SVG per layout when
 * they differ only in some of their parts: see mergeStateSvgs. The sentences
 * come back in `said`, for ChartFigure to show with the active state.
 */
export function renderStates<S>(
  id: string,
  steps: readonly S[] | undefined,
  initial: S,
  render: (settings: S, svgId: string, width?: number) => string,
  narrow = false,
  said?: (settings: S) => string,
): { stepped: boolean; states: RenderedState[]; said?: StateSentence[] } {
  const stepped = !!steps && steps.length > 0;
  const changed = changedStates(steps, initial);
  const sentences = stepped && said ? changed.map(({ n, settings }) => ({ n, text: said(settings) })) : undefined;
  if (sentences && changed.length > 1) {
    const svgId = `${id}-svg`;
    const wide = mergeStateSvgs(changed.map(({ n, settings }) => ({ n, svg: render(settings, svgId) })));
    const compact = narrow
      ? mergeStateSvgs(changed.map(({ n, settings }) => ({ n, svg: borrowLabel(render(settings, `${svgId}-narrow`, NARROW_WIDTH), `${svgId}-narrow`, svgId) })))
      : undefined;
    if (wide && (!narrow || compact)) return { stepped, states: [{ n: 0, merged: true, svg: wide, ...(compact ? { narrow: compact } : {}) }], said: sentences };
  }
  const states = changed.map(({ n, settings }) => {
    const svgId = stepped ? `${id}-s${n}` : `${id}-svg`;
    const state: RenderedState = { n, svg: render(settings, svgId) };
    if (narrow) state.narrow = borrowLabel(render(settings, `${svgId}-narrow`, NARROW_WIDTH), `${svgId}-narrow`, svgId);
    return state;
  });
  return sentences ? { stepped, states, said: sentences } : { stepped, states };
}

/**
 * Merges the SVGs of a chart's states (drawn with the same ids) into one:
 * a top-level part that is the same in every state is written once, and a
 * part that changes becomes a group of variants, `<g data-state="n">`, one
 * per state where it changes (the Scrolly runtime shows, per group, the one
 * with the largest n <= the step); a part that a state lacks (Plot leaves
 * out a mark with no data) is an empty variant there. Parts are matched by
 * tag, aria-label and order. Returns undefined when the states differ in
 * their root, when their parts cannot be matched in order, or when a
 * changing part defines an id (it would repeat): then they stay separate SVGs.
 */
export function mergeStateSvgs(states: readonly { n: number; svg: string }[]): string | undefined {
  const document = chartDocument();
  const roots = states.map(({ svg }) => {
    const holder = document.createElement('div');
    holder.innerHTML = svg;
    return holder.firstElementChild!;
  });
  const rootAttrs = (el: Element) => Array.from(el.attributes).map((a) => `${a.name}=${a.value}`).join(' ');
  if (roots.some((r) => rootAttrs(r) !== rootAttrs(roots[0]!))) return undefined;
  const keyed = roots.map((r) => {
    const seen = new Map<string, number>();
    return new Map(Array.from(r.children).map((c) => {
      const kind = `${c.tagName}|${c.getAttribute('aria-label') ?? ''}`;
      const k = seen.get(kind) ?? 0;
      seen.set(kind, k + 1);
      return [`${kind}|${k}`, c] as const;
    }));
  });
  const master = keyed.reduce((a, b) => (b.size > a.size ? b : a));
  const order = [...master.keys()];
  // Every state's parts must come in the master's order.
  for (const parts of keyed) {
    let at = 0;
    for (const key of parts.keys()) {
      at = order.indexOf(key, at);
      if (at < 0) return undefined;
    }
  }
  const merged = roots[0]!.cloneNode(false) as Element;
  for (const key of order) {
    const versions = keyed.map((parts) => parts.get(key));
    const html = versions.map((v) => v?.outerHTML ?? '');
    if (html.every((h) => h === html[0])) {
      merged.append(versions[0]!.cloneNode(true));
      continue;
    }
    const group = svgEl(document, 'g');
    versions.forEach((version, k) => {
      if (k > 0 && html[k] === html[k - 1]) return;
      const variant = svgEl(document, 'g', { 'data-state': String(states[k]!.n) });
      if (version) variant.append(version.cloneNode(true));
      group.append(variant);
    });
    merged.append(group);
  }
  if (merged.querySelector('[data-state] [id]')) return undefined;
  return merged.outerHTML;
}

/**
 * Makes a compact twin (rendered with id `twinId`) point at the title and desc
 * of the wide SVG (`id`) instead of carrying copies: aria-labelledby may name
 * hidden elements, and only one of the two SVGs shows at a time anyway. Saves
 * a long description per state in the page. Throws if the twin has no label
 * in the shape finishSvg writes, so a change there cannot pass silently.
 */
export function borrowLabel(svg: string, twinId: string, id: string): string {
  const labelled = `aria-labelledby="${twinId}-title ${twinId}-desc"`;
  const own = new RegExp(`<title id="${twinId}-title">[^<]*</title><desc id="${twinId}-desc">[^<]*</desc>`);
  if (!svg.includes(labelled) || !own.test(svg)) throw new Error(`borrowLabel: the SVG "${twinId}" has no title and desc to replace`);
  return svg.replace(labelled, `aria-labelledby="${id}-title ${id}-desc"`).replace(own, '');
}
