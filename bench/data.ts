// `npm run bench:data`: the data engine's speed, written to bench/results/data.json.
//  1. Histogram (delay in 10-minute bins) + group-by (per origin: flights,
//     mean delay, mean distance) over vega-datasets' real 3-million-row
//     flights Parquet, and over a 30-million-row Parquet made from it here
//     (ten copies, dates shifted by whole years) in bench/tmp/.
//     Engines: DuckDB on Parquet; DuckDB on the same rows as CSV; two
//     streaming JS baselines on that CSV (JS has no built-in Parquet reader):
//     "plain" (readline, split, Number: what one writes first) and "tuned"
//     (byte-level parsing of 1 MiB chunks). Every engine's result is checked
//     equal to the others' before any time is reported.
//  2. `npm run data`, cold (empty cache, no outputs) and warm (nothing changed).
// Never runs in CI. Takes a few minutes on 2 cores.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

// vega-datasets exports only its index (build/index.js); the data sits beside build/.
const SOURCE = join(dirname(fileURLToPath(import.meta.resolve('vega-datasets'))), '../data/flights-3m.parquet');
const TMP = 'bench/tmp';
/** Timed runs per engine (median reported); one for the 30M rows to keep the bench in minutes. */
const RUNS: Record<string, number> = { '3m': 3, '30m': 1 };
const BIN = 10;

const HISTOGRAM_SQL = (from: string) => `SELECT (floor(delay / ${BIN}) * ${BIN})::INTEGER AS bin, count(*)::INTEGER AS n FROM ${from} GROUP BY ALL ORDER BY bin`;
const GROUP_SQL = (from: string) => `SELECT origin, count(*)::INTEGER AS flights, avg(delay)::DOUBLE AS delay, avg(distance)::DOUBLE AS distance FROM ${from} GROUP BY origin ORDER BY origin`;

interface Result { histogram: Map<number, number>; groups: Map<string, { flights: number; delay: number; distance: number }> }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function duckdb(from: string, runs: number): Promise<{ ms: number; result: Result }> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const times: number[] = [];
  let result: Result | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const h = (await c.runAndReadAll(HISTOGRAM_SQL(from))).getRowObjectsJS() as { bin: number; n: number }[];
    const g = (await c.runAndReadAll(GROUP_SQL(from))).getRowObjectsJS() as { origin: string; flights: number; delay: number; distance: number }[];
    times.push(performance.now() - t0);
    result = { histogram: new Map(h.map((r) => [r.bin, r.n])), groups: new Map(g.map((r) => [r.origin, { flights: r.flights, delay: r.delay, distance: r.distance }])) };
  }
  c.closeSync();
  instance.closeSync();
  return { ms: median(times), result: result! };
}

/** One pass over a CSV (date,delay,distance,origin,destination) with a hand-rolled byte parser. */
function streamCsv(file: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const histogram = new Map<number, number>();
    const sums = new Map<string, { flights: number; delay: number; distance: number }>();
    let field = 0;
    let num = 0;
    let neg = false;
    let delay = 0;
    let distance = 0;
    let origin = '';
    let text: number[] = [];
    let header = true;
    const stream = createReadStream(file, { highWaterMark: 1 << 20 });
    stream.on('data', (data: string | Buffer) => {
      const chunk = data as Buffer;
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (header) {
          if (b === 10) header = false;
          continue;
        }
        if (b === 44 || b === 10) {
          if (field === 1) delay = neg ? -num : num;
          else if (field === 2) distance = num;
          else if (field === 3) origin = String.fromCharCode(...text);
          num = 0;
          neg = false;
          text = [];
          if (b === 44) field++;
          else {
            const bin = Math.floor(delay / BIN) * BIN;
            histogram.set(bin, (histogram.get(bin) ?? 0) + 1);
            let s = sums.get(origin);
            if (!s) sums.set(origin, (s = { flights: 0, delay: 0, distance: 0 }));
            s.flights++;
            s.delay += delay;
            s.distance += distance;
            field = 0;
          }
        } else if (field === 1 || field === 2) {
          if (b === 45) neg = true;
          else num = num * 10 + (b - 48);
        } else if (field === 3) text.push(b);
      }
    });
    stream.on('error', reject);
    stream.on('end', () => {
      for (const s of sums.values()) {
        s.delay /= s.flights;
        s.distance /= s.flights;
      }
      resolve({ histogram, groups: sums });
    });
  });
}

/** The first thing one writes: readline, split on commas, Number(). */
async function readlineCsv(file: string): Promise<Result> {
  const histogram = new Map<number, number>();
  const groups = new Map<string, { flights: number; delay: number; distance: number }>();
  let header = true;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (header) {
      header = false;
      continue;
    }
    const [, d, dist, origin] = line.split(',');
    const delay = Number(d);
    const bin = Math.floor(delay / BIN) * BIN;
    histogram.set(bin, (histogram.get(bin) ?? 0) + 1);
    let g = groups.get(origin!);
    if (!g) groups.set(origin!, (g = { flights: 0, delay: 0, distance: 0 }));
    g.flights++;
    g.delay += delay;
    g.distance += Number(dist);
  }
  for (const g of groups.values()) {
    g.delay /= g.flights;
    g.distance /= g.flights;
  }
  return { histogram, groups };
}

async function js(file: string, runs: number, engine: (f: string) => Promise<Result>): Promise<{ ms: number; result: Result }> {
  const times: number[] = [];
  let result: Result | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await engine(file);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result: result! };
}

