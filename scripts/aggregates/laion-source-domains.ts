// LAION-5B image-text pairs by source domain, as published.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { citationKeys, QUALIFIERS } from './shared/published-figures.ts';

const domain = z.strictObject({
  domain: z.string(),
  pairs: z.number().int().positive(),
  qualifier: z.enum(QUALIFIERS),
  /** Share of all pairs, when the source states one (0.025 = 2.5%). */
  share: z.number().min(0).max(1).nullable(),
  /** The share as the source phrased it ("about 1 in 40 pairs"). */
  shareText: z.string(),
  citations: z.array(z.string()).min(1),
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
  },
  queries: {
    domains: {
      sql: "SELECT domain, pairs, coalesce(qualifier, '') AS qualifier, share, coalesce(share_text, '') AS share_text, citation FROM domains ORDER BY pairs DESC",
      row: z.object({ domain: z.string(), pairs: z.number(), qualifier: z.string(), share: z.number().nullable(), share_text: z.string(), citation: z.string() }),
    },
  },
  schema: z.strictObject({ domains: z.array(domain).min(1) }),
  transform: ({ rows }) => ({
    domains: rows.domains.map((r) => ({
      domain: r.domain,
      pairs: r.pairs,
      qualifier: r.qualifier as (typeof QUALIFIERS)[number],
      share: r.share,
      shareText: r.share_text,
      citations: citationKeys(r.citation),
    })),
  }),
});
