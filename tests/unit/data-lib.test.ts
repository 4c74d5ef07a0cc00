// Pure pieces of the data engine on SYNTHETIC inputs: the exact near-duplicate
// search against brute force, idx decoding, WordNet records, CSV error text,
// value formatting and essay citations.
import { describe, expect, it } from 'vitest';
import { blockFeatures, nearDuplicates, symmetricEigen, type ImageSet } from '../../src/lib/near-duplicates.ts';
import { decodeIdxImages, decodeIdxLabels, digitId } from '../../src/lib/images/idx.ts';
import { hyponymClosure, parseDataNoun, parseNounRecord } from '../../src/lib/wordnet.ts';
import { csvErrorToAuthorError, csvHeader } from '../../scripts/data/tables.ts';
import { formatValue, valueAt } from '../../src/lib/format-value.ts';
import { importedAggregates } from '../../src/lib/dataset-catalog.ts';
import { AuthorError } from '../../src/lib/author-error.ts';
import { idxImages, idxLabels } from '../fixtures/data/synthetic-idx.ts';

/** Seeded pseudo-random images: sparse strokes, like digits, at 8x8. */
function randomImages(count: number, seed: number): ImageSet {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pixels = new Uint8Array(count * 64);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rand() < 0.3 ? Math.floor(rand() * 256) : 0;
  return { count, rows: 8, cols: 8, pixels };
}

function bruteForce(q: ImageSet, b: ImageSet, threshold: number) {
  const out: { query: number; base: number; distance: number }[] = [];
  for (let i = 0; i < q.count; i++) {
    let best = Infinity;
    let at = -1;
    for (let j = 0; j < b.count; j++) {
      let sum = 0;
      for (let p = 0; p < 64; p++) sum += (q.pixels[i * 64 + p]! - b.pixels[j * 64 + p]!) ** 2;
      if (sum < best) { best = sum; at = j; }
    }
    const d = Math.sqrt(best) / 255;
    if (d <= threshold) out.push({ query: i, base: at, distance: d });
  }
  return out.sort((a, b) => a.distance - b.distance || a.query - b.query);
}

describe('nearDuplicates', () => {
  it('finds exactly what brute force finds, at several thresholds', () => {
    const base = randomImages(400, 7);
    const queries = randomImages(60, 11);
    // Plant near-copies: queries 0-19 are base images with small noise.
    for (let i = 0; i < 20; i++) {
      for (let p = 0; p < 64; p++) {
        const v = base.pixels[(i * 17) * 64 + p]! + ((p * (i + 3)) % 7) - 3;
        queries.pixels[i * 64 + p] = Math.max(0, Math.min(255, v));
      }
    }
    for (const threshold of [0.05, 0.5, 2, 4]) {
      const { pairs } = nearDuplicates(queries, base, threshold, { block: 2, axes: 4 });
      const expected = bruteForce(queries, base, threshold);
      expect(pairs.map((p) => [p.query, p.distance.toFixed(9)])).toEqual(expected.map((p) => [p.query, p.distance.toFixed(9)]));
    }
    expect(nearDuplicates(queries, base, 0.5, { block: 2 }).pairs.length).toBeGreaterThanOrEqual(20);
  });

  it('block features are an orthonormal projection (never longer than the image)', () => {
    const set = randomImages(5, 3);
    const { dims, values } = blockFeatures(set, 2);
    for (let i = 0; i < 5; i++) {
      let image = 0;
      for (let p = 0; p < 64; p++) image += set.pixels[i * 64 + p]! ** 2;
      let proj = 0;
      for (let d = 0; d < dims; d++) proj += values[i * dims + d]! ** 2;
      expect(proj).toBeLessThanOrEqual(image + 1e-6);
    }
    expect(() => blockFeatures({ count: 1, rows: 7, cols: 7, pixels: new Uint8Array(49) }, 2)).toThrow(/do not split/);
  });

  it('symmetricEigen recovers a known decomposition', () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([3, 1]);
    expect(Math.abs(vectors[0]![0]!)).toBeCloseTo(Math.SQRT1_2, 9);
  });
});

describe('idx', () => {
  it('decodes images and labels and checks sizes and magic numbers', () => {
    const images = decodeIdxImages(idxImages([[1, 2, 3, 4], [5, 6, 7, 8]], 2, 2));
    expect([images.count, images.rows, images.cols, [...images.pixels]]).toEqual([2, 2, 2, [1, 2, 3, 4, 5, 6, 7, 8]]);
    expect([...decodeIdxLabels(idxLabels([3, 1]))]).toEqual([3, 1]);
    expect(() => decodeIdxImages(idxLabels(Array.from({ length: 12 }, () => 1)))).toThrow(/magic number 0x801 is not 0x803/);
    expect(() => decodeIdxImages(idxImages([[1, 2, 3, 4]], 2, 2).subarray(0, 18))).toThrow(/18 bytes, expected 20/);
    expect(() => decodeIdxImages(Uint8Array.from([...idxImages([[1, 2, 3, 4]], 2, 2), 0]), 'x.idx')).toThrow(/x.idx: too long, 21 bytes, expected 20/);
    expect(() => decodeIdxLabels(idxLabels([3, 1]).subarray(0, 9), 'y.idx')).toThrow(/y.idx: truncated, 9 bytes, expected 10 for 2 labels/);
    expect(digitId('test', 9999)).toBe('test-9999');
  });
});

