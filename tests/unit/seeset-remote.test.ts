// Remote images in see:set bodies, against a real HTTP server started here
// (127.0.0.1, a random port; CI has no internet): downloaded once into the
// cache and served from the build with their URL as the source; every way a
// download fails (error status, not an image, too big, too slow, no server)
// is an AuthorError at the essay's file:line with the URL, the reason and the fix.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { authorErrorOf } from '../fixtures/author-error.ts';
import { checkBodyReferences, oldUrls, readSeesetEssay, rewriteBody, seesetLayout } from '../../src/loaders/seeset-files.ts';
import { cachedRemoteImage, localiseRemoteImage, RemoteImageFailure } from '../../src/loaders/seeset-remote.ts';

let server: Server;
let base: string;
let jpeg: Buffer;
/** Requests per path, to tell a download from a cache hit. */
const requests = new Map<string, number>();

beforeAll(async () => {
  jpeg = await sharp({ create: { width: 120, height: 80, channels: 3, background: { r: 200, g: 120, b: 40 } } }).jpeg().toBuffer();
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
  server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    requests.set(path, (requests.get(path) ?? 0) + 1);
    if (path === '/photos/1/original.jpeg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    else if (path === '/page.jpeg') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Log in</title>');
    else if (path === '/fake.jpeg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end('these bytes are text, not a JPEG');
    else if (path === '/drawing.svg') res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(svg);
    else if (path === '/big.jpeg') res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': '5000' }).end(Buffer.alloc(5000, 1));
    else if (path === '/big-chunked.jpeg') {
      // No content-length: the limit is enforced while reading.
      res.writeHead(200, { 'content-type': 'image/jpeg', 'transfer-encoding': 'chunked' });
      res.write(Buffer.alloc(3000, 1));
      res.end(Buffer.alloc(3000, 1));
    } else if (path === '/slow.jpeg') res.writeHead(200, { 'content-type': 'image/jpeg' }).write(jpeg.subarray(0, 10)); // never ends
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'seeset-remote-cache-'));
  requests.clear();
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

const failure = async (promise: Promise<unknown>): Promise<RemoteImageFailure> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RemoteImageFailure);
    return error as RemoteImageFailure;
  }
  throw new Error('expected the download to fail');
};

