// How the HTML gate reads the Nu HTML Checker's JSON report.
import { describe, expect, it } from 'vitest';
import { formatHtmlProblems, problemsFromVnu, type VnuMessage } from '../../scripts/check-html.ts';

describe('problemsFromVnu', () => {
  const cwd = '/site';
  const messages: VnuMessage[] = [
    { type: 'error', url: 'file:/site/dist/a/index.html', lastLine: 3, firstColumn: 5, message: 'Stray end tag “div”.', extract: 'x</div>\n' },
    { type: 'info', subType: 'warning', url: 'file:/site/dist/a/index.html', lastLine: 1, firstColumn: 1, message: 'Section lacks heading.' },
    { type: 'info', subType: 'warning', url: 'file:/site/dist/b.html', lastLine: 1, message: 'Resource violates Content Security Policy (meta tag): image blocked' },
    { type: 'info', url: 'file:/site/dist/b.html', message: 'Trailing slash on void elements has no effect.' },
    { type: 'non-document-error', message: 'IO error' },
  ];

  it('keeps errors and unexcused warnings with file, line and column, drops plain info', () => {
    const problems = problemsFromVnu(messages, cwd);
    expect(problems.map((p) => `${p.severity} ${p.file}:${p.line ?? '-'} ${p.message}`)).toEqual([
      'error dist/a/index.html:3 Stray end tag “div”.',
      'warning dist/a/index.html:1 Section lacks heading.',
      'error (checker):- IO error',
    ]);
    expect(formatHtmlProblems(problems.slice(0, 1))).toBe('dist/a/index.html:3:5: error: Stray end tag “div”.\n    x</div>');
  });
});
