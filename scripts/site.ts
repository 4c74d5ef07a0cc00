// Last step of `npm run build`: Astro's build with one summary line instead
// of a line per written page (`-- --verbose`, or `npx astro build`, shows them).
// Warnings and errors still print as they happen. An author's error (it
// carries a "fix:") prints alone; anything else prints with its stack.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/** The flags this step passes on to Astro: `--outDir <dir>` (or `--outDir=<dir>`), `--force`, `--verbose`. */
export function siteArgs(argv: string[]): { outDir: string; force: boolean; verbose: boolean } {
  let outDir = 'dist';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--outDir') {
      const next = argv[i + 1];
      if (!next || next.startsWith('--')) throw new Error('site: --outDir needs a folder\n  fix: npm run build -- --outDir <folder>');
      outDir = next;
      i++;
    } else if (arg.startsWith('--outDir=')) outDir = arg.slice('--outDir='.length);
    else if (arg !== '--force' && arg !== '--verbose') {
      throw new Error(`site: unknown flag ${arg}\n  fix: the build step takes --outDir <folder>, --force and --verbose`);
    }
  }
  return { outDir, force: argv.includes('--force'), verbose: argv.includes('--verbose') };
}

if (import.meta.main) {
  let args: ReturnType<typeof siteArgs>;
  try {
    args = siteArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const { outDir, force, verbose } = args;
  const t0 = performance.now();
  try {
    await build({ root: process.cwd(), outDir, force, logLevel: verbose ? 'info' : 'warn' });
  } catch (error) {
    console.error(failureText(error as Error));
    console.error('site: not built; the last good dist/ is kept.');
    process.exit(1);
  }
  const { pages, bytes } = siteSize(resolve(process.cwd(), outDir));
  process.stdout.write(`site: ${pages} pages, ${(bytes / 2 ** 20).toFixed(1)} MiB in ${outDir}/, in ${formatDuration(performance.now() - t0)}\n`);
}
