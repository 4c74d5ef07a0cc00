// `npm run images`: builds every gallery's atlases, thumbnails and manifest
// (public/generated/images/, src/generated/images/; both gitignored) from the
// image datasets that ship in packages. Cached by content hash: a warm run
// with nothing changed only re-hashes inputs. A bad image is reported with its
// file and reason, the rest still builds, and the run exits non-zero at the end.
// Usage: npm run images [-- --only mnist,openmoji] [-- --verbose]
// Prints one line for the phase (live on a terminal); --verbose adds one per gallery.
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { buildGallery, type GallerySpec, type ImageFailure } from './images/pipeline.ts';
import { mnistSources, MNIST_ATTRIBUTION, MNIST_LICENSE } from './images/mnist.ts';
import { openmojiSources, OPENMOJI_ATTRIBUTION, OPENMOJI_LICENSE } from './images/openmoji.ts';
import { readExcludeList } from './images/exclude-list.ts';
import { seesetGallerySpecs } from './images/seeset.ts';
import { seededSample } from '../src/lib/images/sample.ts';
import { isFlagged, type DatasetItemInput } from '../src/lib/images/dataset-item.ts';

const PATHS = { publicDir: 'public', manifestRoot: '.', cacheDir: '.cache/images' };
const THUMB_SIZES = [64, 128, 256];
/** OpenMoji items the docs and demo pages show by name. */
const OPENMOJI_NAMED = ['1F600', '1F30D', '1F4DA', '1F34E', '1F431', '2764-FE0F', '1F44B', '1F44B-1F3FF'];
const THUMB_FORMATS: GallerySpec['thumbnails']['formats'] = ['avif', 'webp', 'png'];

/** Items pages show one by one get stand-alone thumbnails: a fixed seeded sample, plus every flagged item. */
function featured(items: DatasetItemInput[], n: number, seed: number, named: string[] = []): Set<string> {
  const ids = new Set([...named, ...seededSample(items.map((i) => i.id), n, seed)]);
  for (const item of items) if (item.flags?.length && isFlagged({ flags: item.flags })) ids.add(item.id);
  return ids;
}

function gallerySpecs(only: Set<string> | undefined): (() => GallerySpec)[] {
  const specs: (() => GallerySpec)[] = [];
  const want = (id: string) => !only || only.has(id);
  if (want('mnist')) {
    // 'all': both splits in one gallery (train then test), for views across the
    // split. No 'train' gallery of its own: 'all' holds the same 60,000 digits,
    // and a grid filtered to the training split loads only their six atlases
    // (`filter={{ field: 'split', value: 'train' }}`), so a separate one would
    // only add 6.7 MB of duplicate atlases to the site and its offline copy.
    for (const split of ['test', 'all'] as const) {
      specs.push(() => {
        const sources = split === 'all' ? [...mnistSources('train'), ...mnistSources('test')] : mnistSources(split);
        return {
          dataset: 'mnist',
          collection: split,
          title: split === 'all' ? 'MNIST training and test sets' : `MNIST ${split} set`,
          attribution: MNIST_ATTRIBUTION,
          license: MNIST_LICENSE,
          cellWidth: 28,
          cellHeight: 28,
          channels: 1,
          pixelated: true,
          perAtlas: 10_000,
          sheetFormat: 'png',
          sheetColours: 16,
          // 70,000 digits on one screen are 2-6 px cells: drawn from 4 px ones.
          ...(split === 'all' ? { overviewCell: 4 } : {}),
          sources,
          exclude: readExcludeList('content/datasets/mnist/exclude-sha256.txt'),
          thumbnails: { ids: split === 'test' ? featured(sources.map((s) => s.item), 24, 6) : new Set(), sizes: THUMB_SIZES, formats: THUMB_FORMATS },
        };
      });
    }
  }
  if (want('openmoji')) {
    specs.push(() => {
      const sources = openmojiSources();
      return {
        dataset: 'openmoji',
        collection: 'all',
        title: 'OpenMoji 17',
        attribution: OPENMOJI_ATTRIBUTION,
        license: OPENMOJI_LICENSE,
        cellWidth: 64,
        cellHeight: 64,
        channels: 4,
        pixelated: false,
        perAtlas: 1024,
        sheetFormat: 'webp',
        sources,
        exclude: readExcludeList('content/datasets/openmoji/exclude-sha256.txt'),
        thumbnails: { ids: featured(sources.map((s) => s.item), 24, 2026, OPENMOJI_NAMED), sizes: THUMB_SIZES, formats: THUMB_FORMATS },
      };
    });
  }
  // see:set essays' collections (content/seeset/<slug>/collections/), see docs/authoring.md.
  if (want('seeset')) specs.push(...seesetGallerySpecs());
  return specs;
}

async function main(): Promise<void> {
  const onlyArg = process.argv.indexOf('--only');
  const only = onlyArg > 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',')) : undefined;
  const verbose = process.argv.includes('--verbose');
  const tty = Boolean(process.stdout.isTTY) && !process.env.CI;
  sharp.cache(false);
  const failures: ImageFailure[] = [];
  const started = performance.now();
  const specs = gallerySpecs(only);
  const total = { items: 0, sheets: 0, bytes: 0, hits: 0, misses: 0 };
  const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
  for (const [i, makeSpec] of specs.entries()) {
    if (tty) process.stdout.write(`\r\x1b[2Kimages: ${i + 1}/${specs.length} galleries, ${seconds(started)}`);
    const t0 = performance.now();
    const spec = makeSpec();
    const result = await buildGallery(spec, PATHS);
    failures.push(...result.failures);
    const m = result.manifest;
    const bytes = m.sheets.reduce((s, x) => s + x.bytes, 0);
    Object.assign(total, {
      items: total.items + m.items.length, sheets: total.sheets + m.sheets.length, bytes: total.bytes + bytes,
      hits: total.hits + result.cache.hits, misses: total.misses + result.cache.misses,
    });
    if (!verbose) continue;
    if (tty) process.stdout.write('\r\x1b[2K');
    console.log(
      `images: ${m.dataset}/${m.collection}: ${m.items.length.toLocaleString('en-US')} items in ${m.sheets.length} atlas(es), ` +
        `${(bytes / 1024).toFixed(0)} KiB, ${Object.keys(m.thumbnails).length} thumbnail sets, ${m.excluded} excluded, ` +
        `cache ${result.cache.hits} hit / ${result.cache.misses} built, ${seconds(t0)}`,
    );
  }
  if (tty) process.stdout.write('\r\x1b[2K');
  console.log(
    `images: ${specs.length} galleries, ${total.items.toLocaleString('en-US')} items in ${total.sheets} atlases ` +
      `(${(total.bytes / 1024 / 1024).toFixed(1)} MiB), cache ${total.hits} hit / ${total.misses} built, in ${seconds(started)}`,
  );
  if (failures.length) {
    console.error(`\nimages: ${failures.length} image(s) could not be built (everything else was):`);
    for (const f of failures) console.error(`  ${f.file}: ${f.reason}`);
    process.exitCode = 1;
  }
}

await main();
