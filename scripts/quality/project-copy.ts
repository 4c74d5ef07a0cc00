// Throwaway copies of the project for tests and benchmarks that run real
// builds: a broken file, a synthetic fixture essay, a benchmark essay, a cold
// build. The copy shares node_modules and never touches the working tree.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { sha256 } from '../lib/hash.ts';
import { LOCAL_SITE } from '../../src/lib/site-address.ts';
import { listBuiltFiles } from './built-files.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** Never copied: dependencies (linked instead), VCS, build outputs, benchmark files. Caches (.cache/) are, to keep builds warm. */
const SKIP = new Set(['node_modules', '.git', 'dist', 'dist.staging', 'dist.previous', '.astro', 'bench/tmp', 'bench/results', 'bench/results.json']);
/** Also left out of a cold copy: every cache and generated file a build would reuse. */
const COLD_SKIP = new Set(['.cache', 'src/generated', 'public/generated']);
/** Caches that live inside node_modules (Astro's, Vite's): a cold copy gets its own, empty. */
const NODE_MODULES_CACHES = new Set(['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache']);
/** What `withoutEssays` leaves out: everything inside these folders. */
const ESSAYS = /^content\/(essays|seeset)\/./;

export interface CopyOptions {
  /** Copy the last build (dist/) too, e.g. to check a failed build keeps it. */
  withDist?: boolean;
  /**
   * No caches at all: generated files and caches are left out, and node_modules
   * is a folder of links to every package, so Astro's and Vite's caches start empty.
   */
  cold?: boolean;
  /** Where to put the copy (emptied first); a new folder under the OS temp dir by default. */
  into?: string;
  /**
   * Leave out every essay (and the seeset fixture): content/essays/ is empty, so
   * a test writes the one essay it builds and the build stays small whatever essays exist.
   */
  withoutEssays?: boolean;
}

export interface ProjectCopy {
  dir: string;
  /** `npm run <script> -- ...args` in the copy; resolves with the exit code and all output. */
  run(script: string, args?: string[]): Promise<{ code: number; output: string }>;
  /** `astro build` alone (no data or image steps: the copy has their outputs). */
  astroBuild(args?: string[]): Promise<{ code: number; output: string }>;
  remove(): void;
}

export function copyProject(options: CopyOptions = {}): ProjectCopy {
  let dir: string;
  if (options.into) {
    dir = resolve(options.into);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  } else {
    dir = mkdtempSync(join(tmpdir(), 'essays-copy-'));
  }
  cpSync(ROOT, dir, {
    recursive: true,
    // Caches compare modification times: keep them, so a copy's caches stay warm.
    preserveTimestamps: true,
    filter: (source) => {
      const path = relative(ROOT, source).split(sep).join('/');
      if (path === 'dist') return options.withDist === true;
      if (options.withoutEssays && ESSAYS.test(path)) return false;
      return !SKIP.has(path) && !(options.cold && COLD_SKIP.has(path));
    },
  });
  if (options.withoutEssays) mkdirSync(join(dir, 'content/essays'), { recursive: true });
  const modules = join(ROOT, 'node_modules');
  if (options.cold) {
    mkdirSync(join(dir, 'node_modules'));
    for (const entry of readdirSync(modules)) {
      if (!NODE_MODULES_CACHES.has(entry)) symlinkSync(join(modules, entry), join(dir, 'node_modules', entry));
    }
  } else {
    symlinkSync(modules, join(dir, 'node_modules'));
  }
  return {
    dir,
    run: (script, args = []) => runNpm(dir, script, args),
    astroBuild: (args = []) => runCommand(dir, process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build', ...args]),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The environment without what vitest and vite set (NODE_ENV=test changes what
 * Astro builds); a copy builds for the local address unless SITE_URL says otherwise,
 * as `npm test` does (a build for the example domain is refused).
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SITE_URL: process.env['SITE_URL'] || LOCAL_SITE };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|VITE_|NODE_ENV$|TEST$|MODE$|BASE_URL$|DEV$|PROD$|SSR$|ASSETS_PREFIX$|SITE$)/.test(key)) delete env[key];
  }
  return env;
}

export function runNpm(cwd: string, script: string, args: string[] = []): Promise<{ code: number; output: string }> {
  return runCommand(cwd, 'npm', ['run', script, ...(args.length ? ['--', ...args] : [])]);
}

function runCommand(cwd: string, command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...cleanEnv(), FORCE_COLOR: '0', NO_COLOR: '1', PATH: `${join(cwd, 'node_modules/.bin')}:${process.env.PATH}` },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

/** sha256 of every file under `root` (relative path -> hash); empty if it does not exist. */
export function hashTree(root: string): Map<string, string> {
  if (!existsSync(root)) return new Map();
  return new Map(listBuiltFiles(root).map((file) => [file, sha256(readFileSync(join(root, file)))]));
}

/** Files that differ between two trees: changed, only in `a`, only in `b`. */
export function diffTrees(a: Map<string, string>, b: Map<string, string>): string[] {
  const diffs: string[] = [];
  for (const [file, hash] of a) {
    if (!b.has(file)) diffs.push(`only in the first: ${file}`);
    else if (b.get(file) !== hash) diffs.push(`differs: ${file}`);
  }
  for (const file of b.keys()) if (!a.has(file)) diffs.push(`only in the second: ${file}`);
  return diffs;
}
