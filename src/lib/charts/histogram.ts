// Histogram of precomputed bins, rendered by Observable Plot at build time. The
// threshold line, shading and counts are drawn by the island on top, from the
// frame geometry returned here (a linear x scale, so no d3 in the browser).
import * as Plot from '@observablehq/plot';
import { chartColors } from './chart-colors.ts';
import { finishSvg, plotSvg, round, svgEl, type SvgLabel } from './svg.ts';
import { invalidBinsReason, type HistogramBin } from './bins.ts';
import { formatCount, formatEdge, type ValueScale } from './format.ts';

export interface HistogramFrame {
  width: number;
  height: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
  /** The x domain: first and last bin edges. */
  domain: [number, number];
}

export interface HistogramOptions extends SvgLabel {
  bins: readonly HistogramBin[];
  /** x-axis label: what was measured, e.g. "Ink per image (share of pixels)". */
  xLabel: string;
  /** y-axis label: what was counted, e.g. "Images". */
  yLabel: string;
  /** Values are log10 of the quantity: ticks then read "1 million". */
  scale?: ValueScale;
  width?: number;
  height?: number;
  /** Give the bars this id, so a twin of the chart can draw them with <use> (see `reuse`). */
  barsId?: string;
  /** Draw no bars of its own: reuse those of a twin rendered with `barsId`, scaled into this frame. */
  reuse?: RenderedHistogram;
}

/** A rendered histogram: the SVG, the geometry the island needs, and what a twin needs to reuse its bars. */
export interface RenderedHistogram {
  svg: string;
  frame: HistogramFrame;
  barsId?: string | undefined;
  /** The y scale: counts [0, top] drawn from y0 (the baseline) to y1. */
  y: { top: number; y0: number; y1: number };
}

/** Below this viewBox width a histogram is drawn compact: fewer ticks, tighter margins, a wrapped x label. */
const COMPACT_BELOW = 480;

export function histogramFrame(bins: readonly HistogramBin[], width = 640, height = 300): HistogramFrame {
  const domain: [number, number] = [bins[0]!.x0, bins[bins.length - 1]!.x1];
  // Compact: the x label may take two lines under the ticks.
  if (width < COMPACT_BELOW) return { width, height, marginTop: 26, marginRight: 14, marginBottom: 58, marginLeft: 46, domain };
  return { width, height, marginTop: 24, marginRight: 32, marginBottom: 44, marginLeft: 64, domain };
}

/** x position in the SVG's viewBox of a value (the same maths the island uses). */
export function frameX(frame: HistogramFrame, value: number): number {
  const [d0, d1] = frame.domain;
  return frame.marginLeft + ((value - d0) / (d1 - d0)) * (frame.width - frame.marginLeft - frame.marginRight);
}

export function renderHistogram(options: HistogramOptions): RenderedHistogram {
  const reason = invalidBinsReason(options.bins);
  if (reason) throw new Error(`Histogram "${options.id}": ${reason}`);
  const frame = histogramFrame(options.bins, options.width, options.height);
  const compact = frame.width < COMPACT_BELOW;
  const tickFormat = options.scale === 'log10' ? (v: number) => (Number.isInteger(v) ? formatEdge(v, 'log10', 0) : '') : undefined;
  const xLabel = `${options.xLabel} →`;
  const reuse = options.reuse;
  const svg = plotSvg({
    width: frame.width,
    height: frame.height,
    marginTop: frame.marginTop,
    marginRight: frame.marginRight,
    marginBottom: frame.marginBottom,
    marginLeft: frame.marginLeft,
    x: { domain: frame.domain, label: compact ? null : xLabel, labelAnchor: 'right', ticks: compact ? 4 : 6, ...(tickFormat ? { tickFormat } : {}) },
    y: {
      label: `↑ ${options.yLabel}`, grid: true, nice: true, ...(compact ? { ticks: 4 } : {}), tickFormat: (d: number) => formatCount(d),
      // Without bars of its own, the y domain is the one the bars would give.
      ...(reuse ? { domain: [0, Math.max(...options.bins.map((b) => b.count))] } : {}),
    },
    marks: [
      // Compact: the x label wraps (lineWidth in ems) instead of running off the left edge.
      ...(compact
        ? [Plot.text([xLabel], { text: (d: string) => d, frameAnchor: 'bottom-right', textAnchor: 'end', lineAnchor: 'bottom', lineWidth: 24, dx: frame.marginRight - 3, dy: frame.marginBottom - 3, ariaLabel: 'x-axis label' })]
        : []),
      ...(reuse ? [] : [Plot.rectY(options.bins, { x1: 'x0', x2: 'x1', y: 'count', fill: chartColors.muted, insetLeft: 0.5, insetRight: 0.5 })]),
      Plot.ruleY([0], { stroke: chartColors.ink }),
    ],
  }) as Element & { scale(name: string): { domain: number[]; range: number[] } };
  const yScale = svg.scale('y');
  const y = { top: yScale.domain[1]!, y0: yScale.range[0]!, y1: yScale.range[1]! };
  if (options.barsId) svg.querySelector('g[aria-label="rect"]')?.setAttribute('id', options.barsId);
  if (reuse?.barsId) {
    // The same bars, mapped from the twin's frame into this one (x and y are linear in both).
    const from = reuse.frame;
    const a = (frame.width - frame.marginLeft - frame.marginRight) / (from.width - from.marginLeft - from.marginRight);
    const e = frame.marginLeft - a * from.marginLeft;
    const yAt = (r: { top: number; y0: number; y1: number }, count: number) => r.y0 + (count / r.top) * (r.y1 - r.y0);
    const c = (yAt(y, reuse.y.top) - y.y0) / (reuse.y.y1 - reuse.y.y0);
    const f = y.y0 - c * reuse.y.y0;
    const use = svgEl(svg.ownerDocument, 'use', { href: `#${reuse.barsId}`, transform: `matrix(${[a, 0, 0, c, e, f].map((v) => round(v, 4)).join(' ')})` });
    svg.insertBefore(use, svg.querySelector('g[aria-label="rule"]'));
  }
  return { svg: finishSvg(svg, options), frame, barsId: options.barsId, y };
}
