// Turns an SVG built in a linkedom document (by Plot or by hand) into the
// string a page inlines: accessible (role, title, desc), CSP-safe (no <style>
// element), responsive (viewBox only) and stable (rounded numbers). Also the
// pieces the category charts (bar chart, dot ratio) share.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { chartColors, chartFont } from './chart-colors.ts';
import { keyAxisTicks, keyMarks } from './mark-keys.ts';

/** A fresh DOM document for one render (Plot and our builders write into it). */
export function chartDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/** Plot.plot into a fresh document, with the class src/styles/charts.css styles; finish it with finishSvg. */
export function plotSvg(options: Plot.PlotOptions): Element {
  return Plot.plot({ document: chartDocument(), className: 'chart-plot', ...options }) as unknown as Element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes (numbers are rounded) and children. */
export function svgEl(
  doc: Document,
  tag: string,
  attrs: Record<string, string | number | undefined> = {},
  children: (Element | string)[] = [],
): Element {
  const node = doc.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    node.setAttribute(name, typeof value === 'number' ? String(round(value)) : value);
  }
  for (const child of children) node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  return node;
}

/** Two decimals are finer than a device pixel in every viewBox we draw. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

const LONG_NUMBER = /-?\d+\.\d{3,}(?:e-?\d+)?/g;
const PRECISE_NUMBER = /-?\d+\.\d{2,}(?:e-?\d+)?(?!\d|em)/g;
/**
 * Attributes that hold positions and sizes in viewBox units: one decimal is a
 * tenth of a CSS pixel at the widths charts show at, and the page is smaller
 * (every chart goes through finishSvg). Opacities, ems and the like keep two.
 */
const GEOMETRY = new Set(['d', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'transform', 'points', 'viewBox']);

export interface SvgLabel {
  /** Unique id prefix within the page; title and desc ids derive from it. */
  id: string;
  title: string;
  desc: string;
}

/**
 * Finishes an SVG element: removes Plot's <style> (its rules live in
 * src/styles/charts.css), drops fixed width/height so CSS sizes it from the
 * viewBox, labels it for assistive technology as one image and rounds every number in
 * attributes. With `keyTicks` (a chart whose scale changes between states),
 * axis ticks are keyed by their labels for scrolly motion (keyAxisTicks).
 * Returns the serialised SVG.
 */
