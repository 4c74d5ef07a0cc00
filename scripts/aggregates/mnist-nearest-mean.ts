// What a label hides: for every MNIST image, whether the mean training image
// of its own label is the closest of the ten means. Counts the images that
// sit nearer another digit's mean, which pairs are confused, and names the
// images with the widest gap (ids only, no pixels).
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { digitId } from '../../src/lib/images/idx.ts';
import { classMeans, decodeMnist, mnistInputs, SPLITS } from './shared/mnist.ts';

/** Confusions listed with example images, and images per confusion. */
export const EXAMPLE_CONFUSIONS = 4;
export const EXAMPLES_EACH = 6;

export interface Placement {
  id: string;
  label: number;
  nearest: number;
  /** Distance to the own label's mean minus distance to the nearest mean (0 when they agree). */
  gap: number;
}

/** Index of the smallest value, and that value. */
export function argmin(values: ArrayLike<number>): { index: number; value: number } {
  let index = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! < values[index]!) index = i;
  return { index, value: values[index]! };
}

/** Counts of (label, nearest) disagreements, most frequent first, and examples with the widest gaps. */
export function summarisePlacements(placements: readonly Placement[], confusions: number, each: number) {
  const pairs = new Map<string, { label: number; nearest: number; count: number; items: Placement[] }>();
  for (const p of placements) {
    if (p.label === p.nearest) continue;
    const key = `${p.label}>${p.nearest}`;
    const entry = pairs.get(key) ?? { label: p.label, nearest: p.nearest, count: 0, items: [] };
    entry.count++;
    entry.items.push(p);
    pairs.set(key, entry);
  }
  const ranked = [...pairs.values()].sort((a, b) => b.count - a.count || a.label - b.label || a.nearest - b.nearest);
  return {
    confusions: ranked.map(({ label, nearest, count }) => ({ label, nearest, count })),
    examples: ranked.slice(0, confusions).map((c) => ({
      label: c.label,
      nearest: c.nearest,
      ids: [...c.items].sort((a, b) => b.gap - a.gap || a.id.localeCompare(b.id)).slice(0, each).map((p) => p.id),
    })),
  };
}

const confusion = z.strictObject({ label: z.number().int().min(0).max(9), nearest: z.number().int().min(0).max(9), count: z.number().int().positive() });

export default defineAggregate({
  name: 'mnist-nearest-mean',
  description: "For all 70,000 MNIST images, whether another digit's mean training image is closer than the mean of its own label: counts, share, the confused pairs, and example ids with the widest gaps.",
  datasets: ['mnist'],
  inputs: mnistInputs,
  queries: {},
  schema: z.strictObject({
    method: z.string(),
    images: z.number().int(),
    disagree: z.number().int(),
    /** disagree / images, 0-1. */
    disagreeShare: z.number().min(0).max(1),
    byLabel: z.array(z.strictObject({ label: z.number().int(), images: z.number().int(), disagree: z.number().int() })).length(10),
    confusions: z.array(confusion),
    topConfusion: confusion,
    examples: z.array(z.strictObject({ label: z.number().int(), nearest: z.number().int(), ids: z.array(z.string().regex(/^(train|test)-\d+$/)).min(1) })),
  }),
  transform: ({ files }) => {
    const mnist = decodeMnist(files);
    const { means } = classMeans(mnist.train);
    const size = mnist.train.rows * mnist.train.cols;
    const placements: Placement[] = [];
    const distances = new Float64Array(10);
    for (const split of SPLITS) {
      const s = mnist[split];
      for (let i = 0; i < s.count; i++) {
        const o = i * size;
        for (let c = 0; c < 10; c++) {
          const m = means[c]!;
          let sum = 0;
          for (let p = 0; p < size; p++) {
            const d = s.pixels[o + p]! - m[p]!;
            sum += d * d;
          }
          distances[c] = Math.sqrt(sum) / 255;
        }
        const label = s.labels[i]!;
        const best = argmin(distances);
        placements.push({ id: digitId(split, i), label, nearest: best.index, gap: distances[label]! - best.value });
      }
    }
    const disagree = placements.filter((p) => p.label !== p.nearest).length;
    const { confusions, examples } = summarisePlacements(placements, EXAMPLE_CONFUSIONS, EXAMPLES_EACH);
    if (!confusions[0]) throw new Error('every image is nearest its own mean: nothing to show (check the inputs)');
    return {
      method: 'Euclidean distance (pixels scaled to 0-1) from each of the 70,000 images to the ten mean images of the 60,000 training images; an image "disagrees" when the nearest mean is not the one of its label.',
      images: placements.length,
      disagree,
      disagreeShare: disagree / placements.length,
      byLabel: Array.from({ length: 10 }, (_, label) => ({
        label,
        images: placements.filter((p) => p.label === label).length,
        disagree: placements.filter((p) => p.label === label && p.nearest !== label).length,
      })),
      confusions,
      topConfusion: confusions[0],
      examples,
    };
  },
});
