// How many MNIST images each digit has, in the training and the test split.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { decodeMnist, mnistInputs } from './shared/mnist.ts';

export default defineAggregate({
  name: 'mnist-label-counts',
  description: 'Number of images per digit label (0-9) in the MNIST training (60,000) and test (10,000) splits.',
  datasets: ['mnist'],
  inputs: mnistInputs,
  queries: {},
  schema: z.strictObject({
    labels: z.array(z.strictObject({ label: z.number().int().min(0).max(9), train: z.number().int(), test: z.number().int() })).length(10),
    totals: z.strictObject({ train: z.number().int(), test: z.number().int(), all: z.number().int() }),
  }),
  transform: ({ files }) => {
    const { train, test } = decodeMnist(files);
    const count = (labels: Uint8Array) => {
      const c = Array.from({ length: 10 }, () => 0);
      for (const l of labels) {
        if (l > 9) throw new Error(`label ${l} is not a digit 0-9`);
        c[l]!++;
      }
      return c;
    };
    const tr = count(train.labels);
    const te = count(test.labels);
    return {
      labels: tr.map((n, label) => ({ label, train: n, test: te[label]! })),
      totals: { train: train.count, test: test.count, all: train.count + test.count },
    };
  },
});
