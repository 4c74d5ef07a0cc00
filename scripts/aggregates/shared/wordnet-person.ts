// The committed WordNet person subtree (content/datasets/wordnet-person/synsets.csv)
// as a DuckDB table, and the graph walks shared by its aggregates.
import { z } from 'zod';
import type { InputSpec } from '../../../src/lib/aggregate-definition.ts';

export const PERSON = '00007846';

export const synsetsInput = {
  kind: 'csv',
  from: { dataset: 'wordnet-person', path: 'synsets.csv' },
  columns: { offset: 'VARCHAR', lexfile: 'INTEGER', words: 'VARCHAR', gloss: 'VARCHAR', parents: 'VARCHAR', in21k: 'INTEGER', in1k: 'INTEGER' },
} as const satisfies InputSpec;

export const synsetsQuery = {
  sql: "SELECT \"offset\", lexfile, words, gloss, coalesce(parents, '') AS parents, in21k = 1 AS in21k, in1k = 1 AS in1k FROM synsets",
  row: z.object({ offset: z.string().regex(/^\d{8}$/), lexfile: z.number(), words: z.string(), gloss: z.string(), parents: z.string(), in21k: z.boolean(), in1k: z.boolean() }),
};
export type SynsetRow = z.infer<typeof synsetsQuery.row>;

/** Named instances (particular people) below the categories, in their own file. */
export const instancesInput = {
  kind: 'csv',
  from: { dataset: 'wordnet-person', path: 'instances.csv' },
  columns: { offset: 'VARCHAR', words: 'VARCHAR', parents: 'VARCHAR', in21k: 'INTEGER', in1k: 'INTEGER' },
} as const satisfies InputSpec;

export const instancesQuery = {
  sql: "SELECT \"offset\", words, coalesce(parents, '') AS parents, in21k = 1 AS in21k, in1k = 1 AS in1k FROM instances",
  row: z.object({ offset: z.string().regex(/^\d{8}$/), words: z.string(), parents: z.string(), in21k: z.boolean(), in1k: z.boolean() }),
};

export interface PersonGraph {
  byOffset: Map<string, SynsetRow>;
  children: Map<string, string[]>;
  /** Shortest number of hyponym links from person. */
  depth: Map<string, number>;
}

export function personGraph(rows: readonly SynsetRow[]): PersonGraph {
  const byOffset = new Map(rows.map((r) => [r.offset, r]));
  if (!byOffset.has(PERSON)) throw new Error(`synsets.csv has no row for person (${PERSON})`);
  const children = new Map<string, string[]>(rows.map((r) => [r.offset, []]));
  for (const r of rows) {
    for (const p of r.parents.split('|').filter(Boolean)) {
      const list = children.get(p);
      if (!list) throw new Error(`synset ${r.offset} names parent ${p}, which is not in synsets.csv`);
      list.push(r.offset);
    }
  }
  const depth = new Map([[PERSON, 0]]);
  const queue = [PERSON];
  for (let q = 0; q < queue.length; q++) {
    for (const c of children.get(queue[q]!)!) {
      if (!depth.has(c)) {
        depth.set(c, depth.get(queue[q]!)! + 1);
        queue.push(c);
      }
    }
  }
  const orphan = rows.find((r) => !depth.has(r.offset));
  if (orphan) throw new Error(`synset ${orphan.offset} is not reachable from person through the parents column`);
  return { byOffset, children, depth };
}

/** Every synset below `offset` (itself included), each counted once although WordNet allows several parents. */
export function descendants(g: PersonGraph, offset: string): Set<string> {
  const seen = new Set([offset]);
  const stack = [offset];
  while (stack.length) for (const c of g.children.get(stack.pop()!)!) if (!seen.has(c)) { seen.add(c); stack.push(c); }
  return seen;
}
