// Which format a cover is served in: PNG for a dithered palette cover (see
// dithered-png.ts), WebP for anything else. Read once per file version.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ditheredGreys } from './dithered-png.ts';

const cache = new Map<string, Promise<'png' | 'webp'>>();

export function coverFormat(file: string): Promise<'png' | 'webp'> {
  const key = `${file}:${statSync(file).mtimeMs}`;
  let format = cache.get(key);
  if (!format) {
    format = readFile(file).then(async (data) => ((await ditheredGreys(data)) === undefined ? 'webp' : 'png'));
    cache.set(key, format);
  }
  return format;
}
