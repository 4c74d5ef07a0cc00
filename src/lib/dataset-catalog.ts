// The catalog `npm run data` writes to src/generated/datasets.json: every
// dataset with its validated datasheet, and every aggregate with what it
// reads. The /datasets/ pages render it; pure helpers live here.
import type { Datasheet } from './datasheet.ts';

export interface CatalogDataset {
  id: string;
  datasheet: Datasheet;
}

export interface CatalogAggregate {
  name: string;
  description: string;
  datasets: string[];
  script: string;
  inputs: string[];
}

/** A dataset whose datasheet still has TODOs (as `npm run new` writes it). */
export interface UnfinishedDataset {
  id: string;
  file: string;
  /** The fields that still say TODO. */
  fields: string[];
}

export interface DatasetCatalog {
  /** Datasets with a complete, valid datasheet. */
  datasets: CatalogDataset[];
  aggregates: CatalogAggregate[];
  /** Datasets previews may use but no published essay can (absent in catalogs written before it existed). */
  unfinished?: UnfinishedDataset[];
}

const DATA_IMPORT = /^\s*import\s+[^;]*?from\s+['"]@data\/([a-z0-9-]+)['"]/gm;

/** Names of the aggregates an MDX essay imports through `@data/<name>`. */
export function importedAggregates(mdx: string): string[] {
  return [...new Set([...mdx.matchAll(DATA_IMPORT)].map((m) => m[1]!))].sort();
}

/** The aggregates built from a dataset. */
export function aggregatesOf(catalog: DatasetCatalog, datasetId: string): CatalogAggregate[] {
  return catalog.aggregates.filter((a) => a.datasets.includes(datasetId));
}

/** For each aggregate built from an unfinished dataset: that dataset. */
export function unfinishedByAggregate(catalog: DatasetCatalog): Map<string, UnfinishedDataset> {
  const byId = new Map((catalog.unfinished ?? []).map((u) => [u.id, u]));
  const found = new Map<string, UnfinishedDataset>();
  for (const a of catalog.aggregates) {
    const u = a.datasets.map((id) => byId.get(id)).find(Boolean);
    if (u) found.set(a.name, u);
  }
  return found;
}
