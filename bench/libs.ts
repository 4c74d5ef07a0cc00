// `npm run bench:libs -- <candidates dir>`: measures the three places where the
// project keeps its own code beside a widely used library (docs/stack.md says
// why), against that library, on the built site (run `npm run build` first):
//   - ZIP: the offline copy written by src/lib/zip.ts (fflate since issue 20;
//     it was hand-written before) and by yazl (bytes, time, byte-reproducible);
//   - dithering: src/lib/images/dither.ts and @thi.ng/pixel-dither on the
//     essays' covers (same pixels? grey levels supported?);
//   - internal links: scripts/check-links.ts and linkinator on a copy of dist/
//     with seeded faults (how many found, time).
// The libraries are not dependencies of the project: install them in a
// folder of their own and pass it, e.g.
//   mkdir /tmp/cand && cd /tmp/cand && echo '{"private":true}' > package.json &&
//   npm install yazl@3.3.1 linkinator@8.1.0 @thi.ng/pixel-dither@1.1.205 @thi.ng/pixel
// Writes bench/results/libs.json; every timing is kept with the load average.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { offlineEntries } from '../scripts/pack.ts';
import { checkLinks } from '../scripts/check-links.ts';
import { builtSiteOrigin } from '../scripts/quality/built-files.ts';
import { readZip, writeZip, type ZipEntry } from '../src/lib/zip.ts';
import { sha256 } from '../scripts/lib/hash.ts';
import { dither } from '../src/lib/images/dither.ts';

