// `npm run check:deps` (knip with this repo's knip.jsonc) fails on a declared
// dependency nothing uses and on an import of an undeclared package. Checked
// on a small synthetic project (a fixture, not the site) so the check itself
// is tested, and the repo's ignore list is held to what it claims.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KNIP = join(ROOT, 'node_modules/knip/bin/knip.js');
/** knip.jsonc is JSON with comments; YAML reads it once the comment lines are gone. */
const config = parse(readFileSync(join(ROOT, 'knip.jsonc'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { ignoreDependencies: string[] };
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

interface KnipIssues {
  issues: { file: string; dependencies: { name: string }[]; unlisted: { name: string }[] }[];
}

function knip(cwd: string): Promise<{ code: number; report: KnipIssues }> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [KNIP, '--dependencies', '--no-progress', '--reporter', 'json'], { cwd }, (error, stdout, stderr) => {
      try {
        done({ code: error ? Number(error.code ?? 1) : 0, report: JSON.parse(stdout) as KnipIssues });
      } catch {
        fail(new Error(`knip printed no JSON report:\n${stdout}\n${stderr}`));
      }
    });
  });
}

describe('dependency check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'knip-fixture-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an unused declared package and an undeclared import, not a package only a script uses', async () => {
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'knip.jsonc'), readFileSync(join(ROOT, 'knip.jsonc'), 'utf8').replace(/^\s*"\$schema".*$/m, ''));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'knip-fixture',
        private: true,
        type: 'module',
        scripts: { go: 'node scripts/go.ts' },
        dependencies: { 'used-by-a-script': '1.0.0', 'declared-never-used': '1.0.0' },
      }),
    );
    writeFileSync(join(dir, 'scripts/go.ts'), "import a from 'used-by-a-script';\nimport b from '../src/lib.ts';\nconsole.log(a, b);\n");
    writeFileSync(join(dir, 'src/lib.ts'), "import c from 'never-declared';\nexport default c;\n");
    const { code, report } = await knip(dir);
    expect(code).not.toBe(0);
    const unused = report.issues.flatMap((i) => i.dependencies.map((d) => d.name));
    const unlisted = report.issues.flatMap((i) => i.unlisted.map((d) => `${i.file}: ${d.name}`));
    expect(unused).toEqual(['declared-never-used']);
    expect(unlisted).toEqual(['src/lib.ts: never-declared']);
  });

  it('ignores only data packages that an aggregate still names as an input', () => {
    const aggregates = join(ROOT, 'scripts/aggregates');
    const sources = readdirSync(aggregates, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(aggregates, f), 'utf8'))
      .join('\n');
    expect(config.ignoreDependencies.length).toBeGreaterThan(0);
    for (const name of config.ignoreDependencies) expect(sources, `${name} is in knip.jsonc ignoreDependencies but no aggregate reads it`).toContain(`package: '${name}'`);
  });

  it('runs in `npm test` before the test runner (whose arguments CI appends)', () => {
    expect(pkg.scripts['check:deps']).toMatch(/^knip --dependencies\b/);
    expect(pkg.scripts['test']).toMatch(/&& npm run check:deps && vitest run$/);
  });
});
