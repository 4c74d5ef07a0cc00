// The offline copy's pieces: the zip writer (fflate; read back, and by `unzip` when
// the machine has it) and the link rewriting that makes file:// work.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readZip, writeZip } from '../../src/lib/zip.ts';
import { absoluteUrlsIn, relativeUrl, rewriteCss, rewriteHtml } from '../../src/lib/offline-links.ts';

describe('zip', () => {
  const entries = [
    { path: 'index.html', data: Buffer.from('<h1>Hello</h1>'.repeat(200)) },
    { path: 'a/b/é.txt', data: Buffer.from('unicode name') },
    { path: 'empty.txt', data: new Uint8Array(0) },
    { path: 'random.bin', data: new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)) },
  ];

  it('reads back every entry byte for byte', () => {
    const back = readZip(writeZip(entries));
    expect(back.map((e) => e.path)).toEqual(entries.map((e) => e.path));
    back.forEach((e, i) => expect(Buffer.from(e.data).equals(Buffer.from(entries[i]!.data))).toBe(true));
  });

  it('compresses text and detects corruption', () => {
    const zip = writeZip(entries);
    expect(zip.length).toBeLessThan(2800 + 4096 + 1000);
    const broken = Buffer.from(zip);
    broken[40] = broken[40]! ^ 0xff; // inside the first entry's compressed data
    expect(() => readZip(broken)).toThrow(/corrupt|invalid|unexpected/i);
  });

  it('is a valid archive for the system unzip, when installed', () => {
    if (!existsSync('/usr/bin/unzip')) return;
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    try {
      writeFileSync(join(dir, 'x.zip'), writeZip(entries));
      const run = spawnSync('/usr/bin/unzip', ['-t', join(dir, 'x.zip')], { encoding: 'utf8' });
      expect(run.stdout).toContain('No errors detected');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the same bytes for the same files, in any time zone, dated 2026-01-01 00:00', () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const east = Buffer.from(writeZip(entries));
      process.env.TZ = 'America/Adak';
      const west = Buffer.from(writeZip(entries));
      expect(east.equals(west)).toBe(true);
      // Local file header: DOS time at offset 10, date at 12 (years since 1980 << 9 | month << 5 | day).
      expect([east.readUInt16LE(10), east.readUInt16LE(12)]).toEqual([0, ((2026 - 1980) << 9) | (1 << 5) | 1]);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('refuses duplicate paths', () => {
    expect(() => writeZip([entries[0]!, entries[0]!])).toThrow(/duplicate path index.html/);
  });
});

describe('offline links', () => {
  it('makes root-relative URLs relative to the page, with index.html for folders', () => {
    expect(relativeUrl('index.html', '/')).toBe('index.html');
    expect(relativeUrl('index.html', '/ways/')).toBe('ways/index.html');
    expect(relativeUrl('ways/index.html', '/ways/#step-2')).toBe('../ways/index.html#step-2');
    expect(relativeUrl('embed/ways/fig/index.html', '/_astro/a.css')).toBe('../../../_astro/a.css');
    expect(relativeUrl('ways/index.html', '/embed/ways/t/?step=2')).toBe('../embed/ways/t/index.html?step=2');
    expect(relativeUrl('ways/index.html', '/datasets/mnist')).toBe('../datasets/mnist/index.html');
    expect(relativeUrl('ways/index.html', 'https://example.org/')).toBe('https://example.org/');
    expect(relativeUrl('ways/index.html', '//cdn.example/x.js')).toBe('//cdn.example/x.js');
    expect(relativeUrl('ways/index.html', '#top')).toBe('#top');
  });

  it('rewrites href, src, srcset and island URLs in HTML, leaving nothing root-relative', () => {
    const html = '<a href="/ways/">W</a><img src="/_astro/c.webp" srcset="/_astro/c-360.webp 360w, /_astro/c-720.webp 720w">'
      + '<astro-island component-url="/_astro/X.js" renderer-url="/_astro/r.js"></astro-island><link rel="canonical" href="https://s.example/ways/">';
    const out = rewriteHtml(html, 'ways/index.html');
    expect(out).toContain('href="../ways/index.html"');
    expect(out).toContain('srcset="../_astro/c-360.webp 360w, ../_astro/c-720.webp 720w"');
    expect(out).toContain('component-url="../_astro/X.js"');
    expect(out).toContain('href="https://s.example/ways/"');
    expect(absoluteUrlsIn(out)).toEqual([]);
    expect(absoluteUrlsIn(html)).toHaveLength(6);
  });

  it('rewrites url() in stylesheets', () => {
    expect(rewriteCss('a{background:url(/_astro/x.png)} b{src:url("/fonts/f.woff2")}', '_astro/s.css')).toBe(
      'a{background:url(../_astro/x.png)} b{src:url("../fonts/f.woff2")}',
    );
  });
});