const candidates = process.argv[2];
if (!candidates) {
  console.error('usage: npm run bench:libs -- <folder where yazl, linkinator, @thi.ng/pixel-dither and @thi.ng/pixel are installed> (see bench/libs.ts)');
  process.exit(2);
}
const requireFrom = createRequire(join(resolve(candidates), 'package.json'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const load = async (name: string): Promise<any> => {
  const mod = await import(pathToFileURL(requireFrom.resolve(name)).href);
  // CommonJS packages arrive as `default`; ES modules as named exports.
  return { ...mod.default, ...mod };
};
const version = (name: string): string =>
  (JSON.parse(readFileSync(join(existsSync(join('node_modules', name)) ? '.' : resolve(candidates), 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const load1 = () => Number(loadavg()[0]!.toFixed(2));

/** Median seconds of `runs` calls, with the 1-minute load average before the first. */
async function time<T>(runs: number, fn: () => T | Promise<T>): Promise<{ seconds: number; load1m: number; result: T }> {
  const load1m = load1();
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await fn();
    times.push((performance.now() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  return { seconds: Number(times[Math.floor(times.length / 2)]!.toFixed(3)), load1m, result };
}

// ---- ZIP --------------------------------------------------------------------
const FIXED_DATE = new Date(2026, 0, 1);
const yazl = await load('yazl');

function yazlZip(entries: readonly ZipEntry[]): Promise<Uint8Array> {
  return new Promise((done, fail) => {
    const zip = new yazl.ZipFile();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done(Buffer.concat(chunks))).on('error', fail);
    for (const e of entries) zip.addBuffer(Buffer.from(e.data), e.path, { mtime: FIXED_DATE, mode: 0o100644, compressionLevel: 9 });
    zip.end();
  });
}

console.log('libs: collecting the offline copy of dist/ ...');
const entries = await offlineEntries(resolve('dist'));
const zip: Record<string, unknown> = { files: entries.length, inputBytes: entries.reduce((n, e) => n + e.data.length, 0) };
for (const [name, write] of [
  [`src/lib/zip.ts (fflate ${version('fflate')}, level 9)`, (e: readonly ZipEntry[]) => writeZip(e)],
  [`yazl ${version('yazl')} level 9`, yazlZip],
] as const) {
  const run = await time(3, () => write(entries));
  const again = await write(entries);
  const back = readZip(run.result);
  zip[name] = {
    bytes: run.result.length,
    seconds: run.seconds,
    load1m: run.load1m,
    reproducible: sha256(Buffer.from(run.result)) === sha256(Buffer.from(again)),
    readsBackIdentical: back.length === entries.length && back.every((b, i) => Buffer.compare(b.data, entries[i]!.data) === 0),
  };
  console.log(`libs: zip ${name}:`, zip[name]);
}

// ---- Dithering --------------------------------------------------------------
const { ditherWith, FLOYD_STEINBERG, ATKINSON } = await load('@thi.ng/pixel-dither');
const { intBuffer, GRAY8 } = await load('@thi.ng/pixel');
const COVERS = [
  'content/essays/a-taxonomy-of-people/cover.png',
  'content/essays/curation-by-statistics/cover.png',
  'content/essays/reading-a-datasheet/cover-atkinson.png',
  'content/essays/ways-to-see-a-dataset/cover.png',
];
const ditherResults: unknown[] = [];
for (const file of COVERS) {
  // The image service re-dithers covers at smaller widths (src/lib/images/dithered-png.ts): do the same at 600 px.
  const { data, info } = await sharp(readFileSync(file)).resize(600).greyscale().raw().toBuffer({ resolveWithObject: true });
  const grey = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  for (const [method, kernel] of [['floyd-steinberg', FLOYD_STEINBERG], ['atkinson', ATKINSON]] as const) {
    const ours = await time(5, () => dither(grey, info.width, info.height, { method, levels: 2 }));
    const theirs = await time(5, () => ditherWith(kernel, intBuffer(info.width, info.height, GRAY8, Uint8Array.from(grey))).data as Uint8Array);
    let differing = 0;
    for (let i = 0; i < grey.length; i++) if ((ours.result[i]! > 127) !== (theirs.result[i]! > 127)) differing++;
    const row = { file, method, pixels: grey.length, differingPixels: differing, oursSeconds: ours.seconds, libSeconds: theirs.seconds, load1m: ours.load1m };
    ditherResults.push(row);
    console.log('libs: dither', row);
  }
}

// ---- Internal links ---------------------------------------------------------
const SITE = join(tmpdir(), 'dataset-essays-bench', 'links-site');
rmSync(SITE, { recursive: true, force: true });
mkdirSync(SITE, { recursive: true });
cpSync('dist', SITE, { recursive: true });
const origin = builtSiteOrigin(SITE);
// Each fault carries a marker found in the URL a checker reports.
const FAULTS: { marker: string; html: string }[] = [
  { marker: 'no-such-essay', html: '<a href="/no-such-essay/">a page that does not exist</a>' },
  { marker: 'no-such-section', html: '<a href="/ways-to-see-a-dataset/#no-such-section">a missing anchor on another page</a>' },
  { marker: 'no-such-anchor-here', html: '<a href="#no-such-anchor-here">a missing anchor on this page</a>' },
  { marker: 'missing-2x', html: '<img alt="" src="/favicon.svg" srcset="/favicon.svg 1x, /_astro/missing-2x.webp 2x">' },
  { marker: 'missing-share', html: `<meta property="og:image" content="${origin}/og/missing-share.png">` },
  { marker: 'missing-sprite', html: '<svg aria-hidden="true"><use href="/missing-sprite.svg#icon"></use></svg>' },
  { marker: 'missing-style', html: '<link rel="stylesheet" href="/_astro/missing-style.css">' },
];
const home = join(SITE, 'index.html');
writeFileSync(home, readFileSync(home, 'utf8').replace('</body>', `${FAULTS.map((f) => f.html).join('\n')}</body>`));

const found = (urls: string[]) => FAULTS.filter((f) => urls.some((u) => u.includes(f.marker))).map((f) => f.marker);
const ours = await time(1, () => checkLinks(SITE));
const oursFound = found(ours.result.broken.map((b) => b.url));

const { LinkChecker } = await load('linkinator');
const PORT = 5791;
const theirs = await time(1, () =>
  new LinkChecker().check({
    path: SITE,
    port: PORT,
    recurse: true,
    checkFragments: true,
    checkCss: true,
    // Absolute links to the site's own origin point at the local copy; nothing else is fetched (no network here).
    urlRewriteExpressions: [{ pattern: new RegExp(`^${origin.replace(/[.]/g, '\\.')}`), replacement: `http://127.0.0.1:${PORT}` }],
    // (linkinator also passes the folder itself through this.)
    linksToSkip: async (link: string) => /^[a-z]+:/i.test(link) && !link.startsWith(`http://127.0.0.1:${PORT}/`),
  }),
);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const theirBroken = (theirs.result as any).links.filter((l: any) => l.state === 'BROKEN').map((l: any) => String(l.url));
const theirFound = found(theirBroken);
const links = {
  seededFaults: FAULTS.map((f) => f.marker),
  ours: { found: oursFound, pages: ours.result.pages, seconds: ours.seconds, load1m: ours.load1m },
  [`linkinator ${version('linkinator')}`]: { found: theirFound, missed: FAULTS.map((f) => f.marker).filter((m) => !theirFound.includes(m)), brokenReported: theirBroken.length, linksChecked: (theirs.result as any).links.filter((l: any) => l.state !== 'SKIPPED').length, seconds: theirs.seconds, load1m: theirs.load1m },
};
console.log('libs: links', JSON.stringify(links, null, 2));
rmSync(SITE, { recursive: true, force: true });

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/libs.json',
  `${JSON.stringify({ part: 'libs', date: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown' }, zip, dither: ditherResults, links }, null, 2)}\n`,
);
console.log('libs: wrote bench/results/libs.json');
