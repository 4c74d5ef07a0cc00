// Serves the built site (dist/) on 127.0.0.1 with compression, Range and the
// site's headers (src/lib/site-headers.ts). Used by `npm start`, the browser
// tests and the benchmarks; readers at scale get a CDN or web server instead
// (docs/deploy.md). Why our own server and not sirv/serve-handler: docs/quality.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, statSync, type Stats } from 'node:fs';
import { extname, join, posix, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { createBrotliCompress, createGzip } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { isInside } from '../src/lib/contained-path.ts';
import { siteHeadersFor } from '../src/lib/site-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.woff2': 'font/woff2',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|wasm)|image\/svg)/;

/** Longest request target answered (414 beyond); browsers and CDNs use similar caps. */
export const MAX_URL_LENGTH = 4096;
/** Request header bytes accepted (Node answers 431 beyond). */
export const MAX_HEADER_BYTES = 16 * 1024;

export interface ServeOptions {
  root?: string;
  port?: number;
  host?: string;
  /** Compress text responses (on by default, as a real host would). */
  gzip?: boolean;
  /** Milliseconds a client may take to send its request headers / whole request. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Milliseconds a socket may stay idle (a slow or stalled reader) before it is closed. */
  idleTimeoutMs?: number;
}

/**
 * The request target as a normalised, decoded URL path ("/a/b/"), or
 * undefined when it cannot name a file (bad escapes, NUL, not path-only).
 * Decoded once: "%2e%2e" becomes ".." here and is resolved like one.
 */
export function normaliseUrlPath(target: string): string | undefined {
  const raw = target.split(/[?#]/, 1)[0] ?? '';
  if (!raw.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  // Backslashes are separators to browsers ("/\evil" = "//evil"), so to us too.
  const normal = posix.normalize(decoded.replace(/\\/g, '/'));
  const trailing = decoded.endsWith('/') && !normal.endsWith('/') ? '/' : '';
  return `${normal}${trailing}`.replace(/^\/+/, '/');
}

/** Resolves a request target to a file in root, or undefined (never escapes root). */
export function resolveStaticPath(root: string, target: string): string | undefined {
  const path = normaliseUrlPath(target);
  return path === undefined ? undefined : fileForPath(root, path);
}

/** The file a normalised URL path names (a folder's index.html), or undefined. */
function fileForPath(root: string, path: string): string | undefined {
  const file = join(root, path);
  if (!isInside(root, file)) return undefined;
  const stats = statOrUndefined(file);
  if (stats?.isFile()) return file;
  if (stats?.isDirectory() && statOrUndefined(join(file, 'index.html'))?.isFile()) return join(file, 'index.html');
  return undefined;
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** The coding to answer with, honouring q-values ("gzip;q=0" refuses gzip). */
export function chooseEncoding(acceptEncoding: string | undefined, available: readonly ('br' | 'gzip')[]): 'br' | 'gzip' | 'identity' {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  let best: 'br' | 'gzip' | 'identity' = 'identity';
  let bestWeight = 0;
  for (const coding of available) {
    const weight = weightOf(coding);
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}

/** One satisfiable byte range of a file of `size` bytes, 'unsatisfiable', or undefined to send it whole. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined; // absent, multiple ranges or another unit: the whole file is a valid answer
  const [, from, to] = match;
  if (from === '' && to === '') return undefined;
  let start: number;
  let end: number;
  if (from === '') {
    start = Math.max(0, size - Number(to));
    end = size - 1;
  } else {
    start = Number(from);
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

function handle(root: string, compress: boolean, req: IncomingMessage, res: ServerResponse): void {
  const target = req.url ?? '/';
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...siteHeadersFor('/'), allow: 'GET, HEAD', 'content-length': '0' }).end();
    return;
  }
  if (target.length > MAX_URL_LENGTH) {
    res.writeHead(414, { ...siteHeadersFor('/'), 'content-length': '0' }).end();
    return;
  }
  const urlPath = normaliseUrlPath(target);
  const file = urlPath === undefined ? undefined : fileForPath(root, urlPath);
  // A folder asked for without its slash: a path-only redirect to the same
  // origin, built from the normalised path (never the raw target).
  if (file && urlPath && file.endsWith(`${sep}index.html`) && !urlPath.endsWith('/') && !urlPath.endsWith('.html')) {
    const query = target.includes('?') ? target.slice(target.indexOf('?')) : '';
    const location = `${urlPath.split('/').map(encodeURIComponent).join('/')}/${query}`;
    res.writeHead(301, { ...siteHeadersFor('/'), location, 'content-length': '0' }).end();
    return;
  }
  const path = file ?? join(root, '404.html');
  const status = file ? 200 : 404;
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { ...siteHeadersFor(file && urlPath ? urlPath : '/'), 'content-type': type, 'accept-ranges': 'bytes' };
  const compressible = compress && COMPRESSIBLE.test(type);
  if (compressible) headers['vary'] = 'accept-encoding';
  const size = statOrUndefined(path)?.size ?? 0;
  const range = status === 200 ? parseRange(req.headers.range, size) : undefined;
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'content-range': `bytes */${size}`, 'content-length': '0' }).end();
    return;
  }
  // Range answers are always in identity coding (byte offsets of the file).
  const precompressed = (['br', 'gzip'] as const).filter((coding) => statOrUndefined(`${path}.${coding === 'br' ? 'br' : 'gz'}`)?.isFile());
  const coding = compressible && !range ? chooseEncoding(req.headers['accept-encoding'], precompressed.length ? precompressed : ['gzip']) : 'identity';
  let source = path;
  let encoder: NodeJS.ReadWriteStream | undefined;
  if (coding !== 'identity') {
    headers['content-encoding'] = coding;
    if (precompressed.includes(coding)) {
      source = `${path}.${coding === 'br' ? 'br' : 'gz'}`;
      headers['content-length'] = String(statOrUndefined(source)?.size ?? 0);
    } else {
      encoder = coding === 'br' ? createBrotliCompress() : createGzip();
    }
  } else if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${size}`;
    headers['content-length'] = String(range.end - range.start + 1);
  } else {
    headers['content-length'] = String(size);
  }
  res.writeHead(range ? 206 : status, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(source, range ? { start: range.start, end: range.end } : {});
  // pipeline destroys every stream (closing the file) when the client goes
  // away or a read fails; the error itself needs no answer: the response is
  // already under way, so the socket is closed.
  const done = () => undefined;
  if (encoder) pipeline(stream, encoder, res, done);
  else pipeline(stream, res, done);
}

const CLIENT_ERRORS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
};

export function startServer(options: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const root = resolve(options.root ?? 'dist');
  const host = options.host ?? '127.0.0.1';
  const compress = options.gzip ?? true;
  if (!statOrUndefined(join(root, 'index.html'))?.isFile()) {
    throw new Error(`${root}/index.html not found: build the site first with \`npm run build\``);
  }
  const server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES, headersTimeout: options.headersTimeoutMs ?? 10_000, requestTimeout: options.requestTimeoutMs ?? 30_000 },
    (req, res) => handle(root, compress, req, res),
  );
  server.setTimeout(options.idleTimeoutMs ?? 30_000, (socket) => socket.destroy());
  server.keepAliveTimeout = 5_000;
  // A client that resets mid-request must never take the server down.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const status = CLIENT_ERRORS[error.code ?? ''] ?? '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      ok({ server, url: `http://${host}:${port}` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT ?? 4321);
  const { url } = await startServer({ port });
  console.log(`Serving dist/ at ${url}/  (Ctrl+C to stop)`);
}
