// Every built page (dist/**/*.html): no id used twice and every in-page
// reference (url(#id), href="#id", aria and label ids) resolved within the
// page (src/lib/quality/page-ids.ts). Copies of a figure (a slide per step, a
// handout step, an embed) must each carry their own ids (issue #22). The
// same check runs on the live DOM of every deck in same-state.test.ts, after
// its islands hydrated.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listBuiltPages } from '../../scripts/quality/built-files.ts';
import { pageIdProblems } from '../../src/lib/quality/page-ids.ts';

const pages = listBuiltPages('dist');

describe('ids in every built page', () => {
  it('found pages to check, decks and embeds among them', () => {
    expect(pages.some((p) => /\/present\/index\.html$/.test(p))).toBe(true);
    expect(pages.some((p) => p.startsWith('embed/'))).toBe(true);
  });
  it('has no duplicate id and no reference to a missing one', () => {
    const problems = pages.flatMap((file) => pageIdProblems(readFileSync(`dist/${file}`, 'utf8')).map((p) => `${file}: ${p}`));
    expect(problems).toEqual([]);
  });
});
