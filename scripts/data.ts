// `npm run data`: builds every aggregate in scripts/aggregates/ into
// src/generated/data/ (cached by content hash). Options:
//   --force          rebuild everything, ignoring the cache
//   --only a,b       build only these aggregates
//   --verbose        a line per aggregate (time, peak memory so far)
// Exit code 1 if any datasheet or aggregate failed (the others are written).
import { formatDuration, makeReporter, slowest } from './data/report.ts';
import { runAggregates } from './data/run-aggregates.ts';
import { essayProblemsBesideData } from './data/essay-problems.ts';

const args = process.argv.slice(2);
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1])?.split(',').filter(Boolean) : undefined;

const report = makeReporter(process.stdout, Boolean(process.stdout.isTTY) && !process.env.CI, args.includes('--verbose'));
const summary = await runAggregates({ root: process.cwd(), force: args.includes('--force'), ...(only ? { only } : {}), report });
report.end();
const count = (s: string) => summary.results.filter((r) => r.status === s).length;
const failed = count('failed') + summary.datasheetErrors.length;
process.stdout.write(
  `data: ${summary.results.length} aggregates (${count('built')} built, ${count('cached')} cached, ${count('failed')} failed)` +
    `${summary.datasheetErrors.length ? `, ${summary.datasheetErrors.length} invalid datasheet(s)` : ''} in ${formatDuration(summary.ms)}, peak RSS ${summary.peakRssMb} MB${slowest(summary.results)}\n`,
);
for (const u of summary.unfinished) {
  process.stdout.write(`data: unfinished datasheet (fine for a preview; \`npm run build\` refuses a published essay that uses it):\n${u.message.split('\n').map((l) => `    ${l}`).join('\n')}\n`);
}
if (failed > 0) {
  // The build stops here, before Astro checks the essays: list their problems now too.
  process.stdout.write(await essayProblemsBesideData(process.cwd(), summary.results.filter((r) => r.status === 'failed').map((r) => r.name)));
  process.stdout.write('data: fix the problems above; the other aggregates were written and earlier outputs of failed ones were kept.\n');
  process.exitCode = 1;
}
