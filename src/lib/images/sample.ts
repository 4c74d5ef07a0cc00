// Seeded sampling, so a gallery built from a sample can be rebuilt exactly:
// the same (items, seed, n) always picks the same items in the same order.

/** mulberry32: a tiny, well-known 32-bit PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` items drawn without replacement (partial Fisher-Yates), in draw order. */
export function seededSample<T>(items: readonly T[], n: number, seed: number): T[] {
  const pool = items.slice();
  const random = seededRandom(seed);
  const take = Math.max(0, Math.min(n, pool.length));
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take);
}

/** What a gallery records under itself so anyone can rebuild the same selection. */
export interface SampleReceipt {
  dataset: string;
  /** The filter, in words a reader can repeat, e.g. "split = test". */
  filter: string;
  /** Seed of the sampler, or null when every matching item is shown. */
  seed: number | null;
  /** Items in the dataset, items matching the filter, items shown. */
  total: number;
  matched: number;
  shown: number;
  /** Items hidden by the exclusion list, never shipped. */
  excluded: number;
}

/** Filters then (optionally) samples, and returns the items with their receipt. */
export function selectWithReceipt<T>(
  dataset: string,
  items: readonly T[],
  options: { filter?: { describe: string; test: (item: T) => boolean }; sample?: { n: number; seed: number }; excluded?: number },
): { items: T[]; receipt: SampleReceipt } {
  const matchedItems = options.filter ? items.filter(options.filter.test) : items.slice();
  const chosen = options.sample ? seededSample(matchedItems, options.sample.n, options.sample.seed) : matchedItems;
  return {
    items: chosen,
    receipt: {
      dataset,
      filter: options.filter?.describe ?? 'all items',
      seed: options.sample?.seed ?? null,
      total: items.length,
      matched: matchedItems.length,
      shown: chosen.length,
      excluded: options.excluded ?? 0,
    },
  };
}

/** "Sample: 600 of 4,495 items (filter: all items; seed 7)". */
export function describeReceipt(r: SampleReceipt): string {
  const fmt = (n: number) => n.toLocaleString('en-US');
  const what = r.seed === null ? `${fmt(r.shown)} of ${fmt(r.total)} items` : `a random sample of ${fmt(r.shown)} of ${fmt(r.matched)} matching items`;
  const seed = r.seed === null ? '' : `; seed ${r.seed}`;
  const excluded = r.excluded ? `; ${fmt(r.excluded)} excluded by the dataset's exclusion list` : '';
  return `${r.dataset}: ${what} (filter: ${r.filter}${seed}${excluded})`;
}
