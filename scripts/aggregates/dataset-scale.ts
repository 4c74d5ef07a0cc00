// Dataset sizes by year and the time one person would need to look at every
// image, COMPUTED from the counts (never typed in), beside the published times.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { citationKeys, QUALIFIERS } from './shared/published-figures.ts';

export const SECONDS_PER_IMAGE = 10;
/** Julian year: 365.25 days of 86,400 seconds. */
export const SECONDS_PER_YEAR = 365.25 * 86_400;

/** Years of looking, without a break, at `count` images for `secondsPerImage` each. */
export function viewingYears(count: number, secondsPerImage = SECONDS_PER_IMAGE): number {
  return (count * secondsPerImage) / SECONDS_PER_YEAR;
}

const row = z.strictObject({
  dataset: z.string(),
  year: z.number().int(),
  count: z.number().positive(),
  unit: z.string(),
  qualifier: z.enum(QUALIFIERS),
  /** Which count this is when a dataset has several ("" when it has one). */
  countSource: z.string(),
  citations: z.array(z.string()).min(1),
  /** Computed: count x secondsPerImage, in years. */
  viewingYears: z.number(),
  /** Computed: the same time in hours (readable for small datasets). */
  viewingHours: z.number(),
});

export default defineAggregate({
  name: 'dataset-scale',
  description: 'Sizes of Caltech 101, ImageNet, LAION-5B and CommonPool by year, with the years needed to look at every image for 10 seconds computed from each count, next to the published figures.',
  datasets: ['dataset-scale'],
  inputs: {
    sizes: {
      kind: 'csv',
      from: { dataset: 'dataset-scale', path: 'sizes.csv' },
      columns: { dataset: 'VARCHAR', year: 'INTEGER', count: 'BIGINT', unit: 'VARCHAR', qualifier: 'VARCHAR', count_source: 'VARCHAR', citation: 'VARCHAR' },
    },
    published: {
      kind: 'csv',
      from: { dataset: 'dataset-scale', path: 'published-viewing-times.csv' },
      columns: { dataset: 'VARCHAR', years: 'DOUBLE', qualifier: 'VARCHAR', citation: 'VARCHAR' },
    },
  },
  queries: {
    sizes: {
      sql: "SELECT dataset, year, count, unit, coalesce(qualifier, '') AS qualifier, coalesce(count_source, '') AS count_source, citation FROM sizes ORDER BY year, count",
      row: z.object({ dataset: z.string(), year: z.number(), count: z.number(), unit: z.string(), qualifier: z.string(), count_source: z.string(), citation: z.string() }),
    },
    published: {
      sql: "SELECT dataset, years, coalesce(qualifier, '') AS qualifier, citation FROM published",
      row: z.object({ dataset: z.string(), years: z.number(), qualifier: z.string(), citation: z.string() }),
    },
  },
  schema: z.strictObject({
    secondsPerImage: z.number(),
    daysPerYear: z.number(),
    rows: z.array(row).min(1),
    /** Each published viewing time with the computed one for the count it matches best. */
    published: z.array(z.strictObject({
      dataset: z.string(),
      publishedYears: z.number(),
      qualifier: z.string(),
      citations: z.array(z.string()),
      /** The count whose computed time is closest to the published one. */
      matchingCount: z.number(),
      computedYears: z.number(),
    })),
  }),
  transform: ({ rows }) => {
    const out = rows.sizes.map((r) => {
      const qualifier = QUALIFIERS.find((q) => q === r.qualifier);
      if (qualifier === undefined) throw new Error(`sizes.csv ${r.dataset}: qualifier "${r.qualifier}" is not one of ${QUALIFIERS.join(', ')}`);
      const years = viewingYears(r.count);
      return { dataset: r.dataset, year: r.year, count: r.count, unit: r.unit, qualifier, countSource: r.count_source, citations: citationKeys(r.citation), viewingYears: years, viewingHours: (r.count * SECONDS_PER_IMAGE) / 3600 };
    });
    const published = rows.published.map((p) => {
      const candidates = out.filter((r) => r.dataset === p.dataset);
      if (candidates.length === 0) throw new Error(`published-viewing-times.csv names "${p.dataset}", which sizes.csv does not have`);
      const best = candidates.reduce((a, b) => (Math.abs(b.viewingYears - p.years) < Math.abs(a.viewingYears - p.years) ? b : a));
      return { dataset: p.dataset, publishedYears: p.years, qualifier: p.qualifier, citations: citationKeys(p.citation), matchingCount: best.count, computedYears: best.viewingYears };
    });
    return { secondsPerImage: SECONDS_PER_IMAGE, daysPerYear: 365.25, rows: out, published };
  },
});
