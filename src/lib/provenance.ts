// Provenance: every aggregate says which datasets, script and input files made
// it, so every chart can print where its numbers came from.
import { z } from 'zod';

export const provenanceSchema = z.strictObject({
  /** Aggregate name, e.g. "mnist-label-counts". */
  aggregate: z.string().min(1),
  /** Ids of the datasets used (folders in content/datasets/). */
  datasets: z.array(z.string().min(1)).min(1),
  /** The script that computed it, relative to the project root. */
  script: z.string().min(1),
  /** Content hashes of every input file, for reproducibility. */
  inputs: z.array(z.strictObject({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  /** Human-readable source credit for the line under a chart. */
  source: z.string().min(1),
});

export type Provenance = z.infer<typeof provenanceSchema>;

/** The text of a chart's source line: "Source: …". */
export function sourceLine(provenance: Pick<Provenance, 'source'>): string {
  return `Source: ${provenance.source}`;
}

/** Where a dataset's generated page lives. */
export function datasetHref(id: string): string {
  return `/datasets/${id}/`;
}

/**
 * What every aggregate file holds: its provenance and its typed data.
 * Components take an `Aggregate<T>` so they can always print the source line.
 */
export interface Aggregate<T> {
  provenance: Provenance;
  data: T;
}
