// `npm run cover:sources`: renders the source images of the demo essays'
// covers from real data, deterministically, into .cache/cover-sources/. The
// covers themselves are then made by the dithering pipeline (`npm run cover`):
//   ways-to-see-a-dataset: the ten mean MNIST training digits over a mosaic of test digits
//   a-taxonomy-of-people:  the top of WordNet 3.0's person hierarchy, set as text
//                          (reads the wordnet-person-tree aggregate: run `npm run data` first)
//   curation-by-statistics: a mosaic of OpenMoji's "smileys-emotion" drawings, in the set's order
// Usage: npm run cover:sources [-- --only ways-to-see-a-dataset], then the printed `npm run cover` lines.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { decodeIdxImages, decodeIdxLabels } from '../src/lib/images/idx.ts';
import { escapeXml } from '../src/lib/xml-escape.ts';
import { writeFileAtomic } from './lib/atomic-write.ts';
import { MNIST_SPLITS } from '../src/lib/images/mnist-files.ts';
import { readContentWarnings } from './images/openmoji.ts';

// The share-card shape that `npm run cover` crops to.
const WIDTH = 1200;
const HEIGHT = 630;

const OUT = '.cache/cover-sources';

/** Greyscale WIDTH x HEIGHT pixels -> a lossless PNG source for `npm run cover`. */
async function writeSource(slug: string, grey: Uint8Array, method: 'atkinson' | 'bayer' | 'floyd-steinberg'): Promise<void> {
  const path = `${OUT}/${slug}.png`;
  writeFileAtomic(path, await sharp(Buffer.from(grey), { raw: { width: WIDTH, height: HEIGHT, channels: 1 } }).png({ compressionLevel: 9 }).toBuffer());
  console.log(`cover:sources: wrote ${path}; now run: npm run cover -- ${path} ${slug} --method ${method} --name cover`);
}

/** A mosaic of the first test digits (faint) under the ten mean training digits (large). */
async function mnistCover(): Promise<Uint8Array> {
  const read = (f: string) => new Uint8Array(readFileSync(f));
  const train = decodeIdxImages(read(MNIST_SPLITS.train.images), MNIST_SPLITS.train.images);
  const labels = decodeIdxLabels(read(MNIST_SPLITS.train.labels), MNIST_SPLITS.train.labels);
  const test = decodeIdxImages(read(MNIST_SPLITS.test.images), MNIST_SPLITS.test.images);
  const size = 28 * 28;
  const canvas = new Uint8Array(WIDTH * HEIGHT).fill(255);
  // Background: test digits in dataset order, ink at 40%, on paper.
  const cols = Math.ceil(WIDTH / 28);
  for (let k = 0; k < cols * Math.ceil(HEIGHT / 28); k++) {
    const ox = (k % cols) * 28;
    const oy = Math.floor(k / cols) * 28;
    for (let p = 0; p < size; p++) {
      const x = ox + (p % 28);
      const y = oy + Math.floor(p / 28);
      if (x < WIDTH && y < HEIGHT) canvas[y * WIDTH + x] = 255 - Math.round(test.pixels[k * size + p]! * 0.4);
    }
  }
  // Foreground: the mean of each digit's training images, scaled up smoothly.
  const sums = Array.from({ length: 10 }, () => new Float64Array(size));
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < train.count; i++) {
    const l = labels[i]!;
    counts[l]!++;
    for (let p = 0; p < size; p++) sums[l]![p]! += train.pixels[i * size + p]!;
  }
  const cell = 230;
  const left = Math.round((WIDTH - 5 * cell) / 2);
  const top = Math.round((HEIGHT - 2 * cell) / 2);
  for (let d = 0; d < 10; d++) {
    const mean = Buffer.from(Uint8Array.from(sums[d]!, (v) => Math.round(v / counts[d]!)));
    const big = await sharp(mean, { raw: { width: 28, height: 28, channels: 1 } }).resize(cell, cell, { kernel: 'cubic' }).toColourspace('b-w').raw().toBuffer();
    const ox = left + (d % 5) * cell;
    const oy = top + Math.floor(d / 5) * cell;
    for (let y = 0; y < cell; y++) {
      for (let x = 0; x < cell; x++) {
        const ink = big[y * cell + x]!;
        const at = (oy + y) * WIDTH + ox + x;
        canvas[at] = Math.min(canvas[at]!, 255 - ink);
      }
    }
  }
  return canvas;
}

