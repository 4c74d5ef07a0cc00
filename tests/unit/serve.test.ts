// scripts/serve.ts against a small synthetic site (no build needed): aborted
// requests release their files, and the redirect, method, encoding,
// traversal, Range and size corpora get the answers a careful host gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { chooseEncoding, MAX_URL_LENGTH, normaliseUrlPath, parseRange, startServer } from '../../scripts/serve.ts';
import { SECURITY_HEADERS } from '../../src/lib/site-headers.ts';

interface Answer { status: number; headers: IncomingHttpHeaders; body: Buffer }

const SECRET = 'outside the site root: must never be served';
const BIG = Buffer.alloc(1024 * 1024, 'synthetic fixture byte ');

let base: string;
let server: Server;
let url: URL;

function fetchRaw(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request({ host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Requests the 1 MB file on a raw socket and hangs up at the first bytes of the answer. */
function abortedRequest(): Promise<void> {
  return new Promise((done) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write('GET /big.bin HTTP/1.1\r\nhost: x\r\n\r\n'));
    socket.once('data', () => socket.destroy());
    socket.on('error', () => undefined);
    socket.on('close', () => done());
  });
}

const openFiles = () => readdirSync('/proc/self/fd').length;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'serve-'));
  const root = join(base, 'dist');
  mkdirSync(join(root, 'essay'), { recursive: true });
  mkdirSync(join(root, '_astro'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title><p>synthetic fixture</p>');
  writeFileSync(join(root, '404.html'), '<!doctype html><title>not found</title>');
  writeFileSync(join(root, 'essay', 'index.html'), `<!doctype html><title>essay</title>${'<p>text</p>'.repeat(200)}`);
  const css = `body{color:#111}${'.x{margin:0}'.repeat(200)}`;
  writeFileSync(join(root, '_astro', 'site.abc123.css'), css);
  writeFileSync(join(root, '_astro', 'site.abc123.css.br'), brotliCompressSync(css));
  writeFileSync(join(root, '_astro', 'site.abc123.css.gz'), gzipSync(css));
  writeFileSync(join(root, 'big.bin'), BIG);
  writeFileSync(join(base, 'secret.txt'), SECRET);
  ({ server } = await startServer({ root, idleTimeoutMs: 400 }));
  const address = server.address();
  url = new URL(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(base, { recursive: true, force: true });
});

describe('aborted requests', () => {
  it('10,000 aborted downloads leave the open files at their baseline and the server answering', { timeout: 120_000 }, async () => {
    await fetchRaw('/big.bin'); // warm up: lazily opened handles are part of the baseline
    const before = openFiles();
    const total = 10_000;
    const concurrency = 64;
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        await abortedRequest();
      }
    }));
    // Closed sockets and streams are released on the next turns of the loop.
    for (let i = 0; i < 50 && openFiles() > before + 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(openFiles()).toBeLessThanOrEqual(before + 2);
    const answer = await fetchRaw('/essay/');
    expect(answer.status).toBe(200);
  });
});

describe('redirects', () => {
  // Each would send a browser to evil.example if echoed into Location.
  const CORPUS = [
    '//evil.example/%2e%2e%2fessay',
    '//evil.example/..%2fessay',
    '///evil.example/../essay',
    '/\\evil.example/%2e%2e/essay',
    '/%5cevil.example/%2e%2e/essay',
    '/%2fevil.example/%2e%2e/essay',
    '/%2F%2Fevil.example/%2e%2e/essay',
    '/essay?next=//evil.example',
  ];
  it.each(CORPUS)('%s stays on this origin, path only', async (path) => {
    const answer = await fetchRaw(path);
    expect(answer.status).toBe(301);
    const location = String(answer.headers.location);
    expect(location).toMatch(/^\/essay\//);
    expect(new URL(location, url).origin).toBe(url.origin);
  });

  it('redirects a folder without its slash, keeping the query', async () => {
    expect((await fetchRaw('/essay?step=2')).headers.location).toBe('/essay/?step=2');
  });
});

describe('methods', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s gets 405 with Allow', async (method) => {
    const answer = await fetchRaw('/essay/', { method });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
  });

  it('HEAD gets the headers of GET and no body', async () => {
    const answer = await fetchRaw('/big.bin', { method: 'HEAD' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-length']).toBe(String(BIG.length));
    expect(answer.body.length).toBe(0);
  });
});

