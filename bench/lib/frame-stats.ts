// Pure: summary statistics for the scroll benchmark's frame times.

/** The p-th percentile (0..100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface FrameSummary {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Frames that took longer than 1.5 refresh intervals (a visibly missed frame). */
  missed: number;
  /** Refreshes that showed no new frame: an interval of n refreshes drops n - 1 of them. */
  dropped: number;
}

/** Summarises frame intervals in ms, rounded to 0.1 ms; `refreshMs` is one vsync. */
export function summariseFrames(intervals: readonly number[], refreshMs = 1000 / 60): FrameSummary {
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    frames: intervals.length,
    p50: round(percentile(intervals, 50)),
    p95: round(percentile(intervals, 95)),
    max: round(Math.max(...intervals)),
    missed: intervals.filter((x) => x > refreshMs * 1.5).length,
    dropped: intervals.reduce((sum, x) => sum + Math.max(0, Math.round(x / refreshMs) - 1), 0),
  };
}
