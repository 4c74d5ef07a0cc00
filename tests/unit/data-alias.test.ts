// `@data/<name>` resolves to the typed module `npm run data` generated, with
// provenance and data (needs `npm run data` first; `npm test` builds it).
import { describe, expect, it } from 'vitest';
import scale from '@data/dataset-scale';
import laion from '@data/laion-figures';

describe('@data alias', () => {
  it('imports an aggregate with its provenance and typed data', () => {
    expect(scale.provenance.aggregate).toBe('dataset-scale');
    expect(scale.provenance.datasets).toEqual(['dataset-scale']);
    const laion5b = scale.data.rows.find((r) => r.dataset === 'LAION-5B' && r.count === 5_000_000_000);
    expect(Math.round(laion5b!.viewingYears)).toBe(1584);
    expect(laion.data.pairsAbove05.value).toBe(22645);
  });
});
