// The essay frontmatter schema: accepts every real essay, rejects bad ones
// with a message that names the field and what was expected.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { byline, essayFrontmatter } from '../../src/lib/essay-frontmatter.ts';
import { describeZodIssues } from '../../src/lib/author-error.ts';

const schema = essayFrontmatter(z.string());

function frontmatterOf(file: string): unknown {
  const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file} has no frontmatter`);
  return parseYaml(match[1]!);
}

const valid = {
  title: 'A title',
  slug: 'a-title',
  index: 1,
  draft: false,
  contentType: 'essay',
  coverImg: './cover.png',
  coverImgAlt: 'A cover',
  preposition: 'by',
  authors: ['Ada Lovelace'],
  excerpt: 'Short.',
};

function problems(input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : describeZodIssues(result.error);
}

describe('essay frontmatter', () => {
  const dir = 'content/essays';
  const essays = readdirSync(dir).filter((d) => existsSync(`${dir}/${d}/index.mdx`));

  it('finds the essays', () => {
    expect(essays.length).toBeGreaterThan(0);
  });

  it.each(essays)('accepts content/essays/%s/index.mdx', (slug) => {
    const data = schema.parse(frontmatterOf(`${dir}/${slug}/index.mdx`));
    expect(data.slug).toBe(slug);
  });

  it('rejects a missing title, naming the field', () => {
    const { title: _omit, ...rest } = valid;
    expect(problems(rest)).toEqual([{ field: 'title', message: 'title is required and must be text' }]);
  });

  it('rejects an index that is not a number', () => {
    expect(problems({ ...valid, index: 'first' })).toEqual([
      { field: 'index', message: 'index must be a number (the position on the home page, e.g. 1)' },
    ]);
  });

  it('rejects an unknown contentType, listing the allowed ones', () => {
    const [issue] = problems({ ...valid, contentType: 'blogpost' });
    expect(issue?.field).toBe('contentType');
    expect(issue?.message).toMatch(/must be one of: essay, guide, case-study/);
  });

  it('rejects unknown fields, so a typo is not silently ignored', () => {
    const [issue] = problems({ ...valid, auhtors: ['x'] });
    expect(issue?.message).toMatch(/unknown field\(s\) auhtors/);
  });

  it('rejects a slug that is not URL-safe', () => {
    const [issue] = problems({ ...valid, slug: 'My Essay' });
    expect(issue).toMatchObject({ field: 'slug' });
  });

  it('defaults draft to false', () => {
    const { draft: _omit, ...rest } = valid;
    expect(schema.parse(rest).draft).toBe(false);
  });
});

describe('byline', () => {
  it('joins authors the way a reader says them', () => {
    expect(byline('by', ['A'])).toBe('by A');
    expect(byline('with', ['A', 'B'])).toBe('with A and B');
    expect(byline('by', ['A', 'B', 'C'])).toBe('by A, B and C');
  });
});
