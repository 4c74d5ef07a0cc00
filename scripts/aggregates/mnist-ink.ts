// How much ink each digit uses: the distribution of the sum of pixel values
// per image, by label, over all 70,000 images, as histogram bins.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { decodeMnist, ink, mnistInputs, SPLITS } from './shared/mnist.ts';

export const INK_BIN_WIDTH = 10;

/** Bins of fixed width from 0 covering every value: counts per bin. */
export function binCounts(values: readonly number[], width: number, bins: number): number[] {
  const counts = Array.from({ length: bins }, () => 0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor(v / width))]!++;
  return counts;
}

const median = (sorted: readonly number[]) => {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
};

export default defineAggregate({
  name: 'mnist-ink',
  description: 'Ink per image (sum of pixel values / 255, i.e. in fully black pixels) for each digit over all 70,000 MNIST images, as 10-pixel bins with mean and median.',
  datasets: ['mnist'],
  inputs: mnistInputs,
  queries: {},
  schema: z.strictObject({
    unit: z.literal('fully black pixels (sum of pixel values / 255)'),
    binWidth: z.number().positive(),
    /** Lower edge of each bin; bin i covers [edges[i], edges[i] + binWidth). */
    edges: z.array(z.number()),
    digits: z.array(z.strictObject({
      label: z.number().int().min(0).max(9),
      count: z.number().int(),
      counts: z.array(z.number().int().nonnegative()),
      mean: z.number(),
      median: z.number(),
      min: z.number(),
      max: z.number(),
    })).length(10),
  }),
  transform: ({ files }) => {
    const mnist = decodeMnist(files);
    const byLabel = Array.from({ length: 10 }, () => [] as number[]);
    for (const split of SPLITS) {
      const s = mnist[split];
      for (let i = 0; i < s.count; i++) byLabel[s.labels[i]!]!.push(ink(s, i));
    }
    const max = Math.max(...byLabel.map((v) => Math.max(...v)));
    const bins = Math.floor(max / INK_BIN_WIDTH) + 1;
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      unit: 'fully black pixels (sum of pixel values / 255)' as const,
      binWidth: INK_BIN_WIDTH,
      edges: Array.from({ length: bins }, (_, i) => i * INK_BIN_WIDTH),
      digits: byLabel.map((values, label) => {
        const sorted = [...values].sort((a, b) => a - b);
        return {
          label,
          count: values.length,
          counts: binCounts(values, INK_BIN_WIDTH, bins),
          mean: round(values.reduce((s, v) => s + v, 0) / values.length),
          median: round(median(sorted)),
          min: round(sorted[0]!),
          max: round(sorted[sorted.length - 1]!),
        };
      }),
    };
  },
});
