// Remote images in see:set bodies (`![](https://host/photos/.../original.jpeg)`):
// downloaded once into a cache keyed by the URL (.cache/seeset-remote/), then
// served from the build like an image from the public tree, with the URL kept
// beside it as its source. The site's Content Security Policy allows no other
// origin, so an image left remote would break silently: when the download
// fails (no network, an error status, not an image, too big, too slow), the
// essay's file:line, the URL, the reason and the fix stop the build.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import { sha256 } from '../lib/sha256.ts';

/** Where downloaded images are kept between builds. */
export const REMOTE_CACHE_DIR = '.cache/seeset-remote';
/** A download that takes longer fails (the build must not hang on a slow host). */
export const REMOTE_TIMEOUT_MS = 20_000;
/** A larger file fails: a body image is a figure, not an archive. */
export const REMOTE_MAX_BYTES = 25 * 1024 * 1024;

/** Formats kept, by sharp's name, with the extension the copy gets. */
const FORMATS: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif', heif: 'avif' };

export interface RemoteImageOptions {
  cacheDir?: string;
  timeoutMs?: number;
  maxBytes?: number;
}

/** A downloaded image: where its bytes are and what they are. */
export interface LocalImage {
  /** The URL as the essay wrote it. */
  url: string;
  /** The cached file, absolute or relative to the working directory. */
  path: string;
  format: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
}

/** Why a download failed, in words for the author (`reason`). */
export class RemoteImageFailure extends Error {
  readonly url: string;
  readonly reason: string;
  constructor(url: string, reason: string) {
    super(`${url}: ${reason}`);
    this.name = 'RemoteImageFailure';
    this.url = url;
    this.reason = reason;
  }
}

/** `//host/x` is fetched over https; anything but http(s) is refused. */
export function fetchableUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
  } catch {
    throw new RemoteImageFailure(url, 'is not a valid URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new RemoteImageFailure(url, `uses ${parsed.protocol}, only http: and https: are downloaded`);
  return parsed;
}

const keyOf = (url: string) => sha256(url);
const metaPath = (cacheDir: string, url: string) => join(cacheDir, `${keyOf(url)}.json`);

/** The cached copy of `url`, if a previous download completed (no network). */
export function cachedRemoteImage(url: string, cacheDir: string = REMOTE_CACHE_DIR): LocalImage | undefined {
  const meta = metaPath(cacheDir, url);
  if (!existsSync(meta)) return undefined;
  try {
    const found = JSON.parse(readFileSync(meta, 'utf8')) as Omit<LocalImage, 'path'> & { file: string };
    const path = join(cacheDir, found.file);
    if (found.url !== url || !existsSync(path)) return undefined;
    const { file: _file, ...rest } = found;
    return { ...rest, path };
  } catch {
    return undefined; // an unreadable record is fetched again
  }
}

/** A name for the copy from the URL's last path segment: `original.jpeg` gives `original`. */
function stemOf(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? '').replace(/\.[a-z0-9]{1,5}$/i, '');
  return last.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 40) || 'image';
}

const describeNetworkError = (error: unknown, timeoutMs: number): string => {
  const e = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no complete answer within ${timeoutMs / 1000} s (timed out)`;
  const cause = e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
  return `could not be fetched (${cause}): no network, or the host is unreachable`;
};

async function readLimited(response: Response, maxBytes: number, url: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new RemoteImageFailure(url, `is larger than the ${maxBytes} bytes a body image may have`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The local copy of a remote image: from the cache, or downloaded, checked
 * (an image/* answer that sharp reads as JPEG, PNG, WebP, GIF or AVIF, within
 * the size and time limits) and written atomically into the cache.
 * Throws RemoteImageFailure with the reason.
 */
export async function localiseRemoteImage(url: string, options: RemoteImageOptions = {}): Promise<LocalImage> {
  const cacheDir = options.cacheDir ?? REMOTE_CACHE_DIR;
  const timeoutMs = options.timeoutMs ?? REMOTE_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? REMOTE_MAX_BYTES;
  const cached = cachedRemoteImage(url, cacheDir);
  if (cached) return cached;
  const target = fetchableUrl(url);
  const signal = AbortSignal.timeout(timeoutMs);
  let data: Buffer;
  try {
    const response = await fetch(target, { signal, redirect: 'follow', headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9' } });
    if (!response.ok) {
      await response.body?.cancel();
      throw new RemoteImageFailure(url, `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!type.startsWith('image/')) {
      await response.body?.cancel();
      throw new RemoteImageFailure(url, `is not an image: the server sent ${type || 'no content type'}`);
    }
    const length = Number(response.headers.get('content-length') ?? NaN);
    if (length > maxBytes) {
      await response.body?.cancel();
      throw new RemoteImageFailure(url, `is larger than the ${maxBytes} bytes a body image may have (${length} bytes)`);
    }
    data = await readLimited(response, maxBytes, url);
  } catch (error) {
    if (error instanceof RemoteImageFailure) throw error;
    throw new RemoteImageFailure(url, describeNetworkError(error, timeoutMs));
  }
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(data).metadata();
  } catch {
    throw new RemoteImageFailure(url, `is not an image: its ${data.length} bytes do not decode as one`);
  }
  const ext = FORMATS[meta.format ?? ''];
  if (!ext || !meta.width || !meta.height) throw new RemoteImageFailure(url, `is a ${meta.format ?? 'unknown'} file; only JPEG, PNG, WebP, GIF and AVIF are published`);
  const hash = sha256(data);
  const file = `${stemOf(target)}-${keyOf(url).slice(0, 16)}.${ext}`;
  const record = { url, file, format: meta.format!, width: meta.width, height: meta.height, bytes: data.length, sha256: hash };
  // The image first, then the record: a record always points at a complete file.
  writeFileAtomic(join(cacheDir, file), data);
  writeFileAtomic(metaPath(cacheDir, url), `${JSON.stringify(record, null, 2)}\n`);
  const { file: _file, ...rest } = record;
  return { ...rest, path: join(cacheDir, file) };
}
