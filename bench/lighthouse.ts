// `npm run bench:lighthouse`: Lighthouse (mobile, simulated throttling) on the
// home page, every essay and the benchmark essay, served with gzip on
// 127.0.0.1 from a build made in a temporary copy (never the published dist/).
// Also counts requests after scrolling to the bottom in Chromium. Writes
// bench/results/lighthouse.json; prints one line per page with budget misses.
// Each page is measured --runs times (default 3) and the median run is kept,
// with every run's score listed: simulated throttling scales the main-thread
// time this CPU actually took, so scores move with what else the machine does.
// Before measuring it waits (up to 2 minutes) for the load left by the build
// to settle. Flags: --only <url path> (repeatable) measures some pages only
// and merges them into the last results; --runs <n>.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.ts';
import { listBuiltPages } from '../scripts/quality/built-files.ts';
import { copyProject } from '../scripts/quality/project-copy.ts';
import { pathForFile } from '../src/lib/quality/internal-links.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/lib/chromium.ts';
import { BUDGET, budgetMisses, lighthouseNumbers, medianRun, mergeResults, type LighthouseNumbers, type PageKind } from './lib/lighthouse-metrics.ts';
import { addBenchmarkEssay, BENCHMARK_SLUG } from './lib/benchmark-essay.ts';
import { aboveBusyLoad, BUSY_LOAD, runLighthouse, settle } from './lib/lighthouse-run.ts';

// Outside the repo: a copy cannot live inside the folder it copies.
const SITE_DIR = join(tmpdir(), 'dataset-essays-bench', 'site');
const REPORTS = 'bench/tmp/lighthouse';
const MOBILE = { width: 412, height: 823 };

interface PageResult extends LighthouseNumbers {
  path: string;
  kind: PageKind;
  afterScroll: { requests: number; imageRequests: number; bytes: number };
  misses: string[];
  /** 1-minute load average when this page's reported run started. */
  loadAverage1m: number;
  /** Every run's scores, in the order they ran (the reported one is their median). */
  runs: { performance: number; tbtMs: number; lcpMs: number; loadAverage1m: number; aboveLoad4: boolean }[];
  /** True when the reported run started above load 4 (its scores are not held to the goals). */
  aboveLoad4: boolean;
  /** When this page was measured (a partial run keeps other pages' older results). */
  date: string;
}

const RESULTS = 'bench/results/lighthouse.json';

/** Requests (and encoded bytes) once the reader has scrolled to the bottom. */
async function scrollRequests(url: string): Promise<PageResult['afterScroll']> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: MOBILE, isMobile: true, deviceScaleFactor: 2 });
    const requests: { type: string; size: Promise<number> }[] = [];
    page.on('requestfinished', (request) => {
      requests.push({ type: request.resourceType(), size: request.sizes().then((s) => s.responseBodySize, () => 0) });
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.evaluate(async () => {
      const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight * 0.8) {
        scrollTo(0, y);
        await frame();
      }
    });
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(requests.map((r) => r.size));
    return {
      requests: requests.length,
      imageRequests: requests.filter((r) => r.type === 'image').length,
      bytes: sizes.reduce((a, b) => a + b, 0),
    };
  } finally {
    await browser.close();
  }
}

