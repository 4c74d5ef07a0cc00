// Printing one number from an aggregate in prose: look it up by a dotted path
// (typed against the aggregate's data), format it for English text.
import { AuthorError } from './author-error.ts';
import type { Aggregate } from './provenance.ts';

type Index = `${number}`;
type Prev = [never, 0, 1, 2, 3, 4, 5];

/** Every dotted path into T that leads to a number (or to a published figure with a `value`), up to 6 levels. */
export type NumberPath<T, D extends number = 6> = [D] extends [never]
  ? never
  : T extends number
    ? never
    : T extends readonly (infer E)[]
      ? E extends number
        ? Index
        : `${Index}.${NumberPath<E, Prev[D]>}`
      : T extends object
        ? {
            [K in keyof T & string]: T[K] extends number | { value: number }
              ? K | (T[K] extends number ? never : `${K}.${NumberPath<T[K], Prev[D]>}`)
              : `${K}.${NumberPath<T[K], Prev[D]>}`;
          }[keyof T & string]
        : never;

export const VALUE_FORMATS = ['integer', 'number', 'percent', 'compact', 'years'] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

export interface ResolvedValue {
  value: number;
  /** "about", "nearly", "under", "more than" when the aggregate holds a published figure. */
  qualifier: string;
}

/** The number at `path` (e.g. "figures.pairsAbove05" or "rows.2.count"), or an AuthorError listing what exists. */
export function valueAt(aggregate: Aggregate<unknown>, path: string): ResolvedValue {
  const where = `src/generated/data/${aggregate.provenance.aggregate}.json`;
  let at: unknown = aggregate.data;
  const walked: string[] = [];
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) {
      const options = at !== null && typeof at === 'object' ? Object.keys(at).slice(0, 12).join(', ') : '(a plain value)';
      throw new AuthorError(`aggregate "${aggregate.provenance.aggregate}" has no "${[...walked, key].join('.')}"`, {
        file: where, field: path, hint: `available at ${walked.join('.') || 'the top level'}: ${options}`,
      });
    }
    at = (at as Record<string, unknown>)[key];
    walked.push(key);
  }
  if (typeof at === 'number') return { value: at, qualifier: '' };
  if (at && typeof at === 'object' && typeof (at as { value?: unknown }).value === 'number') {
    const q = (at as { qualifier?: unknown }).qualifier;
    return { value: (at as { value: number }).value, qualifier: typeof q === 'string' ? q : '' };
  }
  throw new AuthorError(`"${path}" in aggregate "${aggregate.provenance.aggregate}" is not a number`, { file: where, field: path, hint: 'point the path at a number, e.g. "rows.0.count"' });
}

const SCALES = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
] as const;

/** English prose formatting: "22,645", "16%", "5.85 billion", "1,584". */
export function formatValue(value: number, format: ValueFormat = 'number', digits?: number): string {
  const fixed = (n: number, d: number) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: 0 });
  switch (format) {
    case 'integer':
      return fixed(Math.round(value), 0);
    case 'percent':
      return `${fixed(value * 100, digits ?? 0)}%`;
    case 'years':
      return fixed(value, digits ?? (Math.abs(value) < 10 ? 1 : 0));
    case 'compact': {
      for (const [size, word] of SCALES) {
        if (Math.abs(value) >= size) return `${fixed(value / size, digits ?? 2)} ${word}`;
      }
      return fixed(value, digits ?? 0);
    }
    default:
      return fixed(value, digits ?? 2);
  }
}
