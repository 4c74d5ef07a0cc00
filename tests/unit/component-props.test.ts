// The prop checks shared by non-chart components (DigitRows, TextTable, Scrolly).
import { describe, expect, it } from 'vitest';
import { AuthorError } from '../../src/lib/author-error.ts';
import { checkDataSelect, checkKnownProps, usedIn } from '../../src/lib/component-props.ts';

const aggregate = { provenance: { aggregate: 'x', datasets: ['mnist'], source: 's' }, data: {} };

describe('component prop checks', () => {
  it('names the essay file on an essay page and the path elsewhere', () => {
    expect(usedIn({ slug: 'ways' }, new URL('https://x.test/ways/'))).toBe('content/essays/ways/index.mdx');
    expect(usedIn({}, new URL('https://x.test/components/'))).toBe('/components/');
  });

  it('rejects unknown props with the list of known ones, allowing slot', () => {
    expect(() => checkKnownProps('TextTable', { id: 'a', slot: 'graphic' }, ['id', 'title'], 'f.mdx')).not.toThrow();
    let error: unknown;
    try {
      checkKnownProps('TextTable', { id: 'a', colums: [], size: 1 }, ['id', 'title', 'columns'], 'f.mdx');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AuthorError);
    expect((error as AuthorError).message).toContain('<TextTable> has no prop "colums", "size"');
    expect(error).toMatchObject({ file: 'f.mdx', field: 'TextTable', hint: 'use id, title, columns' });
  });

  it('needs an aggregate and a select function', () => {
    expect(() => checkDataSelect('DigitRows', 'd', aggregate, () => [], 'f.mdx')).not.toThrow();
    expect(() => checkDataSelect('DigitRows', 'd', { data: {} }, () => [], 'f.mdx')).toThrow(/<DigitRows id="d"> needs data=\{an aggregate\} and select/);
    expect(() => checkDataSelect('DigitRows', 'd', aggregate, undefined, 'f.mdx')).toThrow(AuthorError);
    expect(() => checkDataSelect('DigitRows', 'd', undefined, () => [], 'f.mdx')).toThrow(/needs data/);
  });
});
