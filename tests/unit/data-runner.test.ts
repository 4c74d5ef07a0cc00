// The data runner on throwaway projects with SYNTHETIC fixtures: outputs and
// provenance, the content-hash cache, atomic writes, and one test per error
// path (each must name the file and row/field, stop only its aggregate, keep
// earlier outputs and never touch content/).
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, utimesSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { runAggregates } from '../../scripts/data/run-aggregates.ts';
import { sumScript, toyProject, TOY_CSV, type ToyProject } from '../fixtures/data/toy-project.ts';

let project: ToyProject | undefined;
afterEach(() => project?.cleanup());

const run = (p: ToyProject, extra: Parameters<typeof runAggregates>[0] extends infer O ? Partial<O> : never = {}) => runAggregates({ root: p.root, ...extra });
const output = (p: ToyProject, name: string) => JSON.parse(p.read(`src/generated/data/${name}.json`)) as { provenance: { aggregate: string; inputs: { path: string; sha256: string }[]; source: string; datasets: string[]; script: string }; data: Record<string, unknown> };
const statusOf = (s: Awaited<ReturnType<typeof runAggregates>>, name: string) => s.results.find((r) => r.name === name)?.status;
const errorOf = (s: Awaited<ReturnType<typeof runAggregates>>, name: string) => s.results.find((r) => r.name === name)?.error;

