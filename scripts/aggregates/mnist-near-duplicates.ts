// Test images that are near-copies of a training image: for every test image,
// its nearest training image when the two are within a small distance, found
// exactly (bounded search, no approximation).
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { digitId } from '../../src/lib/images/idx.ts';
import { nearDuplicates } from '../../src/lib/near-duplicates.ts';
import { decodeMnist, mnistInputs } from './shared/mnist.ts';

/** Largest distance (pixels scaled to 0-1) searched; typical nearest neighbours are 3 to 6. */
export const THRESHOLD = 1.5;
export const CUTOFFS = [1, 1.25, 1.5] as const;
export const LISTED = 60;

export default defineAggregate({
  name: 'mnist-near-duplicates',
  description: 'MNIST test images whose nearest training image is within Euclidean distance 1.5 (pixels 0-1): counts by cutoff, label agreement, and the 60 closest pairs (ids and distances).',
  datasets: ['mnist'],
  inputs: mnistInputs,
  queries: {},
  schema: z.strictObject({
    method: z.string(),
    threshold: z.number(),
    testImages: z.number().int(),
    trainImages: z.number().int(),
    /** Test images whose nearest training image is within each cutoff. */
    counts: z.array(z.strictObject({ maxDistance: z.number(), testImages: z.number().int(), sameLabel: z.number().int() })),
    /** Test images within the threshold, by their label. */
    byLabel: z.array(z.number().int()).length(10),
    /** Exact duplicates (distance 0). */
    identical: z.number().int(),
    /** Candidate pairs left after each bound (of 600,000,000), showing the search's work. */
    candidates: z.strictObject({ window: z.number().int(), pca: z.number().int(), blocks: z.number().int(), exact: z.number().int() }),
    pairs: z.array(z.strictObject({
      test: z.string().regex(/^test-\d+$/),
      train: z.string().regex(/^train-\d+$/),
      testLabel: z.number().int(),
      trainLabel: z.number().int(),
      distance: z.number(),
    })).max(LISTED),
  }),
  transform: ({ files }) => {
    const { train, test } = decodeMnist(files);
    const { pairs, candidates } = nearDuplicates(test, train, THRESHOLD);
    const same = (p: { query: number; base: number }) => test.labels[p.query] === train.labels[p.base];
    return {
      method: 'For every test image, the exact nearest training image by Euclidean distance (pixels scaled to 0-1), searched only up to the threshold. Candidates are pruned with lower bounds that cannot drop a match (4x4 block means, then their first 8 principal components, with a sorted window on the first), and every remaining candidate is compared pixel by pixel.',
      threshold: THRESHOLD,
      testImages: test.count,
      trainImages: train.count,
      counts: CUTOFFS.map((c) => {
        const within = pairs.filter((p) => p.distance <= c);
        return { maxDistance: c, testImages: within.length, sameLabel: within.filter(same).length };
      }),
      byLabel: Array.from({ length: 10 }, (_, label) => pairs.filter((p) => test.labels[p.query] === label).length),
      identical: pairs.filter((p) => p.distance === 0).length,
      candidates,
      pairs: pairs.slice(0, LISTED).map((p) => ({
        test: digitId('test', p.query),
        train: digitId('train', p.base),
        testLabel: test.labels[p.query]!,
        trainLabel: train.labels[p.base]!,
        // Exact: a page rounds it once when it prints it (0.94504 is 0.95, not 0.945 then 0.94).
        distance: p.distance,
      })),
    };
  },
});
