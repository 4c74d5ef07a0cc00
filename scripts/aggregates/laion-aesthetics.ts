// LAION-Aesthetics: the image sets its predictor learned "beauty" from, who
// rated them, and the subset it selected, with totals and shares computed.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { citationKeys, figureRecord, figureRow, figuresByKey, figuresInput, figuresQuery } from './shared/published-figures.ts';

const KEYS = ['aestheticEnglishPairsScored', 'aestheticScoreCutoff', 'aestheticSubsetImages', 'dpchallengeTopReviewers', 'dpchallengeTopReviews', 'dpchallengeLocatedReviewers', 'dpchallengeWesternShare'] as const;

export default defineAggregate({
  name: 'laion-aesthetics',
  description: 'The three training sets of the LAION-Aesthetics predictor, the dpchallenge.com reviewer figures and the 600 million image subset, with totals and shares computed.',
  datasets: ['laion-5b-published'],
  inputs: {
    figures: figuresInput('laion-5b-published'),
    sets: {
      kind: 'csv',
      from: { dataset: 'laion-5b-published', path: 'aesthetics-training-sets.csv' },
      columns: { name: 'VARCHAR', images: 'INTEGER', qualifier: 'VARCHAR', what: 'VARCHAR', ratings: 'VARCHAR', citation: 'VARCHAR' },
    },
  },
  queries: {
    figures: { sql: figuresQuery('aesthetics'), row: figureRow },
    sets: {
      sql: "SELECT name, images, what, coalesce(ratings, '') AS ratings, citation FROM sets ORDER BY images",
      row: z.object({ name: z.string(), images: z.number(), what: z.string(), ratings: z.string(), citation: z.string() }),
    },
  },
  schema: z.strictObject({
    trainingSets: z.array(z.strictObject({ name: z.string(), images: z.number().int().positive(), what: z.string(), ratings: z.string(), citations: z.array(z.string()) })).min(1),
    figures: figureRecord(KEYS),
    computed: z.strictObject({
      /** Sum of the training sets' images. */
      trainingImages: z.number().int(),
      /** aestheticSubsetImages / aestheticEnglishPairsScored. */
      subsetShare: z.number().min(0).max(1),
      /** dpchallengeTopReviews / dpchallengeTopReviewers (a lower bound: reviews are "more than"). */
      reviewsPerTopReviewer: z.number(),
    }),
  }),
  transform: ({ rows }) => {
    const figures = figuresByKey(rows.figures, KEYS);
    return {
      trainingSets: rows.sets.map((s) => ({ name: s.name, images: s.images, what: s.what, ratings: s.ratings, citations: citationKeys(s.citation) })),
      figures,
      computed: {
        trainingImages: rows.sets.reduce((sum, s) => sum + s.images, 0),
        subsetShare: figures.aestheticSubsetImages.value / figures.aestheticEnglishPairsScored.value,
        reviewsPerTopReviewer: Math.round(figures.dpchallengeTopReviews.value / figures.dpchallengeTopReviewers.value),
      },
    };
  },
});
