// Content hashing for every build step: sha256 of bytes or text, and of files
// remembered by (size, mtime) so that a warm run reads no large file again.
// The caches (content-cache.ts, the data engine) build their keys from these.
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { sha256 } from '../../src/lib/sha256.ts';
import { writeFileAtomic } from './atomic-write.ts';

export { sha256 };

interface HashEntry { size: number; mtimeMs: number; sha256: string }

/** sha256 of files, remembered by (size, mtime) across runs in one JSON file. */
export class FileHasher {
  private entries: Record<string, HashEntry> = {};
  private dirty = false;
  private readonly store: string;

  constructor(store: string) {
    this.store = store;
    try {
      this.entries = JSON.parse(readFileSync(store, 'utf8')) as Record<string, HashEntry>;
    } catch {
      this.entries = {}; // no store yet, or a damaged one: it only costs hashing again
    }
  }

  async hash(abs: string): Promise<string> {
    const st = statSync(abs);
    const known = this.entries[abs];
    if (known && known.size === st.size && known.mtimeMs === st.mtimeMs) return known.sha256;
    const hash = sha256(await readFile(abs));
    this.entries[abs] = { size: st.size, mtimeMs: st.mtimeMs, sha256: hash };
    this.dirty = true;
    return hash;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    writeFileAtomic(this.store, JSON.stringify(this.entries));
    this.dirty = false;
  }
}
