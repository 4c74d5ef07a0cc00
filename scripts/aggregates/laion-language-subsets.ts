// LAION-5B's three language subsets, their published sizes, and the total and
// shares computed from them (the total matches the paper's 5.85 billion).
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { citationKeys } from './shared/published-figures.ts';

export default defineAggregate({
  name: 'laion-language-subsets',
  description: 'Pairs in LAION-2B-en, LAION-2B-multi and LAION-1B-nolang as published, with the total and each share computed.',
  datasets: ['laion-5b-published'],
  inputs: {
    subsets: {
      kind: 'csv',
      from: { dataset: 'laion-5b-published', path: 'language-subsets.csv' },
      columns: { subset: 'VARCHAR', pairs: 'BIGINT', qualifier: 'VARCHAR', citation: 'VARCHAR', note: 'VARCHAR' },
    },
  },
  queries: {
    subsets: {
      sql: 'SELECT subset, pairs, note, citation, (pairs / sum(pairs) OVER ())::DOUBLE AS share FROM subsets ORDER BY pairs DESC',
      row: z.object({ subset: z.string(), pairs: z.number(), note: z.string(), citation: z.string(), share: z.number() }),
    },
  },
  schema: z.strictObject({
    subsets: z.array(z.strictObject({ subset: z.string(), pairs: z.number().int(), share: z.number(), note: z.string(), citations: z.array(z.string()) })).length(3),
    /** Computed: the sum of the three published subset sizes. */
    totalPairs: z.number().int(),
  }),
  transform: ({ rows }) => ({
    subsets: rows.subsets.map((r) => ({ subset: r.subset, pairs: r.pairs, share: Math.round(r.share * 10000) / 10000, note: r.note, citations: citationKeys(r.citation) })),
    totalPairs: rows.subsets.reduce((s, r) => s + r.pairs, 0),
  }),
});
