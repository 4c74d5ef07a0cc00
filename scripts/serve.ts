// Serves the built site (dist/) on 127.0.0.1 with gzip and security headers.
// Used by `npm start`, the browser tests and the benchmarks.
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import { pathToFileURL } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|wasm)|image\/svg)/;

export interface ServeOptions {
  root?: string;
  port?: number;
  host?: string;
  /** Compress text responses with gzip (on by default, as a real host would). */
  gzip?: boolean;
}

/** Resolves a URL path to a file in root, or undefined (never escapes root). */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  if (existsSync(index)) return index;
  return undefined;
}

/** A single `bytes=a-b` / `bytes=a-` / `bytes=-n` range of a file of `size` bytes; undefined for none or others. */
export function byteRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

export function startServer(options: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const root = resolve(options.root ?? 'dist');
  const host = options.host ?? '127.0.0.1';
  const gzip = options.gzip ?? true;
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html not found: build the site first with \`npm run build\``);
  }
  const server = createServer((req, res) => {
    const urlPath = req.url ?? '/';
    // /dir without its slash: redirect, as static hosts do.
    const file = resolveStaticPath(root, urlPath);
    if (file && file.endsWith(`${sep}index.html`) && !urlPath.split('?')[0]!.endsWith('/') && !urlPath.endsWith('.html')) {
      res.writeHead(301, { location: `${urlPath.split('?')[0]}/` }).end();
      return;
    }
    const target = file ?? join(root, '404.html');
    const status = file ? 200 : 404;
    const type = TYPES[extname(target)] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cache-control': 'no-cache',
    };
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip && acceptsGzip && COMPRESSIBLE.test(type)) {
      headers['content-encoding'] = 'gzip';
      headers['vary'] = 'accept-encoding';
      res.writeHead(status, headers);
      createReadStream(target).pipe(createGzip()).pipe(res);
    } else {
      const size = statSync(target).size;
      headers['accept-ranges'] = 'bytes';
      // A byte range (video players seek with these): 206 with that slice, 416 if out of bounds.
      const range = status === 200 ? byteRange(String(req.headers['range'] ?? ''), size) : undefined;
      if (range === 'unsatisfiable') {
        res.writeHead(416, { ...headers, 'content-range': `bytes */${size}` }).end();
        return;
      }
      if (range) {
        headers['content-range'] = `bytes ${range.start}-${range.end}/${size}`;
        headers['content-length'] = String(range.end - range.start + 1);
        res.writeHead(206, headers);
        createReadStream(target, range).pipe(res);
        return;
      }
      headers['content-length'] = String(size);
      res.writeHead(status, headers);
      createReadStream(target).pipe(res);
    }
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
