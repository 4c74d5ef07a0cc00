// LAION-5B image-text pairs by source domain, as published, with each
// domain's share of the paper's 5.85 billion pairs computed (the audit's
// own "1 in 40" for Pinterest does not match its 155 million of 5.85 billion).
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { citationKeys, figureRow, figuresByKey, figuresInput, figuresQuery, QUALIFIERS } from './shared/published-figures.ts';

const domain = z.strictObject({
  domain: z.string(),
  pairs: z.number().int().positive(),
  qualifier: z.enum(QUALIFIERS),
  /** Share of all pairs, when the source states one (0.025 = 2.5%). */
  share: z.number().min(0).max(1).nullable(),
  /** The share as the source phrased it ("about 1 in 40 pairs"). */
  shareText: z.string(),
  citations: z.array(z.string()).min(1),
  /** Computed: pairs / the paper's total. */
  computedShare: z.number().min(0).max(1),
  /** Computed: total / pairs, rounded ("1 in N pairs"). */
  computedOneIn: z.number().int().positive(),
});

export default defineAggregate({
  name: 'laion-source-domains',
  description: 'Image-text pairs in LAION-5B from its largest named source domains (Pinterest, Shopify, SlidePlayer), as published.',
  datasets: ['laion-5b-published'],
  inputs: {
    domains: {
      kind: 'csv',
      from: { dataset: 'laion-5b-published', path: 'source-domains.csv' },
      columns: { domain: 'VARCHAR', pairs: 'BIGINT', qualifier: 'VARCHAR', share: 'DOUBLE', share_text: 'VARCHAR', citation: 'VARCHAR' },
    },
    figures: figuresInput('laion-5b-published'),
  },
  queries: {
    domains: {
      sql: "SELECT domain, pairs, coalesce(qualifier, '') AS qualifier, share, coalesce(share_text, '') AS share_text, citation FROM domains ORDER BY pairs DESC",
      row: z.object({ domain: z.string(), pairs: z.number(), qualifier: z.string(), share: z.number().nullable(), share_text: z.string(), citation: z.string() }),
    },
    figures: { sql: figuresQuery('origin'), row: figureRow },
  },
  schema: z.strictObject({ totalPairs: z.number().positive(), domains: z.array(domain).min(1) }),
  transform: ({ rows }) => {
    const totalPairs = figuresByKey(rows.figures, ['laion5bPairs'] as const).laion5bPairs.value;
    return {
      totalPairs,
      domains: rows.domains.map((r) => ({
        domain: r.domain,
        pairs: r.pairs,
        qualifier: r.qualifier as (typeof QUALIFIERS)[number],
        share: r.share,
        shareText: r.share_text,
        citations: citationKeys(r.citation),
        computedShare: r.pairs / totalPairs,
        computedOneIn: Math.round(totalPairs / r.pairs),
      })),
    };
  },
});
