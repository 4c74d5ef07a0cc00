// A missing cover image is reported against the essay, its line and field.
import { describe, expect, it } from 'vitest';
import { missingCoverError } from '../../src/lib/essay-cover.ts';

const essay = (cover: string) => `---\ntitle: T\nslug: t\ncoverImg: ${cover}\ncoverImgAlt: A\n---\nBody coverImg: ./nope.png\n`;

describe('missingCoverError', () => {
  it('names the essay file, the line and the field, and says how to fix it', () => {
    const error = missingCoverError(essay('"./nope.png"'), 'content/essays/t/index.mdx', () => false);
    expect(error?.message).toBe(
      'content/essays/t/index.mdx:4: coverImg: cover image "./nope.png" does not exist\n  fix: put the image in the essay folder and give its path relative to index.mdx, e.g. ./cover.png',
    );
    expect(error?.line).toBe(4);
  });
  it('accepts covers that exist and leaves non-relative values to the schema', () => {
    expect(missingCoverError(essay('./cover.png'), 'f', (p) => p === './cover.png')).toBeUndefined();
    expect(missingCoverError(essay('https://example.org/x.png'), 'f', () => false)).toBeUndefined();
    expect(missingCoverError('no frontmatter', 'f', () => false)).toBeUndefined();
  });
});
