// One run lists every problem: when the data step fails (so the build stops
// before Astro), `npm run data` also prints the essays' problems. Synthetic toy
// project (tests/fixtures/data/toy-project.ts) with the real components.
import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sumScript, toyProject, type ToyProject } from '../fixtures/data/toy-project.ts';

const DATA = resolve('scripts/data.ts');

function runData(root: string): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [DATA], { cwd: root, env: { ...process.env, CI: 'true' } }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

const ESSAY = `---
title: Toy
---
import toy from '@data/toy-sum';
import broken from '@data/toy-broken';

<Value of={toy} at="total" />

<DotRaito data={broken} />
`;

function withComponents(p: ToyProject): ToyProject {
  mkdirSync(join(p.root, 'src'), { recursive: true });
  symlinkSync(resolve('src/components'), join(p.root, 'src/components'), 'dir');
  return p;
}

let project: ToyProject | undefined;
afterEach(() => { project?.cleanup(); project = undefined; });

describe('data and essay problems in one run', () => {
  it('a failed aggregate and a component typo in an essay are both reported, exit 1', async () => {
    project = toyProject({
      'toy-sum': sumScript('toy-sum'),
      'toy-broken': sumScript('toy-broken', { sql: 'SELECT sum(nope)::INTEGER AS total, count(*) AS n FROM fruit' }),
    });
    withComponents(project);
    project.write('content/essays/toy/index.mdx', ESSAY);
    const { code, out } = await runData(project.root);
    expect(code).toBe(1);
    expect(out).toContain('data: FAILED toy-broken');
    expect(out).toMatch(/content\/essays\/toy\/index\.mdx:9:\d+: .*DotRaito/);
    expect(out).toContain('did you mean');
    // The import of the failed aggregate is not reported twice: its own error says what to fix.
    expect(out).not.toMatch(/index\.mdx:5:\d+/);
  }, 60_000);

  it('prints no essay check when the data step succeeds (Astro checks the essays then)', async () => {
    project = toyProject();
    withComponents(project);
    project.write('content/essays/toy/index.mdx', ESSAY.replace("import broken from '@data/toy-broken';\n", '').replace('data={broken}', 'data={toy}'));
    const { code, out } = await runData(project.root);
    expect(code).toBe(0);
    expect(out).not.toContain('essays:');
  }, 60_000);
});
