// Adds the benchmark essay (bench/essays/benchmark-scrolly-grid/) to a project
// copy: writes a 100,000-row SYNTHETIC CSV, bins it into the histogram
// aggregate the essay imports, and makes a placeholder cover. It needs the
// Scrolly, Histogram and ImageGrid components; without them it says why not.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Aggregate } from '../../src/lib/provenance.ts';
import { seededRandom } from '../../src/lib/images/sample.ts';
import { sha256 } from '../../scripts/lib/hash.ts';

export const BENCHMARK_SLUG = 'benchmark-scrolly-grid';
export const BENCHMARK_ROWS = 100_000;
const NEEDS = ['Scrolly', 'Step', 'Histogram', 'ImageGrid'];
const CSV = 'bench/tmp/benchmark-values.csv';
const BINS = 40;

/** `id,value` rows; value is the mean of four uniforms, a bell shape on [0, 1]. */
export function syntheticCsv(rows: number, seed = 2026): string {
  const next = seededRandom(seed); // the same rows on every run
  const lines = ['id,value'];
  for (let i = 0; i < rows; i++) lines.push(`${i},${((next() + next() + next() + next()) / 4).toFixed(6)}`);
  return `${lines.join('\n')}\n`;
}

/** Counts the CSV's values into `bins` equal bins on [0, 1]. */
export function histogramOfCsv(csv: string, bins: number): { x0: number; x1: number; count: number }[] {
  const edges = Array.from({ length: bins + 1 }, (_, i) => Number((i / bins).toFixed(10)));
  const counts = new Array<number>(bins).fill(0);
  for (const line of csv.split('\n').slice(1)) {
    if (!line) continue;
    const value = Number(line.slice(line.indexOf(',') + 1));
    counts[Math.min(bins - 1, Math.floor(value * bins))]!++;
  }
  return counts.map((count, i) => ({ x0: edges[i]!, x1: edges[i + 1]!, count }));
}

export async function addBenchmarkEssay(projectDir: string): Promise<{ added: boolean; reason?: string; rows?: number }> {
  const barrel = join(projectDir, 'src/components/essay-components.ts');
  const text = existsSync(barrel) ? readFileSync(barrel, 'utf8') : '';
  const missing = NEEDS.filter((name) => !new RegExp(`\\b${name}\\b`).test(text));
  if (missing.length) return { added: false, reason: `src/components/essay-components.ts lacks ${missing.join(', ')}` };

  mkdirSync('bench/tmp', { recursive: true });
  const csv = syntheticCsv(BENCHMARK_ROWS);
  writeFileSync(CSV, csv);
  const bins = histogramOfCsv(readFileSync(CSV, 'utf8'), BINS);
  const aggregate: Aggregate<{ bins: typeof bins }> = {
    provenance: {
      aggregate: 'benchmark-values',
      datasets: ['synthetic-benchmark'],
      script: 'bench/lib/benchmark-essay.ts',
      inputs: [{ path: CSV, sha256: sha256(csv) }],
      source: `Synthetic benchmark data: ${BENCHMARK_ROWS.toLocaleString('en')} generated rows, not a real dataset`,
    },
    data: { bins },
  };
  const essay = join(projectDir, 'content/essays', BENCHMARK_SLUG);
  cpSync(join(import.meta.dirname, '../essays', BENCHMARK_SLUG), essay, { recursive: true });
  writeFileSync(join(essay, 'histogram.json'), `${JSON.stringify(aggregate)}\n`);
  await sharp({ create: { width: 1280, height: 800, channels: 3, background: '#d9d9d9' } }).png().toFile(join(essay, 'cover.png'));
  return { added: true, rows: BENCHMARK_ROWS };
}
