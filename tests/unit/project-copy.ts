// A throwaway copy of the project (sources, content, config; node_modules
// linked) for tests that run a real `astro build` on modified content.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

export interface ProjectCopy {
  root: string;
  /** Runs `astro build` in the copy; returns exit status and all output. */
  build(): { status: number | null; output: string };
  remove(): void;
}

/**
 * Copies the project without its essays (only the one under test is written
 * into the copy), so each test build stays small whatever essays exist.
 */
export function copyProject(): ProjectCopy {
  const root = mkdtempSync(join(resolve('.'), '.tmp-build-'));
  const essays = /^content[\\/](essays|seeset)[\\/]./;
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'content', 'scripts']) {
    if (existsSync(entry)) cpSync(entry, join(root, entry), { recursive: true, filter: (from) => !essays.test(from) });
  }
  mkdirSync(join(root, 'content/essays'), { recursive: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  return {
    root,
    build() {
      const run = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, encoding: 'utf8' });
      return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
