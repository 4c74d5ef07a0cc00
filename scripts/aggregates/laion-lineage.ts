// LAION's lineage as its sources describe it: which datasets were drawn from
// which, which models filtered or scored them, and what the aesthetics
// predictor was trained on, as nodes and edges for a lineage graph.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { citationKeys } from './shared/published-figures.ts';

export const NODE_KINDS = ['dataset', 'model', 'people'] as const;
export const RELATIONS = ['trained on', 'filtered by', 'scored by', 'drawn from'] as const;

export default defineAggregate({
  name: 'laion-lineage',
  description: 'Datasets, models and people behind LAION-5B and LAION-Aesthetics, and how each fed the next (drawn from, filtered by, scored by, trained on), as published.',
  datasets: ['laion-5b-published'],
  inputs: {
    nodes: { kind: 'csv', from: { dataset: 'laion-5b-published', path: 'lineage-nodes.csv' }, columns: { id: 'VARCHAR', label: 'VARCHAR', kind: 'VARCHAR', citation: 'VARCHAR' } },
    edges: { kind: 'csv', from: { dataset: 'laion-5b-published', path: 'lineage-edges.csv' }, columns: { from: 'VARCHAR', to: 'VARCHAR', relation: 'VARCHAR', citation: 'VARCHAR' } },
  },
  queries: {
    nodes: { sql: 'SELECT id, label, kind, citation FROM nodes', row: z.object({ id: z.string(), label: z.string(), kind: z.string(), citation: z.string() }) },
    edges: { sql: 'SELECT "from", "to", relation, citation FROM edges', row: z.object({ from: z.string(), to: z.string(), relation: z.string(), citation: z.string() }) },
  },
  schema: z.strictObject({
    nodes: z.array(z.strictObject({ id: z.string(), label: z.string(), kind: z.enum(NODE_KINDS), citations: z.array(z.string()).min(1) })).min(1),
    /** Data flows from `from` to `to`: it reads "<to> <relation> <from>". */
    edges: z.array(z.strictObject({ from: z.string(), to: z.string(), relation: z.enum(RELATIONS), citations: z.array(z.string()).min(1) })),
  }),
  transform: ({ rows }) => {
    const ids = new Set(rows.nodes.map((n) => n.id));
    for (const e of rows.edges) {
      for (const end of [e.from, e.to]) if (!ids.has(end)) throw new Error(`lineage-edges.csv: edge ${e.from} -> ${e.to} names "${end}", which lineage-nodes.csv does not have`);
    }
    return {
      nodes: rows.nodes.map((n) => ({ id: n.id, label: n.label, kind: n.kind as (typeof NODE_KINDS)[number], citations: citationKeys(n.citation) })),
      edges: rows.edges.map((e) => ({ from: e.from, to: e.to, relation: e.relation as (typeof RELATIONS)[number], citations: citationKeys(e.citation) })),
    };
  },
});
