// The dataset catalog `npm run data` writes, and which published essays cite
// each aggregate (by their `@data/<name>` imports), for the /datasets/ pages.
import catalogJson from '../../generated/datasets.json';
import type { DatasetCatalog } from '../../lib/dataset-catalog.ts';
import { importedAggregates } from '../../lib/dataset-catalog.ts';
import { publishedEssays } from '../../lib/essays.ts';

export const catalog = catalogJson as unknown as DatasetCatalog;

export interface CitingEssay { slug: string; title: string; aggregates: string[] }

/** Published essays with the aggregates each imports. */
export async function citingEssays(): Promise<CitingEssay[]> {
  const essays = await publishedEssays();
  return essays
    .map((e) => ({ slug: e.data.slug, title: e.data.title, aggregates: importedAggregates(e.body ?? '') }))
    .filter((e) => e.aggregates.length > 0);
}
