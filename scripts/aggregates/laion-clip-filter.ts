// The CLIP similarity filter that decided which pairs entered LAION-5B: the
// published thresholds and counts, plus shares computed against 5.85 billion.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { figureRecord, figureRow, figuresByKey, figuresInput, figuresQuery } from './shared/published-figures.ts';

const KEYS = ['laion5bPairs', 'clipThresholdEnglish', 'clipThresholdOther', 'clipScoreCeiling', 'clipTextInImage', 'pairsAbove05', 'shareNearThreshold', 'removedByPlus001'] as const;


/** Shares of the whole set, and "1 in N" for the rare ones, computed from the published counts. */
export function clipShares(figures: Record<(typeof KEYS)[number], { value: number }>) {
  const total = figures.laion5bPairs.value;
  return {
    pairsAbove05Share: figures.pairsAbove05.value / total,
    pairsAbove05OneIn: Math.round(total / figures.pairsAbove05.value),
    removedByPlus001Share: figures.removedByPlus001.value / total,
  };
}

export default defineAggregate({
  name: 'laion-clip-filter',
  description: 'CLIP similarity thresholds of LAION-5B and what they let through, as published, with shares of the 5.85 billion pairs computed.',
  datasets: ['laion-5b-published'],
  inputs: { figures: figuresInput('laion-5b-published') },
  queries: { figures: { sql: figuresQuery('clip', 'origin'), row: figureRow } },
  schema: z.strictObject({
    figures: figureRecord(KEYS),
    computed: z.strictObject({
      /** pairsAbove05 / laion5bPairs */
      pairsAbove05Share: z.number().min(0).max(1),
      /** laion5bPairs / pairsAbove05, rounded: "1 in N pairs scores above 0.5". */
      pairsAbove05OneIn: z.number().int().positive(),
      /** removedByPlus001 / laion5bPairs */
      removedByPlus001Share: z.number().min(0).max(1),
    }),
  }),
  transform: ({ rows }) => {
    const figures = figuresByKey(rows.figures, KEYS);
    return { figures, computed: clipShares(figures) };
  },
});
