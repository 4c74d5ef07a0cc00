// Vite wiring for aggregates: the `@data/<name>` import alias.
import { fileURLToPath } from 'node:url';

/** `@data/<name>` -> src/generated/data/<name>.ts, relative to the config file. */
export function dataAlias(configUrl: string): { find: RegExp; replacement: string } {
  return { find: /^@data\/([a-z0-9-]+)$/, replacement: fileURLToPath(new URL('./src/generated/data/', configUrl)) + '$1.ts' };
}
