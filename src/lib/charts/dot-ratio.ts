// One ratio per category on a log scale with a reference line at 1 (parity):
// e.g. captions per speaker by language. Position carries the value; a text
// label says it in words; highlighted rows are filled, bold and marked.
import * as Plot from '@observablehq/plot';
import { chartColors } from './chart-colors.ts';
import { keyMarks } from './mark-keys.ts';
import { boldMarkedTicks, categoryHighlight, categoryY, finishSvg, markLabel, plotSvg, round, valueLabels, type SvgLabel } from './svg.ts';
import { labelMargin, type CategoryValue } from './bar-chart.ts';

export interface DotRatioOptions extends SvgLabel {
  rows: readonly CategoryValue[];
  highlight?: readonly string[];
  /** Labels highlighted in other states of the chart: the label margin leaves room for their marker, so every state has one layout. */
  reserve?: readonly string[] | undefined;
  xLabel: string;
  /** Words for one ratio value, e.g. (1.6) => "1.6 per speaker". */
  format: (value: number) => string;
  /** Label of the reference line at 1. */
  referenceLabel: string;
  width?: number | undefined;
}

/**
 * A log domain that always includes 1: padded to whole powers of ten when the
 * ratios span a decade or more, and tight (15% margin) when they sit close to
 * 1, where powers of ten would squeeze every dot onto the reference line.
 */
export function ratioDomain(values: readonly number[]): { domain: [number, number]; decades: boolean } {
  const lo = Math.min(1, ...values);
  const hi = Math.max(1, ...values);
  if (!(lo > 0)) throw new RangeError('ratioDomain: ratios must be above 0 for a log scale');
  if (hi / lo < 4) return { domain: [round(lo / 1.15, 4), round(hi * 1.15, 4)], decades: false };
  return { domain: [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))], decades: true };
}

export function renderDotRatio(options: DotRatioOptions): string {
  const rows = options.rows;
  const { on, any } = categoryHighlight(options.highlight);
  const { domain, decades } = ratioDomain(rows.map((r) => r.value));
  const width = options.width ?? 640;
  const narrow = width < 480;
  const svg = plotSvg({
    width,
    height: 60 + rows.length * 30,
    marginLeft: labelMargin(rows.map((r) => markLabel(new Set([...on, ...(options.reserve ?? [])]), r.label)), narrow ? 110 : 180),
    marginRight: narrow ? 40 : 24,
    marginTop: 40,
    marginBottom: 16,
    x: {
      type: 'log', domain, axis: 'top', label: `${options.xLabel} →`, labelAnchor: 'left', grid: true,
      ...(decades ? { tickFormat: (d: number) => (Number.isInteger(Math.log10(d)) ? String(d) : '') } : { ticks: 4 }),
    },
    y: categoryY(rows, on),
    marks: [
      Plot.ruleX([1], { stroke: chartColors.ink, strokeDasharray: '4 3' }),
      Plot.text([1], { x: (d: number) => d, frameAnchor: 'bottom', text: () => options.referenceLabel, dy: 12, fill: chartColors.ink, fontSize: 12 }),
      Plot.ruleY(rows, { y: 'label', x1: 1, x2: 'value', stroke: (d: CategoryValue) => (on.has(d.label) ? chartColors.accent : chartColors.faint), strokeWidth: 1.5, render: keyMarks(rows, (d) => d.label) }),
      Plot.dot(rows, {
        y: 'label',
        x: 'value',
        r: (d: CategoryValue) => (on.has(d.label) ? 7 : 5.5),
        fill: (d: CategoryValue) => (on.has(d.label) ? chartColors.accent : any ? chartColors.paper : chartColors.muted),
        stroke: (d: CategoryValue) => (on.has(d.label) ? chartColors.accent : chartColors.muted),
        strokeWidth: 1.5,
        render: keyMarks(rows, (d) => d.label),
      }),
      // A paper-coloured halo keeps a label legible where it crosses its row's line.
      // The compact twin (phones, projected slides) keeps every label at 12 units or more.
      ...valueLabels(rows, on, options.format, { dy: narrow ? -12 : -11, fontSize: narrow ? 12 : 11, stroke: chartColors.paper, strokeWidth: 3, paintOrder: 'stroke' }),
    ],
  });
  boldMarkedTicks(svg);
  return finishSvg(svg, options);
}
