// Checks that an essay's `coverImg` names a file before Astro's image
// pipeline does: Astro's own error names the image but not the essay or field.
import { AuthorError } from './author-error.ts';

/**
 * The error for a relative `coverImg` in `source` (an index.mdx) that names no
 * file, or undefined. `exists` answers for paths relative to the essay folder.
 */
export function missingCoverError(source: string, file: string, exists: (relativePath: string) => boolean): AuthorError | undefined {
  const lines = source.split('\n');
  if (lines[0]?.trim() !== '---') return undefined;
  for (let i = 1; i < lines.length && lines[i]!.trim() !== '---'; i++) {
    const match = /^coverImg:\s*(.*?)\s*$/.exec(lines[i]!);
    if (!match) continue;
    const value = match[1]!.replace(/^(["'])(.*)\1$/, '$2');
    if (!/^\.\.?\//.test(value) || exists(value)) return undefined;
    return new AuthorError(`cover image "${value}" does not exist`, {
      file,
      line: i + 1,
      field: 'coverImg',
      hint: 'put the image in the essay folder and give its path relative to index.mdx, e.g. ./cover.png',
    });
  }
  return undefined;
}