describe('localiseRemoteImage', () => {
  it('downloads an image once: the bytes are cached with their URL, the next call does not fetch', async () => {
    const url = `${base}/photos/1/original.jpeg`;
    const first = await localiseRemoteImage(url, { cacheDir });
    expect(first).toMatchObject({ url, format: 'jpeg', width: 120, height: 80, bytes: jpeg.length });
    expect(first.path).toMatch(/original-[0-9a-f]{16}\.jpg$/);
    expect(readFileSync(first.path).equals(jpeg)).toBe(true);
    expect(requests.get('/photos/1/original.jpeg')).toBe(1);
    // Written atomically: the image and its record, no temporary file left.
    expect(readdirSync(cacheDir).sort()).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.json$/), expect.stringMatching(/^original-[0-9a-f]{16}\.jpg$/)]);
    // A second run (a new build) reads the cache and does not ask the server.
    expect(await localiseRemoteImage(url, { cacheDir })).toEqual(first);
    expect(cachedRemoteImage(url, cacheDir)).toEqual(first);
    expect(requests.get('/photos/1/original.jpeg')).toBe(1);
    // A cache without the image (deleted by hand) fetches again.
    rmSync(first.path);
    expect(cachedRemoteImage(url, cacheDir)).toBeUndefined();
    await localiseRemoteImage(url, { cacheDir });
    expect(requests.get('/photos/1/original.jpeg')).toBe(2);
  });

  it('fails on an error status, naming it', async () => {
    const error = await failure(localiseRemoteImage(`${base}/photos/2/original.jpeg`, { cacheDir }));
    expect(error.reason).toBe('the server answered 404 Not Found');
    expect(cachedRemoteImage(`${base}/photos/2/original.jpeg`, cacheDir)).toBeUndefined();
  });

  it('fails on an answer that is not an image: by content type, by its bytes, or a format the site does not publish', async () => {
    expect((await failure(localiseRemoteImage(`${base}/page.jpeg`, { cacheDir }))).reason).toBe('is not an image: the server sent text/html');
    expect((await failure(localiseRemoteImage(`${base}/fake.jpeg`, { cacheDir }))).reason).toMatch(/^is not an image: its 32 bytes do not decode as one$/);
    expect((await failure(localiseRemoteImage(`${base}/drawing.svg`, { cacheDir }))).reason).toMatch(/^is a svg file; only JPEG, PNG, WebP, GIF and AVIF are published$/);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('fails on a file over the size limit, whether the server says its length or not', async () => {
    expect((await failure(localiseRemoteImage(`${base}/big.jpeg`, { cacheDir, maxBytes: 4000 }))).reason).toBe('is larger than the 4000 bytes a body image may have (5000 bytes)');
    expect((await failure(localiseRemoteImage(`${base}/big-chunked.jpeg`, { cacheDir, maxBytes: 4000 }))).reason).toBe('is larger than the 4000 bytes a body image may have');
  });

  it('fails on a server that does not finish within the time limit', async () => {
    const started = Date.now();
    expect((await failure(localiseRemoteImage(`${base}/slow.jpeg`, { cacheDir, timeoutMs: 300 }))).reason).toBe('no complete answer within 0.3 s (timed out)');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('fails when nothing answers (no network), and on URLs that are not http(s)', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    expect((await failure(localiseRemoteImage(`http://127.0.0.1:${port}/a.jpeg`, { cacheDir, timeoutMs: 2000 }))).reason).toMatch(/^could not be fetched \(ECONNREFUSED\): no network, or the host is unreachable$/);
    expect((await failure(localiseRemoteImage('ftp://127.0.0.1/a.jpeg', { cacheDir }))).reason).toBe('uses ftp:, only http: and https: are downloaded');
  });
});

describe('a remote image in a see:set body', () => {
  let root: string;
  const path = '9-ways-to-see/Gulls.md';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seeset-remote-site-'));
    for (const part of ['9-ways-to-see', 'public']) cpSync(join('content/seeset', part), join(root, part), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const essayWith = (url: string) => {
    const file = join(root, path);
    writeFileSync(file, readFileSync(file, 'utf8').replace('/img/9_ways/graph.png', url));
    const location = seesetLayout(root).essays.find((e) => e.id === 'gulls-fixture')!;
    return { location, essay: readSeesetEssay(location), line: readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(url)) + 1 };
  };

  it('is downloaded by the check, then served from the build with its URL printed as its source', async () => {
    const url = `${base}/photos/1/original.jpeg`;
    const { location, essay } = essayWith(url);
    await checkBodyReferences(location, essay, { cacheDir });
    expect(requests.get('/photos/1/original.jpeg')).toBe(1);
    await checkBodyReferences(location, essay, { cacheDir });
    expect(requests.get('/photos/1/original.jpeg')).toBe(1);
    const registered: string[] = [];
    const html = rewriteBody(`<p><img src="${url}" alt="A photo"></p>`, location, (p) => {
      registered.push(p);
      return '/generated/seeset/original.0123456789abcdef.jpg';
    }, oldUrls(root), { cacheDir });
    expect(registered).toEqual([cachedRemoteImage(url, cacheDir)!.path]);
    expect(existsSync(registered[0]!)).toBe(true);
    expect(html).toBe(`<p><img loading="lazy" decoding="async" src="/generated/seeset/original.0123456789abcdef.jpg" alt="A photo"><small class="source-line seeset-image-source">Source: <a href="${url}">${url}</a></small></p>`);
    // An alt text with ">" in it keeps the image whole, and the source line after it.
    const tricky = rewriteBody(`<p><img src="${url}" alt="before > after"> text</p>`, location, () => '/local.jpg', oldUrls(root), { cacheDir });
    expect(tricky).toBe(`<p><img loading="lazy" decoding="async" src="/local.jpg" alt="before > after"><small class="source-line seeset-image-source">Source: <a href="${url}">${url}</a></small> text</p>`);
  });

  it('that cannot be downloaded stops the check at the essay\'s line, with the URL, the reason and the fix', async () => {
    for (const [name, reason] of [['/photos/9/original.jpeg', /could not be downloaded: the server answered 404 Not Found$/], ['/page.jpeg', /could not be downloaded: is not an image: the server sent text\/html$/]] as const) {
      const url = `${base}${name}`;
      const { location, essay, line } = essayWith(url);
      const error = await authorErrorOf(checkBodyReferences(location, essay, { cacheDir }));
      expect(error).toMatchObject({ file: expect.stringMatching(/9-ways-to-see\/Gulls\.md$/), line });
      expect(line).toBeGreaterThan(1);
      expect(error.message).toContain(`the remote image ${url} could not be downloaded`);
      expect(error.message.split('\n')[0]).toMatch(reason);
      expect(error.hint).toMatch(/^download it yourself into content\/seeset\/public\/img\/remote\/<name>, point to \/img\/remote\/<name> and keep .* in the text as its source/);
      cpSync(join('content/seeset', path), join(root, path));
    }
  });

  it('that times out stops the check the same way', async () => {
    const { location, essay, line } = essayWith(`${base}/slow.jpeg`);
    const error = await authorErrorOf(checkBodyReferences(location, essay, { cacheDir, timeoutMs: 300 }));
    expect(error).toMatchObject({ line });
    expect(error.message).toMatch(/slow\.jpeg could not be downloaded: no complete answer within 0\.3 s \(timed out\)/);
  });
});
