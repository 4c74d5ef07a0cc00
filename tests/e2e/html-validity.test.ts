// Gate: the Nu HTML Checker finds no error (and no unexcused warning) in dist/.
import { expect, it } from 'vitest';
import { checkHtml, formatHtmlProblems } from '../../scripts/check-html.ts';

it('every built page is valid HTML (Nu HTML Checker)', async () => {
  const problems = await checkHtml('dist');
  expect(problems, `HTML problems:\n${formatHtmlProblems(problems)}`).toEqual([]);
});