export function finishSvg(svg: Element, label: SvgLabel, { fontSize = 13, keyTicks = false }: { fontSize?: number; keyTicks?: boolean } = {}): string {
  const doc = svg.ownerDocument;
  if (keyTicks) keyAxisTicks(svg);
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.removeAttribute('style');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('font-family', chartFont);
  svg.setAttribute('font-size', String(fontSize));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${label.id}-title ${label.id}-desc`);
  // The SVG is one image (role img makes its parts presentational), so the
  // names and roles Plot gives its groups reach no one: drop them.
  for (const node of Array.from(svg.querySelectorAll('[aria-label], [aria-hidden], [role]'))) {
    for (const name of ['aria-label', 'aria-hidden', 'role']) node.removeAttribute(name);
  }
  // Not a valid SVG attribute value (charts.css sets tabular numbers instead).
  for (const node of Array.from(svg.querySelectorAll('[font-variant]'))) node.removeAttribute('font-variant');
  for (const node of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
    for (const attr of Array.from(node.attributes)) {
      // A key is an identity, not a number to round ("0.125" and "0.12" are two ticks).
      if (attr.name === 'data-key') continue;
      // A transform that scales keeps its precision (a factor to two decimals is off by up to 1%).
      if (attr.name === 'transform' && /matrix|scale|rotate|skew/.test(attr.value)) continue;
      const [pattern, digits] = GEOMETRY.has(attr.name) ? [PRECISE_NUMBER, 1] : [LONG_NUMBER, 2];
      if (pattern.test(attr.value)) node.setAttribute(attr.name, attr.value.replace(pattern, (n) => String(round(Number(n), digits))));
      pattern.lastIndex = 0;
    }
  }
  for (const g of Array.from(svg.querySelectorAll('g'))) compactShapes(g);
  const title = svgEl(doc, 'title', { id: `${label.id}-title` }, [label.title]);
  const desc = svgEl(doc, 'desc', { id: `${label.id}-desc` }, [label.desc]);
  svg.prepend(title, desc);
  return svg.outerHTML;
}

const SHAPE_GEOMETRY: Record<string, string[]> = { rect: ['x', 'y', 'width', 'height'], line: ['x1', 'y1', 'x2', 'y2'], path: ['d', 'transform'] };
const TICK = /^M0,0L(-?[\d.]+),(-?[\d.]+)$/;
const TRANSLATE = /^translate\((-?[\d.]+),(-?[\d.]+)\)$/;

/**
 * One shape as path data, or undefined if it has more than plain geometry; ''
 * if it draws nothing. `from` is where the previous shape's path started
 * (rects start at their bottom-left corner and move there relatively, so a
 * row of bars repeats the same few characters).
 */
function shapePath(el: Element, from: [number, number] | undefined): { d: string; at?: [number, number] } | undefined {
  const tag = el.tagName.toLowerCase();
  const names = SHAPE_GEOMETRY[tag];
  if (!names || el.children.length || Array.from(el.attributes).some((a) => !names.includes(a.name))) return undefined;
  const n = (name: string) => round(Number(el.getAttribute(name) ?? 0), 1);
  if (tag === 'rect') {
    const [x, y, w, h] = [n('x'), n('y'), n('width'), n('height')];
    if (!(w > 0 && h > 0)) return { d: '' };
    const at: [number, number] = [x, round(y + h, 1)];
    const move = from ? `m${round(at[0] - from[0], 1)},${round(at[1] - from[1], 1)}` : `M${at[0]},${at[1]}`;
    return { d: `${move}v${-h}h${w}v${h}z`, at };
  }
  if (tag === 'line') {
    const [x1, y1, x2, y2] = [n('x1'), n('y1'), n('x2'), n('y2')];
    return { d: `M${x1},${y1}${y1 === y2 ? `H${x2}` : x1 === x2 ? `V${y2}` : `L${x2},${y2}`}` };
  }
  // Plot's axis ticks: a short segment from the origin, moved into place.
  const tick = TICK.exec(el.getAttribute('d') ?? '');
  const at = TRANSLATE.exec(el.getAttribute('transform') ?? '');
  if (!tick || !at) return undefined;
  const [dx, dy] = [Number(tick[1]), Number(tick[2])];
  return { d: `M${round(Number(at[1]), 1)},${round(Number(at[2]), 1)}${dy === 0 ? `h${dx}` : dx === 0 ? `v${dy}` : `l${dx},${dy}`}` };
}

/**
 * Draws a group of plain shapes (Plot's bars, grid lines, ticks: only
 * geometry on each, the paint on the group) as one path: the same picture in
 * a fraction of the markup. Groups with a dash pattern keep their shapes (a
 * dash pattern restarts on every piece of a path).
 */
function compactShapes(g: Element): void {
  const shapes = Array.from(g.children);
  if (shapes.length < 2 || g.hasAttribute('stroke-dasharray')) return;
  let d = '';
  let from: [number, number] | undefined;
  for (const shape of shapes) {
    const part = shapePath(shape, from);
    if (!part) return;
    d += part.d;
    if (part.at) from = part.at;
  }
  const path = svgEl(g.ownerDocument, 'path', { d });
  for (const shape of shapes) shape.remove();
  g.append(path);
}

/** Marker put before a highlighted category's tick label. */
export const MARK = '▶ ';

/** A category label with the highlight marker when it is highlighted. */
export function markLabel(highlighted: ReadonlySet<string>, label: string): string {
  return highlighted.has(label) ? `${MARK}${label}` : label;
}

/** Bolds the y tick labels that start with MARK (Plot styles all ticks alike). */
export function boldMarkedTicks(svg: Element): void {
  for (const text of Array.from(svg.querySelectorAll('g[aria-label="y-axis tick label"] text'))) {
    if (text.textContent?.startsWith(MARK)) text.setAttribute('font-weight', '700');
  }
}

/** One row of a category chart. */
export interface CategoryRow {
  label: string;
  value: number;
}

/**
 * The highlight of a category chart: `on` holds the highlighted labels and
 * `any` says whether there are some (then the other rows fade). Highlight is
 * never hue alone: see `categoryY` (marker, bold) and `valueLabels` (bold).
 */
export function categoryHighlight(highlight: readonly string[] | undefined): { on: ReadonlySet<string>; any: boolean } {
  const on = new Set(highlight ?? []);
  return { on, any: on.size > 0 };
}

/** The y scale of a category chart: one band per row in order, no tick lines, highlighted labels marked (bold them with boldMarkedTicks). */
export function categoryY(rows: readonly CategoryRow[], on: ReadonlySet<string>): Plot.ScaleOptions {
  return { domain: rows.map((r) => r.label), label: null, tickSize: 0, tickFormat: (label: string) => markLabel(on, label) };
}

/**
 * A value label per row, in words from `format`: highlighted rows bold in ink,
 * the others muted when any row is highlighted (ink otherwise). `text` adds
 * the placement (dx, dy, anchor, size) of one chart.
 */
export function valueLabels(rows: readonly CategoryRow[], on: ReadonlySet<string>, format: (value: number) => string, text: Plot.TextOptions): Plot.Markish[] {
  const any = on.size > 0;
  return [true, false].map((lit) => {
    const shown = rows.filter((d) => on.has(d.label) === lit);
    return Plot.text(
      shown,
      {
        y: 'label',
        x: 'value',
        text: (d: CategoryRow) => format(d.value),
        ...text,
        fill: lit || !any ? chartColors.ink : chartColors.muted,
        fontWeight: lit ? 700 : 400,
        render: keyMarks(shown, (d) => d.label),
      },
    );
  });
}