describe('WordNet data.noun', () => {
  const licence = '  1 This software and database is being provided to you...\n';
  const person = '00007846 03 n 02 person 0 someone 0 003 @ 00004475 n 0000 ~ 00000010 n 0000 ~i 00000020 n 0000 | a human being; "there was too much for one person to do"';
  const child = '00000010 18 n 01 actor(a) 0 002 @ 00007846 n 0000 ~ 00000011 n 0000 | a performer';
  const grandchild = '00000011 18 n 01 film_star 0 001 @ 00000010 n 0000 | a star';

  it('parses a record: words, pointers by kind, gloss', () => {
    expect(parseNounRecord(person)).toEqual({ offset: '00007846', lexfile: 3, words: ['person', 'someone'], gloss: 'a human being; "there was too much for one person to do"', hypernyms: ['00004475'], instanceHypernyms: [], hyponyms: ['00000010'], instances: ['00000020'] });
    expect(parseNounRecord(child).words).toEqual(['actor']);
    expect(() => parseNounRecord('garbage line')).toThrow(/not a data.noun record/);
  });

  it('skips licence lines and walks the hyponym closure breadth first', () => {
    const synsets = parseDataNoun(`${licence}${person}\n${child}\n${grandchild}\n`);
    expect(hyponymClosure(synsets, '00007846')).toEqual(['00007846', '00000010', '00000011']);
    expect(synsets.get('00000011')!.words).toEqual(['film star']);
  });
});

describe('CSV errors', () => {
  it('reads a quoted header', () => {
    expect(csvHeader('\uFEFFa,"b, c","d ""e"""\n1,2,3')).toEqual(['a', 'b, c', 'd "e"']);
  });

  it('turns DuckDB messages into author errors with line and column', () => {
    const conv = csvErrorToAuthorError('Conversion Error: CSV Error on Line: 7\nOriginal Line: x,y\nError when converting column "n". Could not convert string "y" to \'BIGINT\'', 'f.csv');
    expect(conv).toMatchObject({ file: 'f.csv', line: 7, field: 'n' });
    expect(conv.hint).toMatch(/plain bigint/);
    const cols = csvErrorToAuthorError('Invalid Input Error: CSV Error on Line: 3\nOriginal Line: 1,2,3,4\nExpected Number of Columns: 3 Found: 4', 'f.csv');
    expect(cols).toMatchObject({ line: 3 });
    expect(cols.message).toContain('row has 4 values but the header has 3 columns: 1,2,3,4');
    // DuckDB says "Found: 4" for any longer row too (it stops at the first extra value): count the line itself.
    const long = csvErrorToAuthorError('Invalid Input Error: CSV Error on Line: 3\nOriginal Line: 1,2,"3,5",4,6\nExpected Number of Columns: 3 Found: 4', 'f.csv');
    expect(long.message).toContain('row has 5 values but the header has 3 columns');
  });
});

describe('Value formatting', () => {
  const agg = { provenance: { aggregate: 'toy', datasets: ['toy'], script: 's', inputs: [], source: 'Synthetic' }, data: { rows: [{ n: 5_850_000_000 }], fig: { value: 140_000_000, qualifier: 'about' }, label: 'x' } };

  it('looks values up by path, with the qualifier of a published figure', () => {
    expect(valueAt(agg, 'rows.0.n')).toEqual({ value: 5_850_000_000, qualifier: '' });
    expect(valueAt(agg, 'fig')).toEqual({ value: 140_000_000, qualifier: 'about' });
  });

  it('names the aggregate and what exists when a path is wrong', () => {
    expect(() => valueAt(agg, 'rows.3.n')).toThrow(AuthorError);
    expect(() => valueAt(agg, 'rowz')).toThrow(/there is no "rowz"[\s\S]*at the top level there is: rows, fig, label/);
    expect(() => valueAt(agg, 'label')).toThrow(/is string "x", not a number/);
    expect(() => valueAt(agg, 'rowz', { file: 'content/essays/e/index.mdx', line: 12, column: 30 })).toThrow(/^content\/essays\/e\/index\.mdx:12:30: Value\.at: <Value>: in aggregate "toy", there is no "rowz"/);
  });

  it('formats for English prose', () => {
    expect(formatValue(22645, 'integer')).toBe('22,645');
    expect(formatValue(0.16, 'percent')).toBe('16%');
    expect(formatValue(0.1603, 'percent', 1)).toBe('16%');
    expect(formatValue(0.1666, 'percent', 1)).toBe('16.7%');
    expect(formatValue(5_850_000_000, 'compact')).toBe('5.85 billion');
    expect(formatValue(140_000_000, 'compact', 0)).toBe('140 million');
    expect(formatValue(1584.404, 'years')).toBe('1,584');
    expect(formatValue(4.436, 'years')).toBe('4.4');
    expect(formatValue(0.123456)).toBe('0.12');
  });
});

describe('essay citations', () => {
  it('finds @data imports in MDX, once each', () => {
    const mdx = "---\ntitle: x\n---\nimport scale from '@data/dataset-scale';\nimport { x } from \"@data/mnist-ink\";\nimport scale2 from '@data/dataset-scale';\nText mentioning '@data/not-an-import'.";
    expect(importedAggregates(mdx)).toEqual(['dataset-scale', 'mnist-ink']);
  });
});

describe('dev hot reload', () => {
  it('re-runs the data for datasets, aggregate scripts and the runner, not for essays or styles', async () => {
    const { affectsData } = await import('../../src/integrations/data-vite.ts');
    expect(affectsData('content/datasets/mnist/datasheet.yaml')).toBe(true);
    expect(affectsData('scripts/aggregates/mnist-ink.ts')).toBe(true);
    expect(affectsData('scripts/aggregates/shared/mnist.ts')).toBe(true);
    expect(affectsData('content/essays/x/index.mdx')).toBe(false);
    expect(affectsData('src/generated/data/mnist-ink.json')).toBe(false);
  });
});
