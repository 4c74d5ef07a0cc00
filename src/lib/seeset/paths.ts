// The one place where a path written in an author's file (a frontmatter
// value, a body image, an imagePath, a file name in an export) becomes a path
// on disk. It never leaves the folder it is resolved in.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AuthorError, type AuthorErrorDetails } from '../author-error.ts';

/**
 * Joins an authored site path (`/img/x.png`, `collections/5/files/a.jpg`) to
 * `root`, refusing `..` (also percent-encoded), backslashes, NUL, drive
 * letters and anything else that would land outside `root`.
 */
export function containedPath(root: string, authored: string, where: AuthorErrorDetails): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(authored);
  } catch {
    throw new AuthorError(`"${authored}" is not a valid path (bad %-escape)`, { ...where, hint: where.hint ?? 'write the path as it appears under the public tree' });
  }
  const relativePart = decoded.replace(/^\/+/, '');
  const bad =
    /[\\\0]/.test(decoded) ||
    /^[a-zA-Z]:/.test(relativePart) ||
    isAbsolute(relativePart) ||
    relativePart.split('/').some((segment) => segment === '..');
  const full = resolve(root, join(...(relativePart ? relativePart.split('/') : ['.'])));
  const inside = relative(resolve(root), full);
  if (bad || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    throw new AuthorError(`"${authored}" points outside ${relative(process.cwd(), root) || root}`, {
      ...where,
      hint: 'use a path inside the dropped-in tree, without ".." (the site never reads files outside it)',
    });
  }
  return full;
}
