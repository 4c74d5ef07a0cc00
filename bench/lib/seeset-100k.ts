// `npm run bench:seeset -- --build`: a whole build with a 100,000-item see:set
// collection, in a temporary copy of the project (warm caches, so the time is
// mostly the collection's). The collection is SYNTHETIC (a benchmark fixture):
// 100,000 distinct 28x28 colour fields drawn from their index, in the see:set
// export shape, shown by one grid in a guide under content/seeset/. Measures
// wall time and the peak resident memory of the largest process of the build
// (GNU time's %M), with the load average, into bench/results/seeset-100k.json.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { copyProject } from '../../scripts/quality/project-copy.ts';
import { LOCAL_SITE } from '../../src/lib/site-address.ts';
import { writeFileAtomic } from '../../scripts/lib/atomic-write.ts';

const ITEMS = 100_000;
const SIDE = 28;
const SLUG = 'bench-100k-synthetic';

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A 28x28 RGB PNG: a gradient whose colours and direction come from the index (all distinct). */
function colourField(i: number): Buffer {
  const raw = Buffer.alloc(SIDE * (SIDE * 3 + 1));
  const [r, g, b] = [i % 251, Math.floor(i / 251) % 241, Math.floor(i / 60_491) % 239];
  for (let y = 0; y < SIDE; y++) {
    const row = y * (SIDE * 3 + 1);
    for (let x = 0; x < SIDE; x++) {
      const t = (i % 2 ? x : y) / (SIDE - 1);
      raw[row + 1 + x * 3] = Math.round(r * (1 - t) + 255 * t);
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = Math.round(b * t);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIDE, 0);
  ihdr.writeUInt32BE(SIDE, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function writeCollection(essayDir: string): void {
  const files = join(essayDir, 'collections/1/files');
  mkdirSync(files, { recursive: true });
  const data = [];
  for (let i = 0; i < ITEMS; i++) {
    const png = colourField(i);
    const name = `field-${String(i).padStart(6, '0')}.png`;
    writeFileSync(join(files, name), png);
    data.push({
      id: 10_000 + i, original_id: `synthetic/${i}`, kind: 'synthetic',
      meta: { NSFW: 'UNLIKELY', width: SIDE, height: SIDE, license: 'CC0 (synthetic benchmark fixture)' },
      created_at: [2026, 12, 6], updated_at: [2026, 12, 6],
      files: [{ id: 200_000 + i, name, path: `synthetic/${name}`, sha256: createHash('sha256').update(png).digest('hex'), meta: { width: SIDE, height: SIDE, size: png.length }, mime: 'image/png' }],
      texts: [], labels: [{ task: 'classification', label: String(i % 10), taxonomy: ['synthetic', String(i % 10)] }],
      dataset: 'synthetic',
    });
  }
  writeFileSync(join(essayDir, 'collections/1.json'), JSON.stringify({ status: 'success', data }));
}

const ESSAY = `---
title: "Benchmark: a 100,000-item synthetic collection"
slug: ${SLUG}
index: 999
draft: false
contentType: guide
coverImg: ./cover.png
coverImgAlt: Colourful emoji drawings on a pale background (the cover of the see:set demo guide, reused by the benchmark).
preposition: by
authors: ["The Dataset Essays benchmark"]
excerpt: "A benchmark page, never published: one grid of a synthetic see:set collection of generated colour fields."
grid-1:
  caption: "Synthetic colour fields (a benchmark fixture, not a dataset)"
  collection: 1
---

This page exists only in the benchmark's temporary copy. Its collection is
synthetic: generated colour fields, one per item, in the see:set export shape.

[:grid-1]
`;

function timedBuild(dir: string): Promise<{ code: number; seconds: number; peakRssMb: number; output: string }> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', 'npm', 'run', 'build'], {
      cwd: dir, env: { ...process.env, SITE_URL: process.env['SITE_URL'] || LOCAL_SITE, CI: 'true', NO_COLOR: '1', PATH: `${join(dir, 'node_modules/.bin')}:${process.env.PATH}` },
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => {
      const kb = Number(/PEAK_RSS_KB=(\d+)/.exec(output)?.[1] ?? NaN);
      done({ code: code ?? 1, seconds: Number(((performance.now() - t0) / 1000).toFixed(1)), peakRssMb: Math.round(kb / 1024), output });
    });
  });
}

export async function bench100k(): Promise<void> {
  const project = copyProject({ into: join(tmpdir(), 'dataset-essays-bench', 'seeset-100k') });
  const essayDir = join(project.dir, 'content/seeset', SLUG);
  mkdirSync(essayDir, { recursive: true });
  copyFileSync('content/seeset/bring-your-own-seeset/cover.png', join(essayDir, 'cover.png'));
  const g0 = performance.now();
  writeCollection(essayDir);
  const generateSeconds = Number(((performance.now() - g0) / 1000).toFixed(1));
  writeFileSync(join(essayDir, 'index.md'), ESSAY);
  const loadBefore = Number(loadavg()[0]!.toFixed(2));
  const baseline = await timedBuild(project.dir);
  const loadMid = Number(loadavg()[0]!.toFixed(2));
  if (baseline.code !== 0) throw new Error(`build with the 100,000-item collection failed:\n${baseline.output.slice(-4000)}`);
  const exportBytes = readFileSync(join(essayDir, 'collections/1.json')).length;
  const results = {
    part: 'seeset-100k',
    date: new Date().toISOString(),
    command: 'npm run build (temporary copy, warm caches, plus one see:set guide with a 100,000-item grid)',
    note: 'SYNTHETIC collection: generated 28x28 colour fields, a benchmark fixture, not a dataset.',
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown' },
    loadAverage1m: { before: loadBefore, after: loadMid },
    items: ITEMS,
    exportBytes,
    generateSeconds,
    buildSeconds: baseline.seconds,
    peakRssMb: baseline.peakRssMb,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileAtomic('bench/results/seeset-100k.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
  project.remove();
}
