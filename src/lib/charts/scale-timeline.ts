// Dataset sizes over the years on a log scale, one row per dataset in year
// order, each annotated with the time a person would need to look at every
// item (computed here, never typed in). Steps reveal rows one by one; the
// scale stays fixed so the jump in size is seen, not re-scaled away, unless
// the chart zooms: then each state's scale fits the rows shown so far, and
// scrolly motion eases the axis to the new domain (ticks keyed by label).
import * as Plot from '@observablehq/plot';
import { chartColors } from './chart-colors.ts';
import { keyMarks } from './mark-keys.ts';
import { finishSvg, plotSvg, type SvgLabel } from './svg.ts';
import { formatCount, formatLarge } from './format.ts';
import { labelMargin } from './bar-chart.ts';

export interface DatasetScale {
  label: string;
  year: number;
  count: number;
}

const SECONDS_PER_YEAR = 365.25 * 24 * 3600;

/** Time to look at `count` items for `secondsEach` seconds each, non-stop. */
export function lookingTime(count: number, secondsEach: number): { seconds: number; years: number; text: string } {
  const seconds = count * secondsEach;
  const years = seconds / SECONDS_PER_YEAR;
  let text: string;
  if (years >= 10) text = `${formatCount(Math.round(years))} years`;
  else if (years >= 1) text = `${years.toFixed(1)} years`;
  else if (seconds >= 2 * 86400) text = `${Math.round(seconds / 86400)} days`;
  else text = `${Math.round(seconds / 3600)} hours`;
  return { seconds, years, text };
}

/** "2010 · ImageNet": the row label. */
export function timelineLabel(d: DatasetScale): string {
  return `${d.year} · ${d.label}`;
}

/** Powers of ten every other decade, so tick labels never collide. */
export function logTicks([lo, hi]: [number, number]): number[] {
  const ticks: number[] = [];
  for (let e = Math.log10(lo); e <= Math.log10(hi); e += 2) ticks.push(10 ** e);
  return ticks;
}

/**
 * A phone's ticks: every other one, without a tick on the domain's top end
 * when another is left (its centred label would run past the right edge,
 * which a zoomed scale ending on a tick, e.g. "100 million", does).
 */
export function narrowTicks(domain: [number, number]): number[] {
  const ticks = logTicks(domain).filter((_, i) => i % 2 === 0);
  return ticks.length > 1 && ticks.at(-1)! >= domain[1] ? ticks.slice(0, -1) : ticks;
}

/** Where a count sits along a log domain, 0..1. */
function logShare(count: number, [lo, hi]: [number, number]): number {
  return Math.log10(count / lo) / Math.log10(hi / lo);
}

/**
 * The log domain, whole powers of ten around the counts: of every row, or
 * with `zoom` of the rows shown, at least two decades wide (two ticks, so a
 * zoom from one state to the next has ticks in common to show the change).
 */
export function timelineDomain(rows: readonly DatasetScale[], shown: number, zoom = false): [number, number] {
  const counts = (zoom ? [...rows].sort((a, b) => a.year - b.year).slice(0, Math.max(1, shown)) : rows).map((r) => r.count);
  const lo = Math.floor(Math.log10(Math.min(...counts)));
  const hi = Math.ceil(Math.log10(Math.max(...counts)));
  return [10 ** lo, 10 ** Math.max(hi, lo + (zoom ? 2 : 1))];
}

export interface ScaleTimelineOptions extends SvgLabel {
  rows: readonly DatasetScale[];
  /** How many rows (in year order) are drawn; the rest keep their place. */
  shown?: number;
  secondsEach: number;
  unit: string;
  width?: number | undefined;
  /** Fit the scale to the rows shown instead of every row. */
  zoom?: boolean | undefined;
}

export function renderScaleTimeline(options: ScaleTimelineOptions): string {
  const rows = [...options.rows].sort((a, b) => a.year - b.year);
  const visible = rows.slice(0, options.shown ?? rows.length);
  const domain = timelineDomain(rows, visible.length, options.zoom);
  const last = visible.at(-1);
  const width = options.width ?? 640;
  // Narrow: names go above each line instead of in a left margin, numbers below it.
  const narrow = width < 480;
  const valueText = (d: DatasetScale) => `${formatLarge(d.count)} · ${lookingTime(d.count, options.secondsEach).text}`;
  // Keys (the row label) let scrolly motion pair each mark with itself in the next state.
  const keyed = (data: readonly DatasetScale[]) => keyMarks(data, timelineLabel);
  const valueMarks = narrow
    ? [true, false].map((isLast) => {
        const some = visible.filter((d) => (d === last) === isLast);
        return Plot.text(some, {
          y: timelineLabel, x: domain[0], text: valueText, dy: 15, textAnchor: 'start', fill: chartColors.ink, fontWeight: isLast ? 700 : 400, fontSize: 12, render: keyed(some),
        });
      })
    : (['start', 'end'] as const).flatMap((anchor) =>
        [true, false].map((isLast) => {
          const some = visible.filter((d) => (d === last) === isLast && (logShare(d.count, domain) < 0.5) === (anchor === 'start'));
          return Plot.text(some, { y: timelineLabel, x: 'count', text: valueText, dy: -14, textAnchor: anchor, fill: chartColors.ink, fontWeight: isLast ? 700 : 400, fontSize: 12, render: keyed(some) });
        }),
      );
  const svg = plotSvg({
    width,
    height: 52 + rows.length * 52,
    // Wide: the margin fits the longest name (a cap used to cut "2023 · CommonPool (DataComp)").
    marginLeft: narrow ? 28 : labelMargin(rows.map(timelineLabel), 280),
    marginRight: 24,
    marginTop: 40,
    marginBottom: 8,
    x: { type: 'log', domain, axis: 'top', label: `${options.unit} (log scale) →`, labelAnchor: 'left', grid: true, ticks: narrow ? narrowTicks(domain) : logTicks(domain), tickFormat: formatLarge },
    y: { domain: rows.map(timelineLabel), label: null, tickSize: 0, axis: narrow ? null : 'left' },
    marks: [
      Plot.ruleY(visible, { y: timelineLabel, x1: domain[0], x2: 'count', stroke: chartColors.faint, strokeWidth: 1.5, render: keyed(visible) }),
      Plot.dot(visible, { y: timelineLabel, x: 'count', r: 6, fill: (d: DatasetScale) => (d === last ? chartColors.accent : chartColors.muted), render: keyed(visible) }),
      ...(narrow ? [Plot.text(rows, { y: timelineLabel, x: domain[0], text: timelineLabel, dy: -14, textAnchor: 'start', fill: chartColors.ink, fontWeight: 600 })] : []),
      ...valueMarks,
    ],
  });
  return finishSvg(svg, options, { keyTicks: !!options.zoom });
}
