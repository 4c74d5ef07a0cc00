// The most and least typical images of each digit: distance of every image
// (train and test) to its label's mean training image. Ids only, no pixels.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { digitId } from '../../src/lib/images/idx.ts';
import { classMeans, decodeMnist, mnistInputs, SPLITS } from './shared/mnist.ts';

export const PER_CLASS = 16;

const scored = z.strictObject({
  /** "train-<index>" or "test-<index>", 0-based index in the idx file. */
  id: z.string().regex(/^(train|test)-\d+$/),
  /** Euclidean distance to the label's mean image, pixels scaled to 0-1. */
  distance: z.number().nonnegative(),
});

/** The `n` smallest and largest of scored items (ties broken by id order). */
export function extremes<T extends { distance: number }>(items: readonly T[], n: number): { lowest: T[]; highest: T[] } {
  const sorted = [...items].sort((a, b) => a.distance - b.distance);
  return { lowest: sorted.slice(0, n), highest: sorted.slice(-n).reverse() };
}

export default defineAggregate({
  name: 'mnist-atypical',
  description: 'For each digit, the 16 MNIST images (train and test) farthest from and the 16 closest to the mean training image of their label, with distances and the distance distribution.',
  datasets: ['mnist'],
  inputs: mnistInputs,
  queries: {},
  schema: z.strictObject({
    method: z.string(),
    digits: z.array(z.strictObject({
      label: z.number().int().min(0).max(9),
      count: z.number().int(),
      meanDistance: z.number(),
      atypical: z.array(scored).length(PER_CLASS),
      typical: z.array(scored).length(PER_CLASS),
    })).length(10),
  }),
  transform: ({ files }) => {
    const mnist = decodeMnist(files);
    const { means } = classMeans(mnist.train);
    const size = mnist.train.rows * mnist.train.cols;
    const byLabel = Array.from({ length: 10 }, () => [] as { id: string; distance: number }[]);
    for (const split of SPLITS) {
      const s = mnist[split];
      for (let i = 0; i < s.count; i++) {
        const m = means[s.labels[i]!]!;
        let sum = 0;
        for (let p = 0, o = i * size; p < size; p++) {
          const d = s.pixels[o + p]! - m[p]!;
          sum += d * d;
        }
        byLabel[s.labels[i]!]!.push({ id: digitId(split, i), distance: Math.round((Math.sqrt(sum) / 255) * 1000) / 1000 });
      }
    }
    return {
      method: 'Euclidean distance between an image and the mean of the 60,000 training images with the same label, pixels scaled to 0-1; train and test images ranked together.',
      digits: byLabel.map((items, label) => {
        const { lowest, highest } = extremes(items, PER_CLASS);
        return {
          label,
          count: items.length,
          meanDistance: Math.round((items.reduce((s, x) => s + x.distance, 0) / items.length) * 1000) / 1000,
          atypical: highest,
          typical: lowest,
        };
      }),
    };
  },
});
