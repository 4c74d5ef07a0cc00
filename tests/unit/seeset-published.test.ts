// The frontmatter of see:set essays as the "9 Ways" series publishes it
// (quoted numbers, one authors string, mixed-case slugs, long excerpts,
// repeated indexes): accepted as it is, and every remaining problem an
// AuthorError at the essay's file and line. Frontmatter here is synthetic.
import { describe, expect, it } from 'vitest';
import { authorError } from '../fixtures/author-error.ts';
import { parseSeesetFrontmatter } from '../../src/lib/seeset/essay-frontmatter.ts';
import { frontmatterKeyLines, splitFrontmatter } from '../../src/lib/seeset/markers.ts';
import { acceptPublished, excerptOpensBody, repeatedIndexWarnings } from '../../src/lib/seeset/published.ts';

const LONG = `${'A long excerpt that is also the opening paragraph of the essay. '.repeat(7)}`.trim();

const PUBLISHED = `---
title: "Seeing a bird dataset"
slug: "NABirds-and-the-Iceland-Gull"
index: "4"
draft: "false"
contentType: "essay"
coverImg: "/img/9_ways/birds.png"
coverImgAlt: "A grid of bird photographs"
preposition: "by"
authors: "Ada Example"
excerpt: "${LONG}"
grid-1:
  caption: "Gulls"
  collection: "5"
image-2:
  caption: "One gull"
  imagePath: "/n-ways-to-see-a-dataset/datasets/5/991"
  fileIndex: "1"
---

${LONG}

[:grid-1]
`;

function parse(source: string) {
  const { yaml } = splitFrontmatter(source, 'content/seeset/9-ways-to-see/Birds.md');
  return parseSeesetFrontmatter(yaml, 'content/seeset/9-ways-to-see/Birds.md', frontmatterKeyLines(yaml));
}


describe('published see:set frontmatter', () => {
  it('accepts quoted numbers and booleans, one authors string, a mixed-case slug and a 450-character excerpt', () => {
    expect(LONG.length).toBeGreaterThan(400);
    const { data } = parse(PUBLISHED);
    expect(data).toMatchObject({ slug: 'nabirds-and-the-iceland-gull', index: 4, draft: false, authors: ['Ada Example'], excerpt: LONG });
    expect(data.widgets['grid-1']).toMatchObject({ collection: '5' });
    expect(data.widgets['image-2']).toMatchObject({ fileIndex: 1, imagePath: '/n-ways-to-see-a-dataset/datasets/5/991' });
  });

  it('keeps lists of authors, and leaves values it does not recognise for the schema to refuse', () => {
    expect(acceptPublished({ authors: ['A', 'B'], index: 'four', 'image-1': { fileIndex: '1.5' } })).toEqual({ authors: ['A', 'B'], index: 'four', 'image-1': { fileIndex: '1.5' } });
  });

  it.each([
    ['an unknown key (typos must not pass)', (s: string) => s.replace('preposition:', 'prepostion:'), 'prepostion', /unknown field prepostion/],
    ['a non-numeric index', (s: string) => s.replace('index: "4"', 'index: "four"'), 'index', /index must be a number/],
    ['an unknown widget field', (s: string) => s.replace('  fileIndex: "1"', '  fileindex: "1"'), 'image-2', /unknown field\(s\) fileindex/],
  ])('refuses %s as an AuthorError with the file, line and field', (_what, change, field, message) => {
    const source = change(PUBLISHED);
    const error = authorError(() => parse(source));
    const line = source.split('\n').findIndex((l) => l.startsWith(`${field.split('.')[0]}:`)) + 1;
    expect(error).toMatchObject({ file: 'content/seeset/9-ways-to-see/Birds.md', line, field: expect.stringContaining(field) });
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/ZodError|^\s+at /m);
  });

  it('names the file for a missing field and for YAML that does not parse', () => {
    expect(authorError(() => parse(PUBLISHED.replace(/^coverImgAlt:.*\n/m, '')))).toMatchObject({ file: 'content/seeset/9-ways-to-see/Birds.md', field: 'coverImgAlt' });
    expect(authorError(() => parse(PUBLISHED.replace('title: "Seeing a bird dataset"', 'title: "unclosed')))).toMatchObject({ file: 'content/seeset/9-ways-to-see/Birds.md' });
  });
});

describe('excerpt and opening paragraph', () => {
  it('sees an excerpt repeated word for word as the first paragraph, across line breaks and emphasis', () => {
    expect(excerptOpensBody(`\n## Start\n\nThe *first* paragraph,\nwrapped.\n\nMore.`, 'The first paragraph, wrapped.')).toBe(true);
    expect(excerptOpensBody('Another opening.\n\nThe first paragraph.', 'The first paragraph.')).toBe(false);
    expect(excerptOpensBody('[:grid-1]\n\nA [linked](/x) start.', 'A linked start.')).toBe(true);
  });
});

describe('repeated index', () => {
  it('warns once per essay that repeats an index, naming both files', () => {
    const warnings = repeatedIndexWarnings([{ file: 'a.md', index: 4 }, { file: 'b.md', index: 4 }, { file: 'c.md', index: 5 }, { file: 'd.md', index: 4 }]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^b\.md: index 4 is also the index of a\.md/);
    expect(warnings[1]).toMatch(/^d\.md: index 4/);
  });
});
