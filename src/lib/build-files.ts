// Static files that components make at render time (e.g. <DigitRows>' tiny
// PNGs): a component registers the bytes and gets a root-relative URL; the
// build-files integration (src/integrations/build-files.ts) writes every
// registered file into the build and serves them in `astro dev`. Names carry
// a content hash: identical files are stored once, changed ones get new URLs.
import { createHash } from 'node:crypto';

const KEY = Symbol.for('dataset-essays.build-files');
/** Path under the site root (e.g. "generated/digits/x.png") -> bytes. */
type Registry = Map<string, Uint8Array>;

/** The process-wide registry (shared by the integration and the SSR bundle). */
export function buildFileRegistry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  return (g[KEY] ??= new Map());
}

/**
 * Registers `data` as `<dir>/<name>.<hash>.<ext>` (or `<dir>/<hash>.<ext>`
 * without a name; dir relative to the site root) and returns its URL. The
 * hash is the first 16 hex digits of the bytes' sha256.
 */
export function registerBuildFile(dir: string, ext: string, data: Uint8Array, name?: string): string {
  const hash = createHash('sha256').update(data).digest('hex').slice(0, 16);
  const base = name ? `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.${hash}` : hash;
  const path = `${dir.replace(/^\/|\/$/g, '')}/${base}.${ext}`;
  buildFileRegistry().set(path, data);
  return `/${path}`;
}