function pagesToMeasure(dist: string): { path: string; kind: PageKind }[] {
  const pages: { path: string; kind: PageKind }[] = [{ path: '/', kind: 'home' }];
  for (const file of listBuiltPages(dist)) {
    // Essay layouts mark the article for the search index: that is what an essay page is.
    if (!readFileSync(join(dist, file), 'utf8').includes('data-pagefind-body')) continue;
    const path = pathForFile(file);
    pages.push({ path, kind: path === `/${BENCHMARK_SLUG}/` ? 'benchmark' : 'essay' });
  }
  return pages;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const only = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--only' ? [arg] : []));
  const runsArg = process.argv.indexOf('--runs');
  const runCount = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 3;
  if (!Number.isInteger(runCount) || runCount < 1) throw new Error('--runs takes a whole number of runs, e.g. --runs 5');
  console.log(`lighthouse: building the site (with the benchmark essay when its components exist) in ${SITE_DIR} ...`);
  const project = copyProject({ into: SITE_DIR });
  const benchmark = await addBenchmarkEssay(project.dir);
  console.log(`lighthouse: benchmark essay: ${benchmark.added ? 'added' : `left out (${benchmark.reason})`}`);
  const build = await project.run('build');
  if (build.code !== 0) throw new Error(`the bench site did not build:\n${build.output}`);
  const dist = join(project.dir, 'dist');
  const { server, url } = await startServer({ root: dist });
  // Simulated throttling still runs on this CPU: scores drop when the machine is busy.
  const waited = await settle(availableParallelism() * 0.5, 120_000);
  if (waited > 0) console.log(`lighthouse: waited ${waited} s for the machine to settle after the build`);
  const loadBefore = Number(loadavg()[0]!.toFixed(2));
  console.log(`lighthouse: 1-minute load average ${loadBefore}${loadBefore > 1 ? ' (busy machine: scores may be lower than on an idle one)' : ''}`);
  mkdirSync(REPORTS, { recursive: true });
  const results: PageResult[] = [];
  try {
    for (const { path, kind } of pagesToMeasure(dist).filter((p) => only.length === 0 || only.includes(p.path))) {
      const name = path === '/' ? 'home' : path.replace(/^\/|\/$/g, '').replace(/\//g, '_');
      const runs: (LighthouseNumbers & { loadAverage1m: number; report: string })[] = [];
      for (let k = 0; k < runCount; k++) {
        const load = Number(loadavg()[0]!.toFixed(2));
        const report = join(REPORTS, `${name}.run${k}.json`);
        const lhr = await runLighthouse(`${url}${path}`, report);
        runs.push({ ...lighthouseNumbers(lhr as Parameters<typeof lighthouseNumbers>[0]), loadAverage1m: load, report });
      }
      const { report, loadAverage1m: load, ...numbers } = medianRun(runs);
      copyFileSync(report, join(REPORTS, `${name}.json`));
      for (const run of runs) rmSync(run.report, { force: true });
      const afterScroll = await scrollRequests(`${url}${path}`);
      const misses = budgetMisses(kind, numbers, kind === 'benchmark' ? afterScroll.imageRequests : undefined);
      const runScores = runs.map((r) => ({ performance: r.performance, tbtMs: r.tbtMs, lcpMs: r.lcpMs, loadAverage1m: r.loadAverage1m, aboveLoad4: aboveBusyLoad(r.loadAverage1m) }));
      results.push({ path, kind, ...numbers, afterScroll, misses, loadAverage1m: load, aboveLoad4: aboveBusyLoad(load), runs: runScores, date: new Date().toISOString() });
      console.log(
        `${path}  perf ${numbers.performance}  a11y ${numbers.accessibility}  bp ${numbers.bestPractices}  seo ${numbers.seo}  ` +
          `LCP ${numbers.lcpMs} ms  CLS ${numbers.cls}  TBT ${numbers.tbtMs} ms  on load ${kb(numbers.onLoad.bytes)} ` +
          `(JS ${kb(numbers.onLoad.jsBytes)}), ${numbers.onLoad.requests} req; after scroll ${afterScroll.requests} req ` +
          `(${afterScroll.imageRequests} images); load avg ${load}${aboveBusyLoad(load) ? ` (ABOVE LOAD ${BUSY_LOAD})` : ''}; perf of each run ${runScores.map((r) => r.performance).join(', ')}${misses.length ? `\n    MISSES: ${misses.join('; ')}` : ''}` +
          `${numbers.failedAudits.length ? `\n    failed audits: ${numbers.failedAudits.join(', ')}` : ''}`,
      );
    }
  } finally {
    server.close();
  }
  const lighthouseVersion = (createRequire(import.meta.url)('lighthouse/package.json') as { version: string }).version;
  mkdirSync('bench/results', { recursive: true });
  const previous = only.length > 0 && existsSync(RESULTS) ? ((JSON.parse(readFileSync(RESULTS, 'utf8')) as { pages?: PageResult[] }).pages ?? []) : [];
  const pages = mergeResults(previous, results);
  writeFileSync(
    RESULTS,
    `${JSON.stringify({
      part: 'lighthouse',
      date: new Date().toISOString(),
      loadAverage1m: { before: loadBefore, after: Number(loadavg()[0]!.toFixed(2)) },
      settings: { lighthouse: lighthouseVersion, formFactor: 'mobile', throttling: 'simulate', server: 'scripts/serve.ts (gzip)', bytes: 'transfer size (gzip)' },
      budget: BUDGET,
      benchmarkEssay: benchmark,
      runsPerPage: runCount,
      busyLoad: { above: BUSY_LOAD, note: 'runs started above this 1-minute load average are marked aboveLoad4' },
      pages,
      budgetMet: pages.every((r) => r.misses.length === 0),
    }, null, 2)}\n`,
  );
  console.log(`lighthouse: ${results.length} page(s) measured, ${pages.length} in ${RESULTS}; median reports in ${REPORTS}/`);
}

await main();
