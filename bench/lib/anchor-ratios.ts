// Pure: how one round of bench:anchors compares our pages with an anchor page
// measured just before them (the same machine load, the same Lighthouse).

/** The Lighthouse figures compared across platforms. */
export interface AnchorMetrics {
  performance: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Transfer bytes on load (gzip where the server compresses). */
  bytes: number;
  jsBytes: number;
  requests: number;
}

export const METRICS: readonly (keyof AnchorMetrics)[] = ['performance', 'lcpMs', 'tbtMs', 'cls', 'bytes', 'jsBytes', 'requests'];

/** The goals against the anchors (issue 18, deliverable 2). */
export const ANCHOR_GOALS = {
  /** The Pudding svelte-starter demo's TBT, measured in the anchors' README run. */
  tbtMsAtMost: 90,
  tbtRatioAtMost: 0.1,
  lcpRatioAtMost: 0.6,
  performanceAtLeast: 99,
} as const;

/** ours / anchor per metric, to 3 decimals; null where the anchor's figure is 0 (no ratio). */
export function ratios(ours: AnchorMetrics, anchor: AnchorMetrics): Record<keyof AnchorMetrics, number | null> {
  const out = {} as Record<keyof AnchorMetrics, number | null>;
  for (const m of METRICS) out[m] = anchor[m] === 0 ? null : Number((ours[m] / anchor[m]).toFixed(3));
  return out;
}

/** Per metric: is ours at least as good as the anchor (performance higher, everything else lower)? */
export function atOrBetter(ours: AnchorMetrics, anchor: AnchorMetrics): Record<keyof AnchorMetrics, boolean> {
  const out = {} as Record<keyof AnchorMetrics, boolean>;
  for (const m of METRICS) out[m] = m === 'performance' ? ours[m] >= anchor[m] : ours[m] <= anchor[m];
  return out;
}

/** The goals ours misses in one round against one anchor; empty when it meets them. */
export function goalMisses(ours: AnchorMetrics, anchor: AnchorMetrics, loadAverage1m: number, busyLoad: number): string[] {
  const misses: string[] = [];
  const g = ANCHOR_GOALS;
  if (ours.tbtMs > g.tbtMsAtMost) misses.push(`TBT ${ours.tbtMs} ms > ${g.tbtMsAtMost} ms`);
  if (ours.tbtMs > g.tbtRatioAtMost * anchor.tbtMs) misses.push(`TBT ${ours.tbtMs} ms > ${g.tbtRatioAtMost} x anchor ${anchor.tbtMs} ms`);
  if (ours.lcpMs > g.lcpRatioAtMost * anchor.lcpMs) misses.push(`LCP ${ours.lcpMs} ms > ${g.lcpRatioAtMost} x anchor ${anchor.lcpMs} ms`);
  // The score goal holds at load <= 4 only: simulated throttling scales this CPU's time.
  if (loadAverage1m <= busyLoad && ours.performance < g.performanceAtLeast) misses.push(`performance ${ours.performance} < ${g.performanceAtLeast} at load ${loadAverage1m}`);
  return misses;
}

/** Median of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median: no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
