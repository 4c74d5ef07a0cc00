// A content-hash cache for generated files: a unit of work is skipped when the
// hash of its inputs and options matches the last run and its outputs still
// exist. One JSON stamp file per cache name under .cache/ (gitignored).
// The cache also owns the files it recorded: a unit rebuilt into other files
// (a thumbnail no longer written at 256 px), or not seen at all in a run (an
// item that left the collection), has its old files deleted, so stale
// outputs never reach the site. Only recorded outputs are ever deleted, and
// never one another cache in the same folder records too (content-addressed
// files, such as an atlas sheet two galleries share).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { sha256 } from './hash.ts';

/** One key from many parts (input hashes, options, code version). */
export function cacheKey(...parts: unknown[]): string {
  return sha256(JSON.stringify(parts));
}

interface Stamp {
  key: string;
  outputs: string[];
  /** Whatever the unit needs again on a warm run (sizes, failures, placeholders). */
  meta?: unknown;
}

export interface ContentCache {
  /** True when `unit` was last built with `key` and all its outputs exist. */
  fresh(unit: string, key: string): boolean;
  /** Records that `unit` was built with `key` into `outputs`. */
  record(unit: string, key: string, outputs: string[], meta?: unknown): void;
  /** The meta recorded with `unit`'s last build. */
  meta<T>(unit: string): T | undefined;
  /**
   * Writes the stamps to disk (call once at the end of a complete run): units
   * this run never asked about are gone, with their files.
   */
  save(): void;
  hits: number;
  misses: number;
}

export function openCache(dir: string, name: string): ContentCache {
  const file = join(dir, `${name}.json`);
  let stamps: Record<string, Stamp> = {};
  if (existsSync(file)) {
    try {
      stamps = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Stamp>;
    } catch {
      stamps = {}; // a damaged stamp file only costs a rebuild
    }
  }
  const seen = new Set<string>();
  /** Outputs the other caches of this folder record (read from disk when something is about to be deleted). */
  const othersOutputs = (): Set<string> => {
    const out = new Set<string>();
    if (!existsSync(dir)) return out;
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.json') || join(dir, name) === file) continue;
      try {
        for (const stamp of Object.values(JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, Stamp>)) for (const p of stamp.outputs ?? []) out.add(p);
      } catch {
        // not a stamp file
      }
    }
    return out;
  };
  const remove = (paths: readonly string[]) => {
    if (paths.length === 0) return;
    const own = new Set(Object.values(stamps).flatMap((s) => s.outputs));
    const shared = othersOutputs();
    for (const p of paths) if (!shared.has(p) && !own.has(p)) rmSync(p, { force: true });
  };
  const cache: ContentCache = {
    hits: 0,
    misses: 0,
    fresh(unit, key) {
      seen.add(unit);
      const stamp = stamps[unit];
      const ok = !!stamp && stamp.key === key && stamp.outputs.every((p) => existsSync(p));
      if (ok) cache.hits++;
      else cache.misses++;
      return ok;
    },
    record(unit, key, outputs, meta) {
      seen.add(unit);
      const kept = new Set(outputs);
      const old = stamps[unit]?.outputs ?? [];
      stamps[unit] = { key, outputs, meta };
      remove(old.filter((p) => !kept.has(p)));
    },
    meta<T>(unit: string) {
      return stamps[unit]?.meta as T | undefined;
    },
    save() {
      const gone = Object.keys(stamps).filter((unit) => !seen.has(unit));
      const paths = gone.flatMap((unit) => stamps[unit]!.outputs);
      for (const unit of gone) delete stamps[unit];
      remove(paths);
      writeFileAtomic(file, JSON.stringify(stamps));
    },
  };
  return cache;
}
