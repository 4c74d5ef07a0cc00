// Every published LAION-5B figure of figures.csv, keyed for prose:
// <Value of={laionFigures} path="pairsAbove05.value" />.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { figureRecord, figureRow, figuresByKey, figuresInput, figuresQuery } from './shared/published-figures.ts';

export const LAION_FIGURE_KEYS = [
  'commonCrawlWebsites', 'webImagesWithAltShare', 'commonCrawlEnglishShare', 'laion5bPairs',
  'clipThresholdEnglish', 'clipThresholdOther', 'clipScoreCeiling', 'clipTextInImage', 'pairsAbove05',
  'shareNearThreshold', 'removedByPlus001', 'cld3LanguageClasses',
  'luxembourgishCaptions', 'luxembourgishSpeakers', 'commonCrawlLuxembourgishPages', 'commonCrawlPagesPerLuxembourgishPage',
  'aestheticEnglishPairsScored', 'aestheticScoreCutoff', 'aestheticSubsetImages',
  'dpchallengeTopReviewers', 'dpchallengeTopReviews', 'dpchallengeLocatedReviewers', 'dpchallengeWesternShare',
  'withdrawnYear',
] as const;

export default defineAggregate({
  name: 'laion-figures',
  description: 'Every single published LAION-5B figure (CLIP filter, languages, Luxembourgish, aesthetics, origin), keyed by name, with qualifier and citations.',
  datasets: ['laion-5b-published'],
  inputs: { figures: figuresInput('laion-5b-published') },
  queries: { figures: { sql: figuresQuery(), row: figureRow } },
  schema: figureRecord(LAION_FIGURE_KEYS),
  transform: ({ rows }) => {
    const extra = rows.figures.map((r) => r.key).filter((k) => !(LAION_FIGURE_KEYS as readonly string[]).includes(k));
    if (extra.length) throw new Error(`figures.csv has keys this aggregate does not expose: ${extra.join(', ')}; add them to LAION_FIGURE_KEYS`);
    return figuresByKey(rows.figures, LAION_FIGURE_KEYS);
  },
});

export type LaionFigures = z.infer<ReturnType<typeof figureRecord<(typeof LAION_FIGURE_KEYS)[number]>>>;
