// Published figures (content/datasets/*/figures.csv): one row per figure with
// its qualifier and citation keys. Shared by the aggregates that expose them.
import { z } from 'zod';
import type { InputSpec } from '../../../src/lib/aggregate-definition.ts';

export const QUALIFIERS = ['', 'about', 'nearly', 'under', 'more than'] as const;

/** A published figure as the page needs it: the number, how exact, and who said it. */
export const publishedFigure = z.strictObject({
  value: z.number(),
  unit: z.string(),
  /** "about", "nearly", "under", "more than", or "" when the source gives it exactly. */
  qualifier: z.enum(QUALIFIERS),
  label: z.string(),
  citations: z.array(z.string()).min(1),
});
export type PublishedFigure = z.infer<typeof publishedFigure>;

export const figuresInput = (dataset: string) =>
  ({
    kind: 'csv',
    from: { dataset, path: 'figures.csv' },
    columns: { key: 'VARCHAR', topic: 'VARCHAR', value: 'DOUBLE', unit: 'VARCHAR', qualifier: 'VARCHAR', label: 'VARCHAR', citation: 'VARCHAR' },
  }) as const satisfies InputSpec;

/** SQL selecting the figures of some topics (all when none given). */
export function figuresQuery(...topics: string[]): string {
  const where = topics.length ? ` WHERE topic IN (${topics.map((t) => `'${t}'`).join(', ')})` : '';
  return `SELECT key, topic, value, unit, coalesce(qualifier, '') AS qualifier, label, citation FROM figures${where} ORDER BY key`;
}

export const figureRow = z.object({
  key: z.string(),
  topic: z.string(),
  value: z.number(),
  unit: z.string(),
  qualifier: z.string(),
  label: z.string(),
  citation: z.string(),
});
export type FigureRow = z.infer<typeof figureRow>;

/** Splits "A;B" citation cells into keys. */
export const citationKeys = (cell: string | null): string[] => (cell ?? '').split(';').map((s) => s.trim()).filter(Boolean);

/** Figures keyed by their key; throws if an expected key is missing (a typo in the CSV). */
export function figuresByKey<K extends string>(rows: readonly FigureRow[], keys: readonly K[]): Record<K, PublishedFigure> {
  const out = {} as Record<K, PublishedFigure>;
  for (const key of keys) {
    const row = rows.find((r) => r.key === key);
    if (!row) throw new Error(`figures.csv has no row with key "${key}"`);
    const qualifier = QUALIFIERS.find((q) => q === row.qualifier);
    if (qualifier === undefined) throw new Error(`figures.csv row "${key}": qualifier "${row.qualifier}" is not one of ${QUALIFIERS.filter(Boolean).join(', ')} (or empty)`);
    out[key] = {
      value: row.value,
      unit: row.unit,
      qualifier,
      label: row.label,
      citations: citationKeys(row.citation),
    };
  }
  return out;
}

export const figureRecord = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, publishedFigure])) as Record<K, typeof publishedFigure>);
