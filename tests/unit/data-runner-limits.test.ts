// Issue 16: limits on aggregates. Defect 6: an aggregate that never returned
// hung `npm run data` (and the build) for ever without naming itself; each
// aggregate now runs in a worker with a time limit. Inputs stay inside their
// dataset folder or package (containedPath).
import { afterEach, describe, expect, it } from 'vitest';
import { runAggregates } from '../../scripts/data/run-aggregates.ts';
import { sumScript, toyProject, type ToyProject } from '../fixtures/data/toy-project.ts';

let project: ToyProject | undefined;
afterEach(() => project?.cleanup());

/** The toy sum, with a transform that never returns and a 1 s limit. */
const stuckScript = (name: string) =>
  sumScript(name).replace("transform: ({ rows }) =>", 'timeLimitSeconds: 1,\n  transform: ({ rows }) => { for (;;) {} },\n  unused: ({ rows }) =>');

describe('aggregate time limit', () => {
  it('stops a transform that never returns, names it and still builds the others', { timeout: 60_000 }, async () => {
    project = toyProject({ 'toy-stuck': stuckScript('toy-stuck'), 'toy-sum': sumScript('toy-sum') });
    const started = Date.now();
    const summary = await runAggregates({ root: project.root });
    expect(Date.now() - started).toBeLessThan(30_000);
    const stuck = summary.results.find((r) => r.name === 'toy-stuck')!;
    expect(stuck.status).toBe('failed');
    expect(stuck.error?.message).toMatch(/^scripts\/aggregates\/toy-stuck\.ts: timeLimitSeconds: stopped after 1 s/);
    expect(stuck.error?.hint).toMatch(/default 120/);
    expect(summary.results.find((r) => r.name === 'toy-sum')?.status).toBe('built');
    expect(summary.ok).toBe(false);
  });

  it('reports the peak memory of each built aggregate and of the run', { timeout: 60_000 }, async () => {
    project = toyProject();
    const summary = await runAggregates({ root: project.root });
    const [result] = summary.results;
    expect(result?.peakRssMb).toBeGreaterThan(10);
    expect(summary.peakRssMb).toBeGreaterThanOrEqual(result!.peakRssMb);
  });
});

describe('aggregate inputs stay inside their dataset or package', () => {
  it.each([
    ["{ dataset: 'toy', path: '../../../package.json' }", /inputs: "\.\.\/\.\.\/\.\.\/package\.json" climbs out/],
    ["{ package: 'zod', path: '../../package.json' }", /inputs: "\.\.\/\.\.\/package\.json" climbs out/],
  ])('refuses %s', async (from, message) => {
    project = toyProject({ 'toy-sum': sumScript('toy-sum').replace("from: { dataset: 'toy', path: 'fruit.csv' }", `from: ${from}`) });
    const summary = await runAggregates({ root: project.root });
    expect(summary.results[0]?.error?.message).toMatch(message);
  });
});