describe('data runner', () => {
  it('builds an aggregate with DuckDB, validated data, provenance and a typed module', async () => {
    project = toyProject();
    const summary = await run(project);
    expect(summary.ok).toBe(true);
    const out = output(project, 'toy-sum');
    expect(out.data).toEqual({ total: 10, kinds: 3 });
    expect(out.provenance).toMatchObject({ aggregate: 'toy-sum', datasets: ['toy'], script: 'scripts/aggregates/toy-sum.ts', source: 'Synthetic test fixture' });
    expect(out.provenance.inputs).toEqual([{ path: 'content/datasets/toy/fruit.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(project.read('src/generated/data/toy-sum.ts')).toContain("import type definition from '../../../scripts/aggregates/toy-sum.ts'");
    const catalog = JSON.parse(project.read('src/generated/datasets.json')) as { datasets: { id: string }[]; aggregates: { name: string }[] };
    expect(catalog.datasets.map((d) => d.id)).toEqual(['toy']);
    expect(catalog.aggregates.map((a) => a.name)).toEqual(['toy-sum']);
  });

  it('skips unchanged aggregates and rebuilds when an input, the script, a dependency or the datasheet changes', async () => {
    project = toyProject({ 'toy-sum': sumScript('toy-sum').replace("import { z } from 'zod';", "import { z } from 'zod';\nimport { unit } from '../lib/unit.ts';\nvoid unit;") });
    project.write('scripts/lib/unit.ts', 'export const unit = 1;\n');
    expect(statusOf(await run(project), 'toy-sum')).toBe('built');
    expect(statusOf(await run(project), 'toy-sum')).toBe('cached');

    project.write('content/datasets/toy/fruit.csv', `${TOY_CSV}kiwi,4,TOY\n`);
    expect(statusOf(await run(project), 'toy-sum')).toBe('built');
    expect(output(project, 'toy-sum').data).toEqual({ total: 14, kinds: 4 });
    expect(statusOf(await run(project), 'toy-sum')).toBe('cached');

    project.write('scripts/lib/unit.ts', 'export const unit = 2;\n');
    expect(statusOf(await run(project), 'toy-sum')).toBe('built');

    project.write('content/datasets/toy/datasheet.yaml', project.read('content/datasets/toy/datasheet.yaml').replace('Synthetic test fixture', 'Synthetic fixture, renamed'));
    expect(statusOf(await run(project), 'toy-sum')).toBe('built');
    expect(output(project, 'toy-sum').provenance.source).toBe('Synthetic fixture, renamed');

    project.write('scripts/aggregates/toy-sum.ts', `${project.read('scripts/aggregates/toy-sum.ts')}\n// touched\n`);
    expect(statusOf(await run(project), 'toy-sum')).toBe('built');
    expect(statusOf(await run(project, { force: true }), 'toy-sum')).toBe('built');
  });

  it('rehashes a file whose mtime changed even if its size did not', async () => {
    project = toyProject();
    await run(project);
    project.write('content/datasets/toy/fruit.csv', TOY_CSV.replace('apple,3', 'apple,4'));
    utimesSync(join(project.root, 'content/datasets/toy/fruit.csv'), new Date(), new Date(Date.now() + 5000));
    await run(project);
    expect(output(project, 'toy-sum').data).toEqual({ total: 11, kinds: 3 });
  });

  it('keeps the old output when a write is interrupted, and leaves no temp file', async () => {
    project = toyProject();
    await run(project);
    const before = project.read('src/generated/data/toy-sum.json');
    project.write('content/datasets/toy/fruit.csv', `${TOY_CSV}kiwi,4,TOY\n`);
    const summary = await run(project, {
      io: {
        rename: async (from, to) => {
          if (to.endsWith('toy-sum.json')) throw new Error(`disk full while renaming ${from}`);
          await rename(from, to);
        },
      },
    });
    expect(statusOf(summary, 'toy-sum')).toBe('failed');
    expect(errorOf(summary, 'toy-sum')?.message).toContain('disk full');
    expect(project.read('src/generated/data/toy-sum.json')).toBe(before);
    expect(readdirSync(join(project.root, 'src/generated/data')).filter((f) => f.includes('.tmp-'))).toEqual([]);
    // The next run is not fooled by a stale cache key: it rebuilds.
    expect(statusOf(await run(project), 'toy-sum')).toBe('built');
    expect(output(project, 'toy-sum').data).toEqual({ total: 14, kinds: 4 });
  });

  it('removes outputs whose aggregate script was deleted', async () => {
    project = toyProject({ 'toy-sum': sumScript('toy-sum'), 'toy-other': sumScript('toy-other') });
    await run(project);
    expect(existsSync(join(project.root, 'src/generated/data/toy-other.json'))).toBe(true);
    project.cleanup();
    project = toyProject({ 'toy-sum': sumScript('toy-sum') });
    project.write('src/generated/data/toy-other.json', '{}');
    await run(project);
    expect(existsSync(join(project.root, 'src/generated/data/toy-other.json'))).toBe(false);
  });
});

describe('data runner errors', () => {
  /** Runs a broken aggregate next to a healthy one, after a first good run. */
  async function breakOne(mutate: (p: ToyProject) => void) {
    project = toyProject({ 'toy-sum': sumScript('toy-sum'), 'toy-good': sumScript('toy-good') });
    project.write('content/datasets/good/datasheet.yaml', project.read('content/datasets/toy/datasheet.yaml'));
    project.write('content/datasets/good/fruit.csv', TOY_CSV);
    project.write('scripts/aggregates/toy-good.ts', sumScript('toy-good').replaceAll("'toy'", "'good'"));
    expect((await run(project)).ok).toBe(true);
    const before = { sum: project.read('src/generated/data/toy-sum.json'), good: project.read('src/generated/data/toy-good.json') };
    mutate(project);
    const content = project.contentHashes();
    const summary = await run(project);
    expect(summary.ok).toBe(false);
    expect(statusOf(summary, 'toy-good')).not.toBe('failed');
    expect(project.read('src/generated/data/toy-good.json')).toBe(before.good);
    expect(project.contentHashes()).toEqual(content);
    return { summary, before };
  }

  it('a malformed CSV row names the file, the line and the fix; the old output stays', async () => {
    const { summary, before } = await breakOne((p) => p.write('content/datasets/toy/fruit.csv', 'fruit,count,citation\napple,3,TOY\npear,5,TOY,extra\n'));
    const error = errorOf(summary, 'toy-sum')!;
    expect(error.file).toBe('content/datasets/toy/fruit.csv');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/4 values but the header has 3 columns/);
    expect(error.hint).toMatch(/quote/);
    expect(project!.read('src/generated/data/toy-sum.json')).toBe(before.sum);
  });

  it('a value of the wrong type names the line and the column', async () => {
    const { summary } = await breakOne((p) => p.write('content/datasets/toy/fruit.csv', 'fruit,count,citation\napple,3,TOY\npear,five,TOY\n'));
    const error = errorOf(summary, 'toy-sum')!;
    expect(error).toMatchObject({ file: 'content/datasets/toy/fruit.csv', line: 3, field: 'count' });
    expect(error.message).toContain('"five" is not a valid INTEGER');
  });

  it('a missing column names the column and the header it found', async () => {
    const { summary } = await breakOne((p) => p.write('content/datasets/toy/fruit.csv', 'fruit,amount,citation\napple,3,TOY\n'));
    const error = errorOf(summary, 'toy-sum')!;
    expect(error).toMatchObject({ file: 'content/datasets/toy/fruit.csv', line: 1, field: 'count' });
    expect(error.message).toContain('missing column "count" (the header has: fruit, amount, citation)');
  });

  it('a citation key the datasheet does not list names the row', async () => {
    const { summary } = await breakOne((p) => p.write('content/datasets/toy/fruit.csv', 'fruit,count,citation\napple,3,TOY\npear,5,NOPE\n'));
    expect(errorOf(summary, 'toy-sum')).toMatchObject({ file: 'content/datasets/toy/fruit.csv', line: 3, field: 'citation' });
  });

  it('a missing input file names the path and the script', async () => {
    const { summary } = await breakOne((p) => p.write('scripts/aggregates/toy-sum.ts', sumScript('toy-sum').replace('fruit.csv', 'fruits.csv')));
    const error = errorOf(summary, 'toy-sum')!;
    expect(error.file).toBe('scripts/aggregates/toy-sum.ts');
    expect(error.message).toContain('content/datasets/toy/fruits.csv does not exist');
  });

  it('an output that breaks its schema names the field', async () => {
    const { summary } = await breakOne((p) => p.write('scripts/aggregates/toy-sum.ts', sumScript('toy-sum', { output: "{ total: 'ten', kinds: rows.total[0].n }" })));
    const error = errorOf(summary, 'toy-sum')!;
    expect(error).toMatchObject({ file: 'scripts/aggregates/toy-sum.ts', field: 'total' });
    expect(error.message).toMatch(/output does not match its schema/);
  });

  it('a BIGINT the SQL did not cast stays exact or is refused', async () => {
    const { summary } = await breakOne((p) => p.write('scripts/aggregates/toy-sum.ts', sumScript('toy-sum', { sql: 'SELECT 9007199254740993::BIGINT AS total, 1 AS n' })));
    expect(errorOf(summary, 'toy-sum')?.message).toMatch(/beyond JavaScript's exact integers/);
  });

  it('an invalid datasheet names its line and field, and stops the aggregates that use it', async () => {
    const { summary } = await breakOne((p) => p.write('content/datasets/toy/datasheet.yaml', p.read('content/datasets/toy/datasheet.yaml').replace('  name: CC0-1.0\n', '  url: not a url\n')));
    const problem = summary.datasheetErrors[0]!;
    expect(problem).toMatchObject({ file: 'content/datasets/toy/datasheet.yaml', line: 10, field: 'license.name' });
    expect(errorOf(summary, 'toy-sum')?.message).toMatch(/no valid datasheet/);
  });

  it('a dataset folder without a datasheet fails the run', async () => {
    const { summary } = await breakOne((p) => p.write('content/datasets/orphan/data.csv', 'a\n1\n'));
    expect(summary.datasheetErrors.map((e) => e.file)).toEqual(['content/datasets/orphan/datasheet.yaml']);
    expect(summary.datasheetErrors[0]!.message).toContain('dataset has no datasheet');
  });

  it('a script whose name does not match its file is refused', async () => {
    const { summary } = await breakOne((p) => p.write('scripts/aggregates/toy-sum.ts', sumScript('toy-total')));
    expect(errorOf(summary, 'toy-sum')).toMatchObject({ file: 'scripts/aggregates/toy-sum.ts', field: 'name' });
  });
});

describe('unfinished datasheets', () => {
  it('TODOs alone let the aggregates build for a preview, and are listed in the catalog', async () => {
    project = toyProject();
    project.write('content/datasets/toy/datasheet.yaml', project.read('content/datasets/toy/datasheet.yaml').replace(/^motivation: .*$/m, 'motivation: "TODO: why its creators made it"'));
    const summary = await run(project);
    expect(summary.ok).toBe(true);
    expect(summary.unfinished.map((u) => u.todoFields)).toEqual([['motivation']]);
    expect(statusOf(summary, 'toy-sum')).toBe('built');
    expect(output(project, 'toy-sum').provenance.source).toBe('toy (unfinished datasheet)');
    const catalog = JSON.parse(project.read('src/generated/datasets.json')) as { datasets: unknown[]; unfinished: unknown[] };
    expect(catalog.datasets).toEqual([]);
    expect(catalog.unfinished).toEqual([{ id: 'toy', file: 'content/datasets/toy/datasheet.yaml', fields: ['motivation'] }]);
  });
});

describe('datasheet ids', () => {
  it('an explicit id must match the folder', async () => {
    project = toyProject();
    project.write('content/datasets/toy/datasheet.yaml', `id: fruit\n${project.read('content/datasets/toy/datasheet.yaml')}`);
    const summary = await run(project);
    expect(summary.datasheetErrors[0]).toMatchObject({ file: 'content/datasets/toy/datasheet.yaml', field: 'id' });
    expect(summary.datasheetErrors[0]!.message).toContain('id "fruit" does not match the folder name "toy"');
  });
});