describe('content coding', () => {
  it.each([
    ['gzip;q=0', '/essay/', undefined],
    ['gzip;q=0, br;q=0', '/_astro/site.abc123.css', undefined],
    ['*;q=0', '/essay/', undefined],
    ['identity', '/essay/', undefined],
    ['', '/essay/', undefined],
    ['gzip', '/essay/', 'gzip'],
    ['deflate, gzip;q=0.5', '/essay/', 'gzip'],
    ['br', '/essay/', undefined], // no .br beside it, and we only compress with gzip on the fly
    ['gzip, br', '/_astro/site.abc123.css', 'br'],
    ['gzip;q=1, br;q=0.5', '/_astro/site.abc123.css', 'gzip'],
    ['*', '/_astro/site.abc123.css', 'br'],
  ])('Accept-Encoding %j on %s answers %s', async (accept, path, coding) => {
    const answer = await fetchRaw(path, { headers: accept ? { 'accept-encoding': accept } : {} });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe(coding);
    if (coding === 'gzip') expect(gunzipSync(answer.body).toString()).toMatch(/^<!doctype html>|^body/);
  });

  it('serves the precompressed file written at build time, byte for byte', async () => {
    const answer = await fetchRaw('/_astro/site.abc123.css', { headers: { 'accept-encoding': 'br' } });
    expect(answer.body.equals(readFileSync(join(base, 'dist', '_astro', 'site.abc123.css.br')))).toBe(true);
    expect(answer.headers.vary).toBe('accept-encoding');
  });

  it('picks by q-value', () => {
    expect(chooseEncoding('br;q=0.1, gzip;q=0.2', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('gzip; q=0', ['gzip'])).toBe('identity');
    expect(chooseEncoding('*;q=0.5, br;q=0', ['br', 'gzip'])).toBe('gzip');
  });
});

describe('traversal', () => {
  const CORPUS = [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/essay/../../secret.txt',
    '/essay/%2e%2e/%2e%2e/secret.txt',
    '/%252e%252e/secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/secret.txt%00.html',
    '/%',
  ];
  it.each(CORPUS)('%s never reaches a file outside the root', async (path) => {
    const answer = await fetchRaw(path);
    expect(answer.status).toBe(404);
    expect(answer.body.toString()).not.toContain(SECRET);
  });

  it('normalises a path once', () => {
    expect(normaliseUrlPath('/a/%2e%2e/b/')).toBe('/b/');
    expect(normaliseUrlPath('/%252e%252e/')).toBe('/%2e%2e/');
    expect(normaliseUrlPath('http://evil.example/')).toBeUndefined();
  });
});

describe('ranges', () => {
  it('answers 206 with the requested bytes', async () => {
    const answer = await fetchRaw('/big.bin', { headers: { range: 'bytes=100-199' } });
    expect(answer.status).toBe(206);
    expect(answer.headers['content-range']).toBe(`bytes 100-199/${BIG.length}`);
    expect(answer.body.equals(BIG.subarray(100, 200))).toBe(true);
  });

  it('answers a suffix range and an open-ended range', async () => {
    expect((await fetchRaw('/big.bin', { headers: { range: 'bytes=-10' } })).body.equals(BIG.subarray(BIG.length - 10))).toBe(true);
    expect((await fetchRaw('/big.bin', { headers: { range: `bytes=${BIG.length - 5}-` } })).body.length).toBe(5);
  });

  it('answers 416 past the end, and ranges a text file in identity coding', async () => {
    const past = await fetchRaw('/big.bin', { headers: { range: `bytes=${BIG.length}-` } });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${BIG.length}`);
    const text = await fetchRaw('/essay/', { headers: { range: 'bytes=0-14', 'accept-encoding': 'gzip' } });
    expect([text.status, text.headers['content-encoding'], text.body.toString()]).toEqual([206, undefined, '<!doctype html>']);
  });

  it('parses only single byte ranges', () => {
    expect(parseRange('bytes=0-1,5-6', 10)).toBeUndefined();
    expect(parseRange('items=0-1', 10)).toBeUndefined();
    expect(parseRange('bytes=5-2', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=8-100', 10)).toEqual({ start: 8, end: 9 });
  });
});

describe('limits and headers', () => {
  it('refuses an over-long URL with 414 and over-large headers with 431', async () => {
    expect((await fetchRaw(`/${'a'.repeat(MAX_URL_LENGTH)}`)).status).toBe(414);
    expect((await fetchRaw('/', { headers: { 'x-padding': 'a'.repeat(20_000) } })).status).toBe(431);
  });

  it('closes a connection that sends nothing', async () => {
    const closedAfter = await new Promise<number>((done) => {
      const started = Date.now();
      const socket = connect(Number(url.port), url.hostname);
      socket.on('close', () => done(Date.now() - started));
      socket.on('error', () => undefined);
    });
    expect(closedAfter).toBeLessThan(5_000);
  });

  it('sends the site headers, immutable caching only for fingerprinted files', async () => {
    const page = await fetchRaw('/essay/');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(page.headers[name]).toBe(value);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect((await fetchRaw('/_astro/site.abc123.css')).headers['cache-control']).toMatch(/immutable/);
    expect((await fetchRaw('/_astro/missing.css')).headers['cache-control']).toBe('no-cache');
  });
});
