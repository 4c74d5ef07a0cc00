// `npm run bench:anchors`: Lighthouse on the anchor pages and on ours in one
// run, interleaved (anchor, our benchmark essay, ways-to-see, repeat) for
// --rounds rounds (default 3), with the 1-minute load average before every
// run; writes per-round ratios (ours / anchor) to bench/results/anchors.json.
// The anchor is the benchmark page built with Observable Framework from
// ../shared/anchors/framework/ (or --anchors <dir>): copied into a temporary
// folder, its fixtures generated, its packages installed there from the npm
// registry (never into this project) and built; a copy whose sources did not
// change is reused. Our site is built in a temporary copy with the benchmark
// essay, as bench:lighthouse does. Never in CI: it needs the network once and
// many minutes of CPU. Run it under the heavy lock.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { startServer } from '../scripts/serve.ts';
import { sha256 } from '../scripts/lib/hash.ts';
import { copyProject } from '../scripts/quality/project-copy.ts';
import { lighthouseNumbers } from './lib/lighthouse-metrics.ts';
import { aboveBusyLoad, BUSY_LOAD, loadNow, runLighthouse, settle } from './lib/lighthouse-run.ts';
import { addBenchmarkEssay, BENCHMARK_SLUG } from './lib/benchmark-essay.ts';
import { ANCHOR_GOALS, atOrBetter, goalMisses, median, METRICS, ratios, type AnchorMetrics } from './lib/anchor-ratios.ts';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(tmpdir(), 'dataset-essays-bench');
const ANCHOR_DIR = join(WORK, 'anchor-framework');
const SITE_DIR = join(WORK, 'site');
const REPORTS = 'bench/tmp/anchors';
const RESULTS = 'bench/results/anchors.json';
const OURS = [
  { name: 'benchmark', path: `/${BENCHMARK_SLUG}/` },
  { name: 'ways-to-see', path: '/ways-to-see-a-dataset/' },
] as const;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((done, fail) => {
    // npm from the project's Node (node_modules/.bin first), talking to the npm registry only.
    const path = `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`;
    const child = spawn(command, args, { cwd, env: { ...process.env, PATH: path, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} in ${cwd} exited ${code}:\n${output.slice(-4000)}`))));
  });
}

/** sha256 over every file of the anchor's sources (names and bytes): a changed anchor is rebuilt. */
function sourceHash(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const abs = join(d, entry);
      if (statSync(abs).isDirectory()) walk(abs);
      else parts.push(`${relative(dir, abs)}:${sha256(readFileSync(abs))}`);
    }
  };
  walk(dir);
  return sha256(parts.join('\n'));
}

function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir)) {
    const abs = join(dir, entry);
    if (statSync(abs).isDirectory()) makeWritable(abs);
    else chmodSync(abs, 0o644);
  }
}

/** Builds the Framework anchor as its README says, in a temporary folder; returns its dist/. */
async function buildFrameworkAnchor(source: string): Promise<{ dist: string; version: string; reused: boolean }> {
  const stamp = join(ANCHOR_DIR, '.source-sha256');
  const hash = sourceHash(source);
  const dist = join(ANCHOR_DIR, 'dist');
  const version = () => (JSON.parse(readFileSync(join(ANCHOR_DIR, 'node_modules/@observablehq/framework/package.json'), 'utf8')) as { version: string }).version;
  if (existsSync(join(dist, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return { dist, version: version(), reused: true };
  rmSync(ANCHOR_DIR, { recursive: true, force: true });
  cpSync(source, ANCHOR_DIR, { recursive: true });
  makeWritable(ANCHOR_DIR); // the shared folder is read-only; the copy is ours to build in
  await run(process.execPath, ['gen-fixtures.mjs', 'fixtures'], ANCHOR_DIR);
  mkdirSync(join(ANCHOR_DIR, 'raw'), { recursive: true });
  mkdirSync(join(ANCHOR_DIR, 'src/images'), { recursive: true });
  cpSync(join(ANCHOR_DIR, 'fixtures/rows.csv'), join(ANCHOR_DIR, 'raw/rows.csv'));
  cpSync(join(ANCHOR_DIR, 'fixtures/images'), join(ANCHOR_DIR, 'src/images'), { recursive: true });
  rmSync(join(ANCHOR_DIR, 'fixtures'), { recursive: true });
  console.log('anchors: installing Observable Framework from the npm registry into', ANCHOR_DIR);
  await run('npm', ['install', '--no-audit', '--no-fund'], ANCHOR_DIR);
  console.log('anchors: building the Framework anchor ...');
  await run(join(ANCHOR_DIR, 'node_modules/.bin/observable'), ['build'], ANCHOR_DIR, { OBSERVABLE_TELEMETRY_DISABLE: 'true' });
  writeFileSync(stamp, hash);
  return { dist, version: version(), reused: false };
}

async function buildOurSite(): Promise<string> {
  console.log(`anchors: building our site with the benchmark essay in ${SITE_DIR} ...`);
  const project = copyProject({ into: SITE_DIR });
  const benchmark = await addBenchmarkEssay(project.dir);
  if (!benchmark.added) throw new Error(`the benchmark essay could not be added: ${benchmark.reason}`);
  const build = await project.run('build');
  if (build.code !== 0) throw new Error(`the bench site did not build:\n${build.output}`);
  return join(project.dir, 'dist');
}

interface Measured extends AnchorMetrics { loadAverage1m: number; aboveLoad4: boolean; accessibility: number; failedAudits: string[] }

async function measure(url: string, report: string): Promise<Measured> {
  const loadAverage1m = loadNow();
  const n = lighthouseNumbers((await runLighthouse(url, report)) as Parameters<typeof lighthouseNumbers>[0]);
  return {
    performance: n.performance, lcpMs: n.lcpMs, tbtMs: n.tbtMs, cls: n.cls,
    bytes: n.onLoad.bytes, jsBytes: n.onLoad.jsBytes, requests: n.onLoad.requests,
    accessibility: n.accessibility, failedAudits: n.failedAudits,
    loadAverage1m, aboveLoad4: aboveBusyLoad(loadAverage1m),
  };
}

const line = (label: string, m: Measured) =>
  `${label.padEnd(12)} perf ${m.performance}  LCP ${m.lcpMs} ms  TBT ${m.tbtMs} ms  CLS ${m.cls}  ${m.bytes} B (JS ${m.jsBytes} B)  load ${m.loadAverage1m}${m.aboveLoad4 ? ` (ABOVE LOAD ${BUSY_LOAD})` : ''}`;

async function main() {
  const rounds = Number(arg('--rounds') ?? 3);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number, e.g. --rounds 3');
  const anchors = resolve(arg('--anchors') ?? join(ROOT, '../shared/anchors'));
  const frameworkSource = join(anchors, 'framework');
  if (!existsSync(join(frameworkSource, 'package.json'))) {
    throw new Error(`${frameworkSource}/package.json not found: pass the anchors folder with --anchors <dir> (the one holding framework/)`);
  }
  const anchor = await buildFrameworkAnchor(frameworkSource);
  console.log(`anchors: Framework ${anchor.version} ${anchor.reused ? '(reused the last build)' : 'built'}`);
  const dist = await buildOurSite();
  const anchorServer = await startServer({ root: anchor.dist });
  const ourServer = await startServer({ root: dist });
  const waited = await settle(availableParallelism() * 0.5, 120_000);
  if (waited > 0) console.log(`anchors: waited ${waited} s for the machine to settle after the builds`);
  mkdirSync(REPORTS, { recursive: true });
  const perRound: { round: number; framework: Measured; ours: Record<string, Measured & { ratios: ReturnType<typeof ratios>; atOrBetter: ReturnType<typeof atOrBetter>; goalMisses: string[] }> }[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      const framework = await measure(`${anchorServer.url}/`, join(REPORTS, `framework.round${round}.json`));
      console.log(`round ${round}\n  ${line('framework', framework)}`);
      const ours: (typeof perRound)[number]['ours'] = {};
      for (const page of OURS) {
        const m = await measure(`${ourServer.url}${page.path}`, join(REPORTS, `${page.name}.round${round}.json`));
        ours[page.name] = { ...m, ratios: ratios(m, framework), atOrBetter: atOrBetter(m, framework), goalMisses: goalMisses(m, framework, m.loadAverage1m, BUSY_LOAD) };
        console.log(`  ${line(page.name, m)}\n    ratio to framework: ${METRICS.map((k) => `${k} ${ours[page.name]!.ratios[k]}`).join(', ')}${ours[page.name]!.goalMisses.length ? `\n    MISSES: ${ours[page.name]!.goalMisses.join('; ')}` : ''}`);
      }
      perRound.push({ round, framework, ours });
    }
  } finally {
    anchorServer.server.close();
    ourServer.server.close();
  }
  const medians = (pick: (r: (typeof perRound)[number]) => AnchorMetrics) =>
    Object.fromEntries(METRICS.map((k) => [k, median(perRound.map((r) => pick(r)[k]))])) as unknown as AnchorMetrics;
  const frameworkMedian = medians((r) => r.framework);
  const summary = Object.fromEntries(OURS.map((p) => {
    const m = medians((r) => r.ours[p.name]!);
    return [p.name, { median: m, medianRatios: ratios(m, frameworkMedian), atOrBetterEveryRound: Object.fromEntries(METRICS.map((k) => [k, perRound.every((r) => r.ours[p.name]!.atOrBetter[k])])) }];
  }));
  const loads = perRound.flatMap((r) => [r.framework.loadAverage1m, ...OURS.map((p) => r.ours[p.name]!.loadAverage1m)]);
  const lighthouseVersion = (createRequire(import.meta.url)('lighthouse/package.json') as { version: string }).version;
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({
    part: 'anchors',
    date: new Date().toISOString(),
    loadAverage1m: { min: Math.min(...loads), max: Math.max(...loads), busyAbove: BUSY_LOAD },
    settings: { lighthouse: lighthouseVersion, formFactor: 'mobile', throttling: 'simulate', server: 'scripts/serve.ts (gzip) for both', order: 'framework, benchmark, ways-to-see; repeated', rounds },
    anchors: { framework: { version: anchor.version, source: 'shared/anchors/framework', page: '/' } },
    pages: Object.fromEntries(OURS.map((p) => [p.name, p.path])),
    goals: ANCHOR_GOALS,
    rounds: perRound,
    frameworkMedian,
    summary,
  }, null, 2)}\n`);
  console.log(`anchors: ${rounds} round(s) in ${RESULTS}; reports in ${REPORTS}/`);
}

await main();
