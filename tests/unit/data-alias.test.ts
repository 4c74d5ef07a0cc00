// `@data/<name>` resolves to the typed module `npm run data` generated, with
// provenance and data (needs `npm run data` first; `npm test` builds it).
import { describe, expect, it } from 'vitest';
import scale from '@data/dataset-scale';
import laion from '@data/laion-figures';
import imagenetPerson from '@data/imagenet-person';
import personTree from '@data/wordnet-person-tree';
import subsets from '@data/laion-language-subsets';
import mnistCounts from '@data/mnist-label-counts';

describe('@data alias', () => {
  it('imports an aggregate with its provenance and typed data', () => {
    expect(scale.provenance.aggregate).toBe('dataset-scale');
    expect(scale.provenance.datasets).toEqual(['dataset-scale']);
    const laion5b = scale.data.rows.find((r) => r.dataset === 'LAION-5B' && r.count === 5_000_000_000);
    expect(Math.round(laion5b!.viewingYears)).toBe(1584);
    expect(laion.data.pairsAbove05.value).toBe(22645);
  });

  // The real outputs agree with the independently published counts (DATA-SOURCES, FACTS):
  // computed from the committed files and packages, not typed in.
  it('ImageNet person classes, counted from WordNet and the wnid list, match the published counts', () => {
    expect(imagenetPerson.data.imagenet21k).toMatchObject({ classes: 21_842, person: 2_836 });
    expect(imagenetPerson.data.ilsvrc1k.person).toBe(3);
    expect(personTree.data.totals).toMatchObject({ synsets: 6_979, instances: 3_318 });
  });

  it('LAION subsets sum to the 5.85 billion of the paper; MNIST has 60,000 + 10,000 images', () => {
    expect(subsets.data.totalPairs).toBe(5_850_000_000);
    expect(mnistCounts.data.totals).toEqual({ train: 60_000, test: 10_000, all: 70_000 });
  });
});
