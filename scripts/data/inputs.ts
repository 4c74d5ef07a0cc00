// Input files of aggregates: where they are, what they hash to (cached by
// size and mtime so a warm run reads no large file), and which local modules
// an aggregate script depends on.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { AuthorError } from '../../src/lib/author-error.ts';
import type { InputOrigin } from '../../src/lib/aggregate-definition.ts';

export interface ResolvedInput {
  /** Absolute path on this machine. */
  abs: string;
  /** Stable name for provenance: `content/datasets/x/file.csv` or `pkg@1.2.3/path`. */
  display: string;
}

const packageVersions = new Map<string, string>();

/** The folder and version of an installed npm package, read from node_modules. */
function packageDir(root: string, name: string): { dir: string; version: string } {
  const dir = join(root, 'node_modules', name);
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) {
    throw new AuthorError(`package "${name}" is not installed`, { file: 'package.json', field: name, hint: `add "${name}" to package.json and run npm install` });
  }
  let version = packageVersions.get(manifest);
  if (!version) {
    version = String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version ?? '0.0.0');
    packageVersions.set(manifest, version);
  }
  return { dir, version };
}

export function resolveInput(root: string, origin: InputOrigin, script: string): ResolvedInput {
  if ('dataset' in origin) {
    const display = `content/datasets/${origin.dataset}/${origin.path}`;
    const abs = join(root, display);
    if (!existsSync(abs)) {
      throw new AuthorError(`input file ${display} does not exist`, { file: script, field: 'inputs', hint: `create ${display}, or fix the path in ${script}` });
    }
    return { abs, display };
  }
  const { dir, version } = packageDir(root, origin.package);
  const abs = join(dir, origin.path);
  const display = `${origin.package}@${version}/${origin.path}`;
  if (!existsSync(abs)) {
    throw new AuthorError(`input file ${display} does not exist in the installed package`, { file: script, field: 'inputs', hint: `check the path inside node_modules/${origin.package}/ (or the package version)` });
  }
  return { abs, display };
}

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
      this.entries = {};
    }
  }

  async hash(abs: string): Promise<string> {
    const st = statSync(abs);
    const known = this.entries[abs];
    if (known && known.size === st.size && known.mtimeMs === st.mtimeMs) return known.sha256;
    const sha256 = createHash('sha256').update(await readFile(abs)).digest('hex');
    this.entries[abs] = { size: st.size, mtimeMs: st.mtimeMs, sha256 };
    this.dirty = true;
    return sha256;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    await mkdir(dirname(this.store), { recursive: true });
    await writeFile(this.store, JSON.stringify(this.entries));
    this.dirty = false;
  }
}

const LOCAL_IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gm;

/** Every local module a script imports, transitively (relative imports only). */
export function localDependencies(scriptAbs: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    for (const m of source.matchAll(LOCAL_IMPORT)) {
      const dep = resolve(dirname(file), (m[1] ?? m[2])!);
      if (seen.has(dep) || !existsSync(dep)) continue;
      seen.add(dep);
      visit(dep);
    }
  };
  visit(scriptAbs);
  seen.delete(scriptAbs);
  return [...seen].sort();
}

export function rel(root: string, abs: string): string {
  return relative(root, abs).split('\\').join('/');
}
