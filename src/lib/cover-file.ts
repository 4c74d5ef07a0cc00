// Where an essay's cover image is on disk, for build-time image work (share cards).
import { essayFile, type Essay } from './essays.ts';
import { AuthorError } from './author-error.ts';

/** Astro's image() metadata carries the source file as a hidden `fsPath`. */
export function coverFile(essay: Essay): string {
  const fsPath = (essay.data.coverImg as { fsPath?: unknown }).fsPath;
  if (typeof fsPath === 'string' && fsPath) return fsPath.replace(/^\/@fs/, '').split('?')[0]!;
  throw new AuthorError('the cover image could not be located on disk', {
    file: essayFile(essay),
    field: 'coverImg',
    hint: 'point coverImg at an image file inside the essay folder, e.g. ./cover.png',
  });
}
