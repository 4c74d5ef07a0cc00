// Turns the source check's problems into one AuthorError (the first problem's
// place, every problem in the message), for pages that must stop rendering.
import { AuthorError } from './author-error.ts';
import { formatSourceProblems, type SourceProblem } from './essay-source-check.ts';

export function throwSourceErrors(problems: readonly SourceProblem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  const [first, ...rest] = errors;
  if (!first) return;
  throw new AuthorError(`${first.message}${rest.length ? `\n(and ${rest.length} more:)\n${formatSourceProblems(rest)}` : ''}`, {
    file: first.file, line: first.line, column: first.column, field: first.field, hint: first.hint,
  });
}
