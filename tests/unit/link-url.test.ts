// Issue 16, defect 5: URL fields of datasheets took javascript:, data: and
// vbscript: (z.url() accepts any scheme). Only http(s), and where a field
// allows them relative paths and mailto:, may become links.
import { describe, expect, it } from 'vitest';
import { AuthorError } from '../../src/lib/author-error.ts';
import { parseDatasheet } from '../../src/lib/datasheet.ts';
import { linkUrlProblem } from '../../src/lib/link-url.ts';
import { TOY_DATASHEET } from '../fixtures/data/toy-project.ts';

const HOSTILE = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/',
  '\\\\evil.example\\x',
  'https//missing-colon',
];

describe('linkUrlProblem', () => {
  it.each(HOSTILE)('refuses %j', (url) => {
    expect(linkUrlProblem(url, { relative: false, mailto: true })).toBeDefined();
  });

  it('accepts http(s), and relative and mailto: only where allowed', () => {
    expect(linkUrlProblem('https://example.org/a?b#c')).toBeUndefined();
    expect(linkUrlProblem('http://example.org/')).toBeUndefined();
    expect(linkUrlProblem('/datasets/mnist/')).toMatch(/full URL/);
    expect(linkUrlProblem('/datasets/mnist/', { relative: true })).toBeUndefined();
    expect(linkUrlProblem('mailto:a@example.org')).toMatch(/mailto/);
    expect(linkUrlProblem('mailto:a@example.org', { mailto: true })).toBeUndefined();
  });
});

describe('datasheet URL fields', () => {
  it.each(['javascript:alert(1)', 'data:text/html,x', 'vbscript:x'])('license.url %j fails with the field, line and scheme', (url) => {
    const text = TOY_DATASHEET.replace('  name: CC0-1.0\n', `  name: CC0-1.0\n  url: "${url}"\n`);
    let error: unknown;
    try {
      parseDatasheet(text, 'content/datasets/toy/datasheet.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AuthorError);
    expect(error).toMatchObject({ field: 'license.url', line: text.split('\n').findIndex((l) => l.includes(url)) + 1 });
    expect((error as Error).message).toMatch(/scheme; only http\(s\) links/);
  });
});
