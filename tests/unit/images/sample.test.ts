import { describe, expect, it } from 'vitest';
import { describeReceipt, seededSample, selectWithReceipt } from '../../../src/lib/images/sample.ts';

const ids = Array.from({ length: 1000 }, (_, i) => `item-${i}`);

describe('seeded sampler', () => {
  it('same seed, same sample, in the same order; other seeds differ', () => {
    const a = seededSample(ids, 20, 7);
    expect(seededSample(ids, 20, 7)).toEqual(a);
    expect(seededSample(ids, 20, 8)).not.toEqual(a);
    expect(new Set(a).size).toBe(20);
    for (const id of a) expect(ids).toContain(id);
  });

  it('never returns more than there is and does not modify the input', () => {
    const copy = ids.slice();
    expect(seededSample(ids, 5000, 1)).toHaveLength(1000);
    expect(ids).toEqual(copy);
    expect(seededSample([], 3, 1)).toEqual([]);
  });

  it('records a receipt that rebuilds the same sample', () => {
    const { items, receipt } = selectWithReceipt('demo', ids, {
      filter: { describe: 'even ids', test: (id) => Number(id.split('-')[1]) % 2 === 0 },
      sample: { n: 10, seed: 42 },
      excluded: 3,
    });
    expect(receipt).toEqual({ dataset: 'demo', filter: 'even ids', seed: 42, total: 1000, matched: 500, shown: 10, excluded: 3 });
    const evens = ids.filter((id) => Number(id.split('-')[1]) % 2 === 0);
    expect(seededSample(evens, receipt.shown, receipt.seed!)).toEqual(items);
    expect(describeReceipt(receipt)).toBe("demo: a random sample of 10 of 500 matching items (filter: even ids; seed 42; 3 excluded by the dataset's exclusion list)");
  });
});
