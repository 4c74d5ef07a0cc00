// When the data step fails, `npm run build` and `npm run dev` stop before
// Astro checks the essays. So that one run lists every problem, the data step
// then runs the same essay source check itself (unknown components and props,
// @data names, <Value> paths) and prints its errors beside the data ones.
// Problems that only follow from a failed aggregate (its output is missing)
// are left out: the aggregate's own error already says what to fix.
import { essaySourceProblems } from '../../src/integrations/essay-checks.ts';
import { formatSourceProblems } from '../../src/lib/essay-source-check.ts';

export async function essayProblemsBesideData(root: string, failedAggregates: readonly string[]): Promise<string> {
  const problems = (await essaySourceProblems(root, false)).filter(
    (p) => p.severity === 'error' && !failedAggregates.some((name) => p.field === `@data/${name}` || p.message.includes(`"${name}"`)),
  );
  if (problems.length === 0) return '';
  return `essays: ${problems.length} problem(s) in essays (checked now, so this run lists them too):\n${formatSourceProblems(problems)}\n`;
}