interface TreeNode { word: string; children: TreeNode[] }

/** The person subtree's largest branches (from the wordnet-person-tree aggregate) as an indented list, set in type and rasterised. */
async function taxonomyCover(aggregateJson: string): Promise<Uint8Array> {
  const tree = (JSON.parse(readFileSync(aggregateJson, 'utf8')) as { data: { tree: TreeNode } }).data.tree;
  // The aggregate lists children largest first.
  // Two columns of the largest branches, each with its three largest sub-branches.
  const text: { depth: number; word: string; column: number; row: number }[] = [{ depth: 0, word: tree.word, column: 0, row: 0 }];
  const rows = [1, 1];
  tree.children.slice(0, 10).forEach((c, k) => {
    const column = k < 5 ? 0 : 1;
    text.push({ depth: 1, word: c.word, column, row: rows[column]!++ });
    for (const g of c.children.slice(0, 2)) text.push({ depth: 2, word: g.word, column, row: rows[column]!++ });
  });
  const lineHeight = 34;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><rect width="100%" height="100%" fill="#fff"/>` +
    text.map((t) => `<text x="${70 + t.column * 580 + t.depth * 56}" y="${70 + t.row * lineHeight}" font-family="DejaVu Sans Mono, monospace" font-weight="bold" font-size="${t.depth === 0 ? 42 : 28}" fill="rgb(${t.depth * 45},${t.depth * 45},${t.depth * 45})">${t.depth ? '└ ' : ''}${escapeXml(t.word)}</text>`).join('') +
    '</svg>';
  const raw = await sharp(Buffer.from(svg)).greyscale().blur(1.2).linear(1, 0).raw().toBuffer();
  // Fade the lower part towards paper: the tree goes on beyond the page.
  const out = new Uint8Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    const fade = Math.max(0, (y - HEIGHT * 0.5) / (HEIGHT * 0.5));
    for (let x = 0; x < WIDTH; x++) out[y * WIDTH + x] = Math.round(raw[y * WIDTH + x]! + (255 - raw[y * WIDTH + x]!) * fade * 0.85);
  }
  return out;
}

/** OpenMoji's smileys-emotion group (no flagged or excluded items), in the set's order, tiled in grey. */
async function openmojiCover(): Promise<Uint8Array> {
  const records = JSON.parse(readFileSync('node_modules/openmoji/data/openmoji.json', 'utf8')) as { hexcode: string; group: string; skintone: string | number }[];
  const flagged = readContentWarnings();
  const faces = records.filter((r) => r.group === 'smileys-emotion' && r.skintone === '' && !flagged.has(r.hexcode));
  const cell = 75;
  const cols = Math.floor(WIDTH / cell);
  const rows = Math.floor(HEIGHT / cell);
  const left = Math.round((WIDTH - cols * cell) / 2);
  const top = Math.round((HEIGHT - rows * cell) / 2);
  const tiles = await Promise.all(Array.from({ length: cols * rows }, async (_, k) => ({
    input: await sharp(readFileSync(`node_modules/openmoji/color/svg/${faces[k % faces.length]!.hexcode}.svg`)).resize(cell - 6, cell - 6).png().toBuffer(),
    left: left + (k % cols) * cell + 3,
    top: top + Math.floor(k / cols) * cell + 3,
  })));
  return new Uint8Array(await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#ffffff' } }).composite(tiles).greyscale().raw().toBuffer());
}

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',')) : undefined;
if (!only || only.has('ways-to-see-a-dataset')) await writeSource('ways-to-see-a-dataset', await mnistCover(), 'atkinson');
if (!only || only.has('curation-by-statistics')) await writeSource('curation-by-statistics', await openmojiCover(), 'atkinson');
if (!only || only.has('a-taxonomy-of-people')) await writeSource('a-taxonomy-of-people', await taxonomyCover('src/generated/data/wordnet-person-tree.json'), 'atkinson');
