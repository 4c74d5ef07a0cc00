// Pre-rendered step states: a chart declares a state only at the steps where
// its settings change (the Scrolly runtime shows the state with the largest
// n <= the active step), so identical consecutive steps share one SVG.

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
  /** The SVG for ordinary widths. */
  svg: string;
  /** A compact SVG for narrow containers, where the wide one's text would be too small. */
  narrow?: string;
}

/**
 * Renders one SVG per changed state (and, with `narrow`, a compact one too);
 * ids stay unique in the page (title, desc, patterns).
 */
export function renderStates<S>(
  id: string,
  steps: readonly S[] | undefined,
  initial: S,
  render: (settings: S, svgId: string, width?: number) => string,
  narrow = false,
): { stepped: boolean; states: RenderedState[] } {
  const stepped = !!steps && steps.length > 0;
  const states = changedStates(steps, initial).map(({ n, settings }) => {
    const svgId = stepped ? `${id}-s${n}` : `${id}-svg`;
    const state: RenderedState = { n, svg: render(settings, svgId) };
    if (narrow) state.narrow = borrowLabel(render(settings, `${svgId}-narrow`, NARROW_WIDTH), `${svgId}-narrow`, svgId);
    return state;
  });
  return { stepped, states };
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
