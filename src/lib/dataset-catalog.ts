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

export interface DatasetCatalog {
  datasets: CatalogDataset[];
  aggregates: CatalogAggregate[];
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
