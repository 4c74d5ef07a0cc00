// The essay frontmatter contract: exactly these fields, each with an
// author-facing message. Shared by the content collection and the tests.
import { z } from 'zod';

export const CONTENT_TYPES = ['essay', 'guide', 'case-study'] as const;

const nonEmpty = (what: string) =>
  z.string({ error: `${what} is required and must be text` }).trim().min(1, `${what} must not be empty`);

/**
 * Builds the schema. `cover` validates `coverImg`: Astro passes its `image()`
 * helper (which also checks the file exists); tests pass a plain string schema.
 */
export function essayFrontmatter<C extends z.ZodType>(cover: C) {
  return z.strictObject(
    {
      title: nonEmpty('title'),
      slug: z
        .string({ error: 'slug is required: the URL path of the essay, e.g. "ways-to-see"' })
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lowercase words joined by hyphens, e.g. "ways-to-see"'),
      index: z
        .number({ error: 'index must be a number (the position on the home page, e.g. 1)' })
        .int('index must be a whole number')
        .nonnegative('index must be 0 or more'),
      draft: z.boolean({ error: 'draft must be true or false' }).default(false),
      contentType: z.enum(CONTENT_TYPES, {
        error: `contentType must be one of: ${CONTENT_TYPES.join(', ')}`,
      }),
      coverImg: cover,
      coverImgAlt: nonEmpty('coverImgAlt (a description of the cover image for screen readers)'),
      preposition: nonEmpty('preposition ("by", "with", ...)'),
      authors: z
        .array(nonEmpty('each author'), { error: 'authors must be a list of names, e.g. ["Ada Lovelace"]' })
        .min(1, 'authors must name at least one person'),
      excerpt: nonEmpty('excerpt').max(300, 'excerpt must be at most 300 characters'),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}: the allowed fields are title, slug, index, draft, contentType, coverImg, coverImgAlt, preposition, authors, excerpt` : undefined) },
  );
}

export type EssayFrontmatter = z.infer<ReturnType<typeof essayFrontmatter<z.ZodString>>>;

/** "by Ada Lovelace and Alan Turing", "with A, B and C". */
export function byline(preposition: string, authors: readonly string[]): string {
  const names =
    authors.length <= 1
      ? authors.join('')
      : `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}`;
  return `${preposition} ${names}`;
}
