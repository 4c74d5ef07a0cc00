// Number formats shared by charts, tables and islands (Intl only, no d3-format,
// so islands can import it).

const counts = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return counts.format(n);
}

/** A share as a percentage: one decimal under 10%, whole numbers above. */
export function formatShare(part: number, total: number): string {
  if (total === 0 || part === 0) return '0%';
  const pct = (100 * part) / total;
  if (pct > 0 && pct < 0.1) return '<0.1%';
  return `${pct < 10 ? pct.toFixed(1) : Math.round(pct)}%`;
}

/**
 * Two shares of one whole (kept and removed, in and out), with the same
 * precision so they read as adding up: "98.7%" and "1.3%", not "99%" beside "1.3%".
 */
export function formatComplementShares(a: number, b: number, total: number): [string, string] {
  if (total === 0) return ['0%', '0%'];
  const pa = (100 * a) / total;
  const pb = (100 * b) / total;
  const one = (pct: number, other: number) => {
    if (pct === 0 || pct === 100) return `${pct}%`;
    if (pct < 0.1) return '<0.1%';
    if (other > 0 && other < 0.1) return '>99.9%';
    return `${Math.min(pa, pb) < 10 ? pct.toFixed(1) : Math.round(pct)}%`;
  };
  return [one(pa, pb), one(pb, pa)];
}

/** Large counts in words: 5,850,000,000 -> "5.85 billion". */
export function formatLarge(n: number): string {
  const units: [number, string][] = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];
  for (const [size, word] of units) {
    if (Math.abs(n) >= size) return `${Number((n / size).toPrecision(3))} ${word}`;
  }
  return formatCount(n);
}

/**
 * A ratio as readers say it: 1.6 -> "1.6 per speaker"; below 1 always as
 * "1 per N": 1/35 -> "1 per 35 speakers", 0.97 -> "1 per 1.03 training
 * shares", so neighbouring rows read alike. Near parity a third digit keeps
 * 1.04 and 0.97 apart from an exact 1.
 */
export function formatRatio(ratio: number, unit: string): string {
  if (ratio > 0 && ratio < 1) {
    const per = 1 / ratio;
    return `1 per ${Number(per.toPrecision(Math.abs(per - 1) < 0.1 ? 3 : 2))} ${unit}s`;
  }
  const digits = Math.abs(ratio - 1) < 0.1 && ratio !== 1 ? 3 : 2;
  return `${Number(ratio.toPrecision(digits))} per ${unit}`;
}

/** How histogram values read: as they are, or as powers of ten (value = log10 of the quantity). */
export type ValueScale = 'linear' | 'log10';

/** A bin edge or threshold in words: 0.28 -> "0.28"; on a log10 scale 6 -> "1 million". */
export function formatEdge(value: number, scale: ValueScale, digits: number): string {
  return scale === 'log10' ? formatLarge(Math.round(10 ** value)) : value.toFixed(digits);
}
