// The one gate every author- or dataset-supplied file reference passes before
// it is read: the reference must name a file inside its allowed root, judged
// both on the text (../, absolute paths, %2e%2e) and on disk (symlinks are
// followed with realpath, so a link pointing outside the root is refused too).
import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { AuthorError, type AuthorErrorDetails } from './author-error.ts';

/** Where the reference was written, for the error: file, line, field. */
export type ReferenceSite = Omit<AuthorErrorDetails, 'hint'>;

/** Why a reference is refused on its text alone, or undefined when it is acceptable. */
export function referenceProblem(reference: string): string | undefined {
  if (reference.trim() === '') return 'is empty';
  if (reference.includes('\0')) return 'contains a NUL byte';
  // A name may hold a literal %, so an undecodable one is judged as written.
  let decoded = reference;
  try {
    decoded = decodeURIComponent(reference);
  } catch {
    /* not percent-encoded */
  }
  for (const form of new Set([reference, decoded])) {
    if (form.includes('\0')) return 'contains a NUL byte once decoded';
    if (isAbsolute(form) || /^[a-z]:[\\/]/i.test(form) || form.startsWith('\\')) return 'is an absolute path';
    if (form.split(/[\\/]/).includes('..')) return 'climbs out with ".."';
  }
  return undefined;
}

/** True when `path` is `root` itself or below it (both absolute, same form). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The absolute path of `reference` resolved against `root`, or an AuthorError
 * naming `site` when it would leave `root`. A reference that does not exist is
 * returned resolved (the caller reports it missing); one that exists is
 * returned with its symlinks resolved and must still be inside `root`.
 */
export function containedPath(root: string, reference: string, site: ReferenceSite): string {
  const refuse = (why: string): never => {
    throw new AuthorError(`"${reference}" ${why}: a file reference must stay inside ${displayRoot(root)}`, {
      ...site,
      hint: `give a path relative to ${displayRoot(root)} without "..", and copy the file there (symlinks to elsewhere are refused)`,
    });
  };
  const problem = referenceProblem(reference);
  if (problem) return refuse(problem);
  const absoluteRoot = resolve(root);
  const path = resolve(absoluteRoot, reference);
  if (!isInside(absoluteRoot, path)) return refuse('resolves outside its folder');
  if (!existsSync(path)) return path;
  const realRoot = existsSync(absoluteRoot) ? realpathSync(absoluteRoot) : absoluteRoot;
  const realPath = realpathSync(path);
  if (!isInside(realRoot, realPath)) return refuse(`is a symlink to ${realPath}, outside its folder`);
  return realPath;
}

function displayRoot(root: string): string {
  const rel = relative(process.cwd(), resolve(root));
  return rel && !rel.startsWith('..') ? `${rel}/` : `${root}/`;
}
