// ZIP archives for the offline copy, written and read by fflate (a kept,
// dependency-free ZIP and deflate library), with what the offline copy needs
// on top: a fixed date on every entry, so the same files always make the same
// bytes, and a clear error on a duplicate path.
import { unzipSync, zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  path: string;
  data: Uint8Array;
}

// ZIP stores local date and time fields; a Date made from local fields writes
// the same fields (2026-01-01 00:00) in every time zone.
const FIXED_DATE = () => new Date(2026, 0, 1);

/** Writes a ZIP archive (deflate level 9, UTF-8 names, entries in the given order). */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const entry of entries) {
    if (Object.hasOwn(files, entry.path)) throw new Error(`zip: duplicate path ${entry.path}`);
    files[entry.path] = [entry.data, { level: 9, mtime: FIXED_DATE() }];
  }
  return zipSync(files);
}

/** Reads every entry back, in archive order (tests and extracting the offline copy). */
export function readZip(zip: Uint8Array): ZipEntry[] {
  return Object.entries(unzipSync(zip)).map(([path, data]) => ({ path, data }));
}