/** The engines must agree before their speeds mean anything. */
function sameResult(a: Result, b: Result, what: string): void {
  const hist = (r: Result) => JSON.stringify([...r.histogram].sort((x, y) => x[0] - y[0]));
  if (hist(a) !== hist(b)) throw new Error(`${what}: histograms differ`);
  for (const [origin, g] of a.groups) {
    const h = b.groups.get(origin);
    if (!h || h.flights !== g.flights || Math.abs(h.delay - g.delay) > 1e-6 || Math.abs(h.distance - g.distance) > 1e-6) throw new Error(`${what}: group ${origin} differs`);
  }
}

async function prepare(): Promise<Record<string, { parquet: string; csv: string; rows: number }>> {
  mkdirSync(TMP, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const files = {
    '3m': { parquet: SOURCE, csv: `${TMP}/flights-3m.csv`, rows: 0 },
    '30m': { parquet: `${TMP}/flights-30m.parquet`, csv: `${TMP}/flights-30m.csv`, rows: 0 },
  };
  if (!existsSync(files['30m'].parquet)) {
    await c.run(`COPY (SELECT date + to_years(i::INTEGER) AS date, delay, distance, origin, destination FROM read_parquet('${SOURCE}'), range(10) AS r(i)) TO '${files['30m'].parquet}' (FORMAT parquet)`);
  }
  for (const f of Object.values(files)) {
    if (!existsSync(f.csv)) await c.run(`COPY (SELECT * FROM read_parquet('${f.parquet}')) TO '${f.csv}' (HEADER, DELIMITER ',')`);
    f.rows = Number((await c.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM read_parquet('${f.parquet}')`)).getRowObjectsJS()[0]!['n']);
  }
  c.closeSync();
  instance.closeSync();
  return files;
}

function npmData(env: NodeJS.ProcessEnv = {}): number {
  const t0 = performance.now();
  execFileSync(process.execPath, ['scripts/data.ts'], { env: { ...process.env, CI: '1', ...env }, stdio: 'ignore' });
  return performance.now() - t0;
}

const CSV_COLUMNS = "columns = {'date': 'TIMESTAMP', 'delay': 'BIGINT', 'distance': 'BIGINT', 'origin': 'VARCHAR', 'destination': 'VARCHAR'}";
const loadBefore = loadavg();
const files = await prepare();
const aggregation: Record<string, unknown> = {};
for (const [name, f] of Object.entries(files)) {
  const runs = RUNS[name] ?? 1;
  const parquet = await duckdb(`read_parquet('${f.parquet}')`, runs);
  const csv = await duckdb(`read_csv('${f.csv}', header = true, auto_detect = false, ${CSV_COLUMNS})`, runs);
  const plain = await js(f.csv, runs, readlineCsv);
  const tuned = await js(f.csv, runs, streamCsv);
  sameResult(parquet.result, plain.result, `${name} duckdb-parquet vs js-plain`);
  sameResult(csv.result, plain.result, `${name} duckdb-csv vs js-plain`);
  sameResult(tuned.result, plain.result, `${name} js-tuned vs js-plain`);
  const rate = (ms: number) => Math.round(f.rows / (ms / 1000));
  const ratio = (slow: number, fast: number) => Math.round((slow / fast) * 10) / 10;
  aggregation[name] = {
    rows: f.rows,
    runs,
    parquetBytes: statSync(f.parquet).size,
    csvBytes: statSync(f.csv).size,
    ms: { duckdbParquet: Math.round(parquet.ms), duckdbCsv: Math.round(csv.ms), jsPlainCsv: Math.round(plain.ms), jsTunedCsv: Math.round(tuned.ms) },
    rowsPerSecond: { duckdbParquet: rate(parquet.ms), duckdbCsv: rate(csv.ms), jsPlainCsv: rate(plain.ms), jsTunedCsv: rate(tuned.ms) },
    ratio: {
      duckdbParquetVsJsPlain: ratio(plain.ms, parquet.ms),
      duckdbParquetVsJsTuned: ratio(tuned.ms, parquet.ms),
      duckdbCsvVsJsPlain: ratio(plain.ms, csv.ms),
      duckdbCsvVsJsTuned: ratio(tuned.ms, csv.ms),
    },
  };
  console.log(`bench:data ${name}: ${JSON.stringify(aggregation[name])}`);
}

// npm run data: cold = no cache and no outputs; warm = straight after, nothing changed.
rmSync('.cache/data', { recursive: true, force: true });
rmSync('src/generated/data', { recursive: true, force: true });
const cold = npmData();
const warm = median([npmData(), npmData(), npmData()]);
console.log(`bench:data npm run data: cold ${Math.round(cold)} ms, warm ${Math.round(warm)} ms`);

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/data.json', `${JSON.stringify({
  part: 'data',
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  loadAverage: { before: loadBefore.map((x) => Math.round(x * 10) / 10), after: loadavg().map((x) => Math.round(x * 10) / 10), note: '1/5/15-minute load averages: other processes shared the 2 cores' },
  method: `median of ${JSON.stringify(RUNS)} runs; histogram of delay in ${BIN}-minute bins + per-origin count/mean delay/mean distance; results of all engines checked equal before timing is reported`,
  goal: 'DuckDB >= 10x the plain streaming JS baseline',
  aggregation,
  npmRunData: { coldMs: Math.round(cold), warmMs: Math.round(warm), note: 'wall time of node scripts/data.ts including process start; cold = empty .cache/data and src/generated/data' },
}, null, 2)}\n`);
