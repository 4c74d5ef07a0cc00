// Turns an SVG built in a linkedom document (by Plot or by hand) into the
// string a page inlines: accessible (role, title, desc), CSP-safe (no <style>
// element), responsive (viewBox only) and stable (rounded numbers).
import { parseHTML } from 'linkedom';
import { chartFont } from './chart-colors.ts';

/** A fresh DOM document for one render (Plot and our builders write into it). */
export function chartDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
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

export interface SvgLabel {
  /** Unique id prefix within the page; title and desc ids derive from it. */
  id: string;
  title: string;
  desc: string;
}

/**
 * Finishes an SVG element: removes Plot's <style> (its rules live in
 * src/styles/charts.css), drops fixed width/height so CSS sizes it from the
 * viewBox, labels it for assistive technology and rounds every number in
 * attributes. Returns the serialised SVG.
 */
export function finishSvg(svg: Element, label: SvgLabel): string {
  const doc = svg.ownerDocument;
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.removeAttribute('style');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('font-family', chartFont);
  svg.setAttribute('font-size', '13');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${label.id}-title ${label.id}-desc`);
  // Lighthouse flags aria-label on a plain <g>; a group role makes it valid.
  for (const g of Array.from(svg.querySelectorAll('g[aria-label]'))) g.setAttribute('role', 'group');
  // Not a valid SVG attribute value (charts.css sets tabular numbers instead).
  for (const node of Array.from(svg.querySelectorAll('[font-variant]'))) node.removeAttribute('font-variant');
  for (const node of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
    for (const attr of Array.from(node.attributes)) {
      if (LONG_NUMBER.test(attr.value)) node.setAttribute(attr.name, attr.value.replace(LONG_NUMBER, (n) => String(round(Number(n)))));
      LONG_NUMBER.lastIndex = 0;
    }
  }
  const title = svgEl(doc, 'title', { id: `${label.id}-title` }, [label.title]);
  const desc = svgEl(doc, 'desc', { id: `${label.id}-desc` }, [label.desc]);
  svg.prepend(title, desc);
  return svg.outerHTML;
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
