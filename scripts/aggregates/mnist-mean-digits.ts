// The average training image of each digit: ten 28x28 greyscale images.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { classMeans, decodeMnist, mnistInputs } from './shared/mnist.ts';

export default defineAggregate({
  name: 'mnist-mean-digits',
  description: 'The mean image of each digit over the 60,000 MNIST training images: ten 28x28 arrays of rounded 0-255 values (0 = paper).',
  datasets: ['mnist'],
  inputs: mnistInputs,
  queries: {},
  schema: z.strictObject({
    split: z.literal('train'),
    width: z.literal(28),
    height: z.literal(28),
    digits: z.array(z.strictObject({
      label: z.number().int().min(0).max(9),
      /** Images averaged. */
      count: z.number().int().positive(),
      /** width x height values, row by row, rounded to 0-255 (0 = no ink). */
      pixels: z.array(z.number().int().min(0).max(255)).length(784),
    })).length(10),
  }),
  transform: ({ files }) => {
    const { train } = decodeMnist(files);
    if (train.rows !== 28 || train.cols !== 28) throw new Error(`expected 28x28 images, got ${train.rows}x${train.cols}`);
    const { counts, means } = classMeans(train);
    return {
      split: 'train' as const,
      width: 28 as const,
      height: 28 as const,
      digits: means.map((m, label) => ({ label, count: counts[label]!, pixels: Array.from(m, (v) => Math.round(v)) })),
    };
  },
});
