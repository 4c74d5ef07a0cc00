// A waffle (unit) chart: `cells` squares stand for a total; each part fills
// its share of cells in reading order, a fractional cell partly. Parts differ
// by pattern as well as colour, and a legend beside the grid names each with
// its number, so no reader depends on hue. A state may draw some of the parts
// (the others count with the rest); each piece of a part is keyed (part, n-th
// piece), so scrolly motion carries a part's cells to their places in the
// next state instead of cross-fading the grid.
import { chartColors } from './chart-colors.ts';
import { chartDocument, finishSvg, svgEl, type SvgLabel } from './svg.ts';

export interface WafflePart {
  label: string;
  value: number;
}

export interface WaffleOptions extends SvgLabel {
  parts: readonly WafflePart[];
  total: number;
  cells?: number | undefined;
  columns?: number | undefined;
  highlight?: readonly string[];
  /** The parts drawn (by label, in any order; default: all); the others count with the rest. */
  shown?: readonly string[] | undefined;
  /** Legend text for a part, e.g. "Pinterest: 155 million (2.6%)". */
  legend: (part: WafflePart) => string;
  /** Legend text for what is left of the total. */
  restLabel: string;
  width?: number | undefined;
}

/** Where each part starts and ends, in cells (fractions allowed). */
export function waffleSpans(parts: readonly WafflePart[], total: number, cells: number): { label: string; start: number; end: number }[] {
  const sum = parts.reduce((s, p) => s + p.value, 0);
  if (!(total > 0) || sum > total) throw new RangeError(`waffle: parts add up to ${sum}, more than the total ${total}`);
  let at = 0;
  return parts.map((p) => {
    const start = at;
    at += (p.value / total) * cells;
    return { label: p.label, start, end: at };
  });
}

const FILLS = [
  { id: 'solid', colour: chartColors.accent },
  { id: 'hatch', colour: chartColors.accent2 },
  { id: 'dots', colour: chartColors.ink },
  { id: 'cross', colour: chartColors.muted },
] as const;

function patternDefs(doc: Document, id: string): Element {
  const defs = svgEl(doc, 'defs');
  const hatch = svgEl(doc, 'pattern', { id: `${id}-hatch`, width: 5, height: 5, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, [
    svgEl(doc, 'rect', { width: 5, height: 5, fill: chartColors.paper }),
    svgEl(doc, 'rect', { width: 2.5, height: 5, fill: FILLS[1].colour }),
  ]);
  const dots = svgEl(doc, 'pattern', { id: `${id}-dots`, width: 5, height: 5, patternUnits: 'userSpaceOnUse' }, [
    svgEl(doc, 'rect', { width: 5, height: 5, fill: chartColors.paper }),
    svgEl(doc, 'circle', { cx: 2.5, cy: 2.5, r: 1.6, fill: FILLS[2].colour }),
  ]);
  const cross = svgEl(doc, 'pattern', { id: `${id}-cross`, width: 6, height: 6, patternUnits: 'userSpaceOnUse' }, [
    svgEl(doc, 'rect', { width: 6, height: 6, fill: chartColors.paper }),
    svgEl(doc, 'path', { d: 'M0,0L6,6M6,0L0,6', stroke: FILLS[3].colour, 'stroke-width': 1.2 }),
  ]);
  defs.append(hatch, dots, cross);
  return defs;
}

function fillOf(id: string, index: number): string {
  const f = FILLS[index % FILLS.length]!;
  return f.id === 'solid' ? f.colour : `url(#${id}-${f.id})`;
}

export function renderWaffle(options: WaffleOptions): string {
  const cells = options.cells ?? 100;
  const columns = options.columns ?? Math.min(cells, 10);
  const rowsCount = Math.ceil(cells / columns);
  const size = Math.max(10, Math.min(28, Math.floor(360 / columns) - 3));
  const gap = 3;
  const gridW = columns * (size + gap) - gap;
  const gridH = rowsCount * (size + gap) - gap;
  const width = options.width ?? 640;
  const legendBeside = width - gridW >= 240;
  // Each part keeps its pattern and key whichever parts a state draws.
  const drawn = options.parts.map((part, index) => ({ part, index })).filter(({ part }) => !options.shown || options.shown.includes(part.label));
  // Room for every part's legend line in every state: one viewBox, so states can move into each other.
  const legendLines = options.parts.length + 1;
  const height = legendBeside ? Math.max(gridH, legendLines * 26) + 8 : gridH + 16 + legendLines * 26;
  const doc = chartDocument();
  const spans = waffleSpans(drawn.map((d) => d.part), options.total, cells);
  const on = new Set(options.highlight ?? []);
  const faded = (label: string) => on.size > 0 && !on.has(label);
  const svg = svgEl(doc, 'svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart-waffle' });
  svg.append(patternDefs(doc, options.id));

  const grid = svgEl(doc, 'g', { 'aria-hidden': 'true', transform: 'translate(1,1)' });
  const pieces = spans.map(() => 0);
  for (let k = 0; k < cells; k++) {
    const x = (k % columns) * (size + gap);
    const y = Math.floor(k / columns) * (size + gap);
    grid.append(svgEl(doc, 'rect', { x, y, width: size, height: size, fill: chartColors.paper, stroke: chartColors.faint, 'stroke-width': 1 }));
    spans.forEach((span, i) => {
      const from = Math.max(span.start, k);
      const to = Math.min(span.end, k + 1);
      if (to <= from) return;
      const part = drawn[i]!.index;
      grid.append(svgEl(doc, 'rect', {
        x: x + (from - k) * size,
        y,
        width: (to - from) * size,
        height: size,
        fill: fillOf(options.id, part),
        stroke: FILLS[part % FILLS.length]!.colour,
        'stroke-width': 1,
        opacity: faded(span.label) ? 0.3 : undefined,
        'data-part': span.label,
        'data-key': `p${part}.${pieces[i]!++}`,
      }));
    });
  }
  svg.append(grid);

  const legend = svgEl(doc, 'g', { 'aria-label': 'legend', transform: legendBeside ? `translate(${gridW + 28},4)` : `translate(1,${gridH + 16})` });
  const items = [
    ...drawn.map(({ part, index }) => ({ text: options.legend(part), fill: fillOf(options.id, index), stroke: FILLS[index % FILLS.length]!.colour, label: part.label, key: `p${index}` })),
    { text: options.restLabel, fill: chartColors.paper, stroke: chartColors.faint, label: '', key: 'rest' },
  ];
  items.forEach((item, i) => {
    const y = i * 26;
    const strong = on.has(item.label);
    legend.append(
      svgEl(doc, 'rect', { x: 0, y, width: 16, height: 16, fill: item.fill, stroke: item.stroke, opacity: item.label && faded(item.label) ? 0.3 : undefined, 'data-key': item.key }),
      svgEl(doc, 'text', { x: 24, y: y + 12.5, fill: faded(item.label) ? chartColors.muted : chartColors.ink, 'font-weight': strong ? 700 : undefined, 'data-key': item.key }, [item.text]),
    );
  });
  svg.append(legend);
  return finishSvg(svg, options);
}

