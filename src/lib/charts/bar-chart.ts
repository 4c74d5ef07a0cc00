// Ranked horizontal bars with direct value labels; highlighted categories get
// the accent colour, a bold label and a marker, so highlight is never hue alone.
import * as Plot from '@observablehq/plot';
import { ticks } from 'd3';
import { chartColors } from './chart-colors.ts';
import { keyMarks } from './mark-keys.ts';
import { boldMarkedTicks, categoryHighlight, categoryY, finishSvg, MARK, markLabel, plotSvg, valueLabels, type CategoryRow, type SvgLabel } from './svg.ts';

export type CategoryValue = CategoryRow;

export interface BarChartOptions extends SvgLabel {
  rows: readonly CategoryValue[];
  /** Labels to highlight (others fade when any is highlighted). */
  highlight?: readonly string[];
  /** Labels highlighted in other states of the chart: the label margin leaves room for their marker, so every state has one layout. */
  reserve?: readonly string[] | undefined;
  xLabel: string;
  format: (value: number) => string;
  width?: number | undefined;
}

/** Rows sorted by value, largest first; ties keep their input order. */
export function rankRows<R extends CategoryValue>(rows: readonly R[]): R[] {
  return rows.map((r, i) => [r, i] as const).sort((a, b) => b[0].value - a[0].value || a[1] - b[1]).map(([r]) => r);
}

/**
 * Left margin that fits the longest label at ~7.4px per character of 13px
 * type; a marked label (MARK, the highlighted row) is bold, ~8.4px a character.
 */
export function labelMargin(labels: readonly string[], max = 220): number {
  return Math.min(max, 16 + Math.ceil(Math.max(0, ...labels.map((l) => l.length * (l.startsWith(MARK) ? 8.4 : 7.4)))));
}

/**
 * Right margin that keeps the last tick label of a top axis inside the chart:
 * a label is centred on its tick (~6.2px per character of Plot's 10px type),
 * so a tick near the right edge ("4 billion") would be cut in half.
 */
export function axisEndMargin(domainMax: number, tickCount: number, format: (value: number) => string, left: number, width: number, min = 16): number {
  const last = ticks(0, domainMax, tickCount).at(-1);
  if (last === undefined || domainMax <= 0) return min;
  const half = Math.ceil((format(last).length * 6.2) / 2);
  // The tick's x with the plain margin, and how far its label runs past the edge
  // (2px to spare); each extra pixel of margin moves the tick left by `at` px.
  const at = last / domainMax;
  const overflow = left + at * (width - left - min) + half + 2 - width;
  return overflow <= 0 || at <= 0 ? min : Math.ceil(min + overflow / at);
}

export function renderBarChart(options: BarChartOptions): string {
  const rows = options.rows;
  const { on, any } = categoryHighlight(options.highlight);
  const fill = (d: CategoryValue) => (on.has(d.label) ? chartColors.accent : any ? chartColors.faint : chartColors.muted);
  const max = Math.max(...rows.map((r) => r.value));
  const width = options.width ?? 640;
  const narrow = width < 480;
  const marginLeft = labelMargin(rows.map((r) => markLabel(new Set([...on, ...(options.reserve ?? [])]), r.label)), narrow ? 170 : 220);
  const domainMax = max * (narrow ? 1.75 : 1.28);
  const tickCount = narrow ? 2 : 4;
  const svg = plotSvg({
    width,
    height: 36 + rows.length * 30,
    marginLeft,
    marginRight: axisEndMargin(domainMax, tickCount, options.format, marginLeft, width),
    marginTop: 28,
    marginBottom: 8,
    x: { domain: [0, domainMax], axis: 'top', label: `${options.xLabel} →`, labelAnchor: 'left', grid: true, ticks: tickCount, tickFormat: options.format },
    y: categoryY(rows, on),
    marks: [
      Plot.barX(rows, { y: 'label', x: 'value', fill, insetTop: 4, insetBottom: 4, render: keyMarks(rows, (d) => d.label) }),
      ...valueLabels(rows, on, options.format, { dx: 5, textAnchor: 'start' }),
      Plot.ruleX([0], { stroke: chartColors.ink }),
    ],
  });
  boldMarkedTicks(svg);
  return finishSvg(svg, options);
}
