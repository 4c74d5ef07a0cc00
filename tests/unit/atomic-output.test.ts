// Issue 16, defect 8: a failed or interrupted build left dist.staging/ behind.
// A child process arms the cleanup for a staging folder, then dies the way
// builds die: an error exit, SIGINT, SIGTERM; or succeeds and disarms it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const MODULE = pathToFileURL(resolve('src/integrations/atomic-output.ts')).href;

describe('dist.staging cleanup', () => {
  let base: string;
  let staging: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'staging-'));
    staging = join(base, 'dist.staging');
    mkdirSync(join(staging, 'essay'), { recursive: true });
    writeFileSync(join(staging, 'essay', 'index.html'), 'half a build');
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  function child(ending: string) {
    const script = `const { removeOnAbnormalExit } = await import(${JSON.stringify(MODULE)});
const disarm = removeOnAbnormalExit(${JSON.stringify(staging)});
${ending}
setTimeout(() => {}, 10_000);`;
    return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  }

  it.each([
    ['an error exit', 'process.exitCode = 1; throw new Error("build failed");', { signal: null }],
    ['SIGINT (Ctrl+C)', 'process.kill(process.pid, "SIGINT");', { signal: 'SIGINT' }],
    ['SIGTERM', 'process.kill(process.pid, "SIGTERM");', { signal: 'SIGTERM' }],
  ])('removes it on %s, and the process still ends that way', (_name, ending, expected) => {
    const result = child(ending);
    expect(result.signal).toBe(expected.signal);
    expect(existsSync(staging)).toBe(false);
  });

  it('keeps it once disarmed (the swap succeeded)', () => {
    const result = child('disarm(); process.exit(0);');
    expect(result.status).toBe(0);
    expect(existsSync(staging)).toBe(true);
  });
});
