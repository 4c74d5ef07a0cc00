// Gate: the same commit builds to byte-identical output. A second clean build
// (content cache cleared with --force) into a temporary folder is compared
// file by file with dist/ from `npm run build`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { diffTrees, hashTree, runNpm } from '../../scripts/quality/project-copy.ts';

it('two clean builds produce identical dist/', async () => {
  const first = hashTree('dist');
  expect(first.size, 'dist/ is empty: run `npm run build` first').toBeGreaterThan(0);
  const out = mkdtempSync(join(tmpdir(), 'essays-rebuild-'));
  try {
    const { code, output } = await runNpm(process.cwd(), 'build', ['--outDir', join(out, 'dist'), '--force']);
    expect(code, output).toBe(0);
    const diffs = diffTrees(first, hashTree(join(out, 'dist')));
    expect(diffs, `dist/ (first build) vs a second clean build (if dist/ is stale, run \`npm run build\`):\n${diffs.join('\n')}`).toEqual([]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 600_000);
