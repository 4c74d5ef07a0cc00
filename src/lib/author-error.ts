// One error type for everything an author or dataset maintainer can get wrong,
// and one place that formats it: file, position, what was wrong, how to fix it.
import type { ZodError } from 'zod';

export interface AuthorErrorDetails {
  /** Path of the file at fault, relative to the project root where possible. */
  file: string;
  /** 1-based line (for text files) or row (for tables), when known. */
  line?: number | undefined;
  /** 1-based column, when known (only with a line). */
  column?: number | undefined;
  /** The field, column or prop at fault, when known. */
  field?: string | undefined;
  /** What to do about it, in one sentence. */
  hint?: string | undefined;
}

export class AuthorError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly hint: string | undefined;

  constructor(message: string, details: AuthorErrorDetails) {
    super(formatAuthorError(message, details));
    this.name = 'AuthorError';
    this.file = details.file;
    this.line = details.line;
    this.field = details.field;
    this.hint = details.hint;
  }
}

/** `file:line: field: message\n  fix: hint`, the shape editors and terminals link. */
export function formatAuthorError(message: string, d: AuthorErrorDetails): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}${d.column === undefined ? '' : `:${d.column}`}`;
  const field = d.field ? ` ${d.field}:` : '';
  const hint = d.hint ? `\n  fix: ${d.hint}` : '';
  return `${where}:${field} ${message}${hint}`;
}

/** Turns every issue of a zod error into one readable line per field. */
export function describeZodIssues(error: ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : '(root)',
    message: issue.message,
  }));
}
