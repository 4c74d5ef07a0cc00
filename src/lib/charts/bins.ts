// Histogram bins and threshold splits: pure, dependency-free, so the threshold
// island can ship this file to the browser (a few hundred bytes) instead of d3.

export interface HistogramBin {
  /** Inclusive lower edge. */
  x0: number;
  /** Exclusive upper edge (inclusive for the last bin). */
  x1: number;
  count: number;
}

/**
 * `count + 1` evenly spaced edges from `min` to `max`, computed as
 * min + i * (max - min) / count so that edges like 0.26 do not drift.
 */
export function uniformEdges(min: number, max: number, count: number): number[] {
  if (!(max > min) || !Number.isInteger(count) || count < 1) {
    throw new RangeError(`uniformEdges: need max > min and a whole count >= 1 (got ${min}, ${max}, ${count})`);
  }
  const digits = 10;
  return Array.from({ length: count + 1 }, (_, i) => Number((min + (i * (max - min)) / count).toFixed(digits)));
}

/** Counts values into the bins given by sorted `edges`; values outside are ignored and reported. */
export function binValues(values: Iterable<number>, edges: readonly number[]): { bins: HistogramBin[]; outside: number } {
  if (edges.length < 2) throw new RangeError('binValues: need at least two edges');
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i]! > edges[i - 1]!)) throw new RangeError(`binValues: edges must increase (edge ${i} is ${edges[i]})`);
  }
  const counts = new Array<number>(edges.length - 1).fill(0);
  const last = edges.length - 1;
  let outside = 0;
  for (const v of values) {
    if (!(v >= edges[0]! && v <= edges[last]!)) {
      outside++;
      continue;
    }
    // Binary search for the bin whose [x0, x1) holds v; the top edge belongs to the last bin.
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (v >= edges[mid]!) lo = mid;
      else hi = mid;
    }
    counts[lo]!++;
  }
  return { bins: counts.map((count, i) => ({ x0: edges[i]!, x1: edges[i + 1]!, count })), outside };
}

/** Every bin edge, in order: the positions a threshold can take. */
export function binEdges(bins: readonly HistogramBin[]): number[] {
  return bins.length ? [bins[0]!.x0, ...bins.map((b) => b.x1)] : [];
}

/** Evenly spaced edges written as "first+step*count" (see packBins). */
const UNIFORM = /^(-?\d+(?:\.\d+)?(?:e-?\d+)?)\+(\d+(?:\.\d+)?(?:e-?\d+)?)\*(\d+)$/;

/** `count + 1` edges from `first` in steps of `step`, with uniformEdges' rounding. */
function steppedEdges(first: number, step: number, count: number): number[] {
  return Array.from({ length: count + 1 }, (_, i) => Number((first + i * step).toFixed(10)));
}

/**
 * Bins as two short strings (edges, counts; numbers separated by spaces): how
 * the build hands them to the threshold island, whose props are serialised
 * into the page (an array of objects costs about five times the bytes).
 * Evenly spaced edges are written "first+step*count" when that gives back
 * exactly the same numbers. Numbers print in JavaScript's shortest
 * round-trip form, so nothing is lost.
 */
export function packBins(bins: readonly HistogramBin[]): { edges: string; counts: string } {
  const edges = binEdges(bins);
  const step = Number((edges[1]! - edges[0]!).toFixed(10));
  const uniform = `${edges[0]}+${step}*${bins.length}`;
  const exact = steppedEdges(edges[0]!, step, bins.length).every((e, i) => e === edges[i]);
  return { edges: exact ? uniform : edges.join(' '), counts: bins.map((b) => b.count).join(' ') };
}

/** The bins packBins packed; throws if the two strings do not fit together. */
export function unpackBins(edges: string, counts: string): HistogramBin[] {
  const uniform = UNIFORM.exec(edges);
  const x = uniform ? steppedEdges(Number(uniform[1]), Number(uniform[2]), Number(uniform[3])) : edges.split(' ').map(Number);
  const c = counts.split(' ').map(Number);
  if (x.length !== c.length + 1 || [...x, ...c].some((n) => !Number.isFinite(n))) {
    throw new RangeError(`unpackBins: ${x.length} edges and ${c.length} counts are not the packed form of bins`);
  }
  return c.map((count, i) => ({ x0: x[i]!, x1: x[i + 1]!, count }));
}

/** Checks that bins are contiguous, increasing and counted; returns a reason or undefined. */
export function invalidBinsReason(bins: readonly HistogramBin[]): string | undefined {
  if (bins.length === 0) return 'there are no bins';
  for (let i = 0; i < bins.length; i++) {
    const b = bins[i]!;
    if (!(b.x1 > b.x0)) return `bin ${i} has x1 (${b.x1}) not above x0 (${b.x0})`;
    if (!Number.isInteger(b.count) || b.count < 0) return `bin ${i} has count ${b.count}, not a whole number >= 0`;
    if (i > 0 && b.x0 !== bins[i - 1]!.x1) return `bin ${i} starts at ${b.x0} but bin ${i - 1} ends at ${bins[i - 1]!.x1}`;
  }
  return undefined;
}

/** The index of the edge nearest to `value` (ties go to the lower edge). */
export function nearestEdgeIndex(edges: readonly number[], value: number): number {
  let best = 0;
  for (let i = 1; i < edges.length; i++) {
    if (Math.abs(edges[i]! - value) < Math.abs(edges[best]! - value)) best = i;
  }
  return best;
}

export interface ThresholdSplit {
  threshold: number;
  /** Items in bins below the threshold edge. */
  below: number;
  /** Items in bins at or above the threshold edge. */
  above: number;
  total: number;
}

/** Exact counts on each side of the edge `edgeIndex` (0 = everything above). */
export function splitAtEdge(bins: readonly HistogramBin[], edgeIndex: number): ThresholdSplit {
  let below = 0;
  let total = 0;
  for (let i = 0; i < bins.length; i++) {
    total += bins[i]!.count;
    if (i < edgeIndex) below += bins[i]!.count;
  }
  const threshold = edgeIndex === 0 ? bins[0]!.x0 : bins[Math.min(edgeIndex, bins.length) - 1]!.x1;
  return { threshold, below, above: total - below, total };
}
