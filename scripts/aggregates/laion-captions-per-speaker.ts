// LAION-5B's published captions-per-speaker figures next to CLDR's speaker
// estimates, and what the published ratios imply in captions.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { cldrInputs, firstLocale, languageName, speakersByLanguage } from './shared/cldr.ts';
import { citationKeys, figureRow, figuresByKey, figuresInput, figuresQuery, figureRecord } from './shared/published-figures.ts';

const LUX = ['luxembourgishCaptions', 'luxembourgishSpeakers', 'commonCrawlLuxembourgishPages', 'commonCrawlPagesPerLuxembourgishPage'] as const;

const language = z.strictObject({
  code: z.string(),
  name: z.string(),
  /** Published: captions per speaker (e.g. 1/35 for Swahili). */
  captionsPerSpeaker: z.number().positive(),
  /** The ratio as published: "<captions> caption(s) per <perSpeakers> speaker(s)". */
  publishedRatio: z.strictObject({ captions: z.number(), perSpeakers: z.number() }),
  /** Published speakers, where the source gives them. */
  publishedSpeakers: z.number().nullable(),
  /** CLDR estimate (sum of population x percent over territories). */
  cldrSpeakers: z.number().int(),
  /** Computed: published ratio x published speakers (null when not published). */
  impliedCaptionsFromPublished: z.number().nullable(),
  /** Computed: published ratio x CLDR estimate. An estimate built on an estimate. */
  impliedCaptionsFromCldr: z.number(),
  citations: z.array(z.string()),
});

export default defineAggregate({
  name: 'laion-captions-per-speaker',
  description: 'Published LAION-5B captions-per-speaker ratios and the Luxembourgish figures, joined with CLDR speaker estimates; implied caption counts computed and labelled as such.',
  datasets: ['laion-5b-published', 'cldr-speakers'],
  inputs: {
    ...cldrInputs,
    figures: figuresInput('laion-5b-published'),
    ratios: {
      kind: 'csv',
      from: { dataset: 'laion-5b-published', path: 'captions-per-speaker.csv' },
      columns: { language: 'VARCHAR', code: 'VARCHAR', captions: 'DOUBLE', per_speakers: 'DOUBLE', speakers: 'BIGINT', qualifier: 'VARCHAR', citation: 'VARCHAR' },
    },
  },
  queries: {
    ratios: {
      sql: 'SELECT code, captions, per_speakers, speakers, citation FROM ratios ORDER BY captions / per_speakers DESC',
      row: z.object({ code: z.string(), captions: z.number(), per_speakers: z.number().positive(), speakers: z.number().nullable(), citation: z.string() }),
    },
    figures: { sql: figuresQuery('luxembourgish'), row: figureRow },
  },
  schema: z.strictObject({
    languages: z.array(language).min(1),
    luxembourgish: z.strictObject({
      figures: figureRecord(LUX),
      cldrSpeakers: z.number().int(),
      /** Computed: published captions / published speakers. */
      captionsPerSpeakerPublished: z.number(),
      /** Computed: published captions / CLDR estimate. */
      captionsPerSpeakerCldr: z.number(),
    }),
  }),
  transform: ({ rows, files }) => {
    const estimates = new Map(speakersByLanguage(files.territoryInfo).map((e) => [e.code, e.speakers]));
    const names = firstLocale(files.languageNames.main).localeDisplayNames.languages;
    const scripts = firstLocale(files.scriptNames.main).localeDisplayNames.scripts;
    const cldr = (code: string) => {
      const n = estimates.get(code);
      if (n === undefined) throw new Error(`CLDR has no speaker estimate for language code "${code}" (captions-per-speaker.csv)`);
      return n;
    };
    const lux = figuresByKey(rows.figures, LUX);
    const luxCldr = cldr('lb');
    return {
      languages: rows.ratios.map((r) => {
        const ratio = r.captions / r.per_speakers;
        return {
          code: r.code,
          name: languageName(r.code, names, scripts),
          captionsPerSpeaker: ratio,
          publishedRatio: { captions: r.captions, perSpeakers: r.per_speakers },
          publishedSpeakers: r.speakers,
          cldrSpeakers: cldr(r.code),
          impliedCaptionsFromPublished: r.speakers === null ? null : Math.round(ratio * r.speakers),
          impliedCaptionsFromCldr: Math.round(ratio * cldr(r.code)),
          citations: citationKeys(r.citation),
        };
      }),
      luxembourgish: {
        figures: lux,
        cldrSpeakers: luxCldr,
        captionsPerSpeakerPublished: lux.luxembourgishCaptions.value / lux.luxembourgishSpeakers.value,
        captionsPerSpeakerCldr: lux.luxembourgishCaptions.value / luxCldr,
      },
    };
  },
});
