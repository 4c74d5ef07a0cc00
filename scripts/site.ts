// Last step of `npm run build`: Astro's build with one summary line instead
// of a line per written page (`-- --verbose`, or `npx astro build`, shows them).
// Warnings and errors still print as they happen. An author's error (it
// carries a "fix:") prints alone; anything else prints with its stack.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'astro';
import { formatDuration } from './data/report.ts';

/** Pages (.html files) and total bytes under `dir`. */
export function siteSize(dir: string): { pages: number; bytes: number } {
  let pages = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) pages++;
  }
  return { pages, bytes };
}

/** What a failed build prints: an author's error (it carries a "fix:") alone, anything else with its stack. */
export function failureText(error: Error): string {
  return /\n\s+fix: /.test(error.message) ? error.message : (error.stack ?? error.message);
}

if (import.meta.main) {
  const verbose = process.argv.includes('--verbose');
  const t0 = performance.now();
  try {
    await build({ root: process.cwd(), logLevel: verbose ? 'info' : 'warn' });
  } catch (error) {
    console.error(failureText(error as Error));
    console.error('site: not built; the last good dist/ is kept.');
    process.exit(1);
  }
  const { pages, bytes } = siteSize(join(process.cwd(), 'dist'));
  process.stdout.write(`site: ${pages} pages, ${(bytes / 2 ** 20).toFixed(1)} MiB in dist/, in ${formatDuration(performance.now() - t0)}\n`);
}
