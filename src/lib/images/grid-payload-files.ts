// Grid payloads as static files: <ImageGrid> registers each payload here at
// render time and passes its island only the URL; the grid-payloads
// integration writes the registered files into the build (and serves them in
// dev). The file name carries a content hash, so identical payloads share one
// file and a changed payload gets a new URL (safe to cache forever).
import { createHash } from 'node:crypto';

const KEY = Symbol.for('dataset-essays.grid-payloads');
type Registry = Map<string, string>;

/** The process-wide registry (shared by the integration and the SSR bundle). */
export function gridPayloadRegistry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  return (g[KEY] ??= new Map());
}

/** Public URL folder of the payload files. */
export const GRID_PAYLOAD_DIR = 'generated/grids';

/** Registers a payload and returns its root-relative URL. */
export function registerGridPayload(name: string, payload: unknown): string {
  const json = JSON.stringify(payload);
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 16);
  const file = `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.${hash}.json`;
  gridPayloadRegistry().set(file, json);
  return `/${GRID_PAYLOAD_DIR}/${file}`;
}
