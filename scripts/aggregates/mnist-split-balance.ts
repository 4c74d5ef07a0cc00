// Whether each digit is as common in the MNIST test set as in the training
// set: per-label shares and their ratio, the most and least common digits,
// and the time one person would need to look at every image.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { decodeMnist, mnistInputs } from './shared/mnist.ts';
import { SECONDS_PER_IMAGE } from './dataset-scale.ts';

/** A full-time working week. */
export const HOURS_PER_WORK_WEEK = 40;

const labelShare = z.strictObject({ label: z.number().int().min(0).max(9), all: z.number().int() });
const labelRatio = z.strictObject({ label: z.number().int().min(0).max(9), ratio: z.number() });

/** Per-label counts of two splits -> shares, and test share / train share. */
export function splitBalance(train: readonly number[], test: readonly number[]) {
  const trainTotal = train.reduce((s, n) => s + n, 0);
  const testTotal = test.reduce((s, n) => s + n, 0);
  if (trainTotal === 0 || testTotal === 0) throw new Error('a split has no images');
  return train.map((n, label) => {
    const trainShare = n / trainTotal;
    const testShare = test[label]! / testTotal;
    if (trainShare === 0) throw new Error(`label ${label} has no training images: its ratio is undefined`);
    const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
    return { label, train: n, test: test[label]!, all: n + test[label]!, trainShare: round(trainShare, 5), testShare: round(testShare, 5), ratio: round(testShare / trainShare, 4) };
  });
}

const count = (labels: Uint8Array) => {
  const c = Array.from({ length: 10 }, () => 0);
  for (const l of labels) c[l]!++;
  return c;
};

export default defineAggregate({
  name: 'mnist-split-balance',
  description: "Each digit's share of the MNIST training and test splits and their ratio (test share / training share), the most and least frequent digits, and the hours needed to look at all images for 10 seconds each.",
  datasets: ['mnist'],
  inputs: mnistInputs,
  queries: {},
  schema: z.strictObject({
    secondsPerImage: z.number(),
    /** All images x secondsPerImage, in hours. */
    viewingHours: z.number(),
    /** The same time without a break, in days of 24 hours. */
    viewingDays: z.number(),
    /** The same time in working weeks of 40 hours. */
    viewingWorkWeeks: z.number(),
    labels: z.array(z.strictObject({
      label: z.number().int().min(0).max(9),
      train: z.number().int(),
      test: z.number().int(),
      all: z.number().int(),
      trainShare: z.number(),
      testShare: z.number(),
      ratio: z.number().positive(),
    })).length(10),
    largest: labelShare,
    smallest: labelShare,
    largestRatio: labelRatio,
    smallestRatio: labelRatio,
  }),
  transform: ({ files }) => {
    const { train, test } = decodeMnist(files);
    const labels = splitBalance(count(train.labels), count(test.labels));
    const by = <K extends 'all' | 'ratio'>(key: K, pick: (a: number, b: number) => boolean) =>
      labels.reduce((best, l) => (pick(l[key], best[key]) ? l : best));
    const pickAll = (l: (typeof labels)[number]) => ({ label: l.label, all: l.all });
    const pickRatio = (l: (typeof labels)[number]) => ({ label: l.label, ratio: l.ratio });
    const viewingHours = ((train.count + test.count) * SECONDS_PER_IMAGE) / 3600;
    return {
      secondsPerImage: SECONDS_PER_IMAGE,
      viewingHours,
      viewingDays: viewingHours / 24,
      viewingWorkWeeks: viewingHours / HOURS_PER_WORK_WEEK,
      labels,
      largest: pickAll(by('all', (a, b) => a > b)),
      smallest: pickAll(by('all', (a, b) => a < b)),
      largestRatio: pickRatio(by('ratio', (a, b) => a > b)),
      smallestRatio: pickRatio(by('ratio', (a, b) => a < b)),
    };
  },
});
