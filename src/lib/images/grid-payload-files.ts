// Grid payloads as static files: <ImageGrid> registers each payload at render
// time and passes its island only the URL; the build-files integration
// (src/integrations/build-files.ts) writes the registered files into the
// build and serves them in dev. The file name carries a content hash, so
// identical payloads share one file and a changed payload gets a new URL
// (safe to cache forever).
import { registerBuildFile } from '../build-files.ts';

/** Public URL folder of the payload files. */
export const GRID_PAYLOAD_DIR = 'generated/grids';

/** Registers a payload and returns its root-relative URL: /generated/grids/<name>.<hash>.json. */
export function registerGridPayload(name: string, payload: unknown): string {
  return registerBuildFile(GRID_PAYLOAD_DIR, 'json', new TextEncoder().encode(JSON.stringify(payload)), name);
}
