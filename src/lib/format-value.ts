// Printing one number from an aggregate in prose: look it up by a path (rows
// picked by name, see value-path.ts), format it for English text.
import { AuthorError } from './author-error.ts';
import type { Aggregate } from './provenance.ts';
import { lookupNumber } from './value-path.ts';

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

/**
 * The number at `path` ("figures.pairsAbove05", "labels[label=drizzle].days";
 * see value-path.ts), or an AuthorError at `where` (the essay and, when known,
 * the line) that lists what exists.
 */
export function valueAt(aggregate: Aggregate<unknown>, path: string, where: SourcePlace = { file: `src/generated/data/${aggregate.provenance.aggregate}.json` }): ResolvedValue {
  const found = lookupNumber(aggregate.data, path);
  if (found.ok) return { value: found.value, qualifier: found.qualifier };
  throw new AuthorError(`<Value>: in aggregate "${aggregate.provenance.aggregate}", ${found.problem}`, { ...where, field: 'Value.at', hint: found.hint });
}

export interface SourcePlace {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
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
