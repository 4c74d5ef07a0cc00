// `npm run bench`: runs every benchmark part (bench/<part>.ts, each also
// runnable alone as `npm run bench:<part>` and writing bench/results/<part>.json),
// one after another, then merges the results into bench/results.json.
// Benchmarks never run in CI. Flags: --skip <part> (repeatable): a skipped
// part is not run; its last recorded bench/results/<part>.json (with its own
// date) is merged as it is, marked skipped in `runs`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const BENCH = import.meta.dirname;
const skip = new Set(process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--skip' ? [arg] : [])));
const allParts = readdirSync(BENCH)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();
const unknown = [...skip].filter((part) => !allParts.includes(part));
if (unknown.length) throw new Error(`--skip ${unknown.join(', ')}: no such part (parts: ${allParts.join(', ')})`);
const parts = allParts.filter((part) => !skip.has(part));

function runPart(part: string): Promise<{ code: number; seconds: number }> {
  const start = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(BENCH, `${part}.ts`)], { stdio: 'inherit' });
    child.on('close', (code) => done({ code: code ?? 1, seconds: Number(((performance.now() - start) / 1000).toFixed(1)) }));
  });
}

const runs: Record<string, { code: number; seconds: number } | { skipped: true }> = {};
for (const part of parts) {
  console.log(`\n== bench: ${part}`);
  runs[part] = await runPart(part);
}

const results: Record<string, unknown> = {};
const ok = (part: string) => {
  const run = runs[part]!;
  return 'code' in run && run.code === 0;
};
for (const part of allParts) {
  const file = join(BENCH, 'results', `${part}.json`);
  if (skip.has(part)) {
    runs[part] = { skipped: true };
    if (existsSync(file)) results[part] = JSON.parse(readFileSync(file, 'utf8'));
  } else if (ok(part) && existsSync(file)) {
    results[part] = JSON.parse(readFileSync(file, 'utf8'));
  }
}
const failed = parts.filter((part) => !ok(part) || !(part in results));
writeFileSync(
  join(BENCH, 'results.json'),
  `${JSON.stringify({
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30) },
    runs,
    failed,
    parts: results,
  }, null, 2)}\n`,
);
console.log(`\nbench: ${parts.length - failed.length}/${parts.length} part(s) ok -> bench/results.json${failed.length ? `; FAILED: ${failed.join(', ')}` : ''}`);
if (failed.length) process.exitCode = 1;
