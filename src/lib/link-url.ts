// Which URLs a file written by an author or a dataset may turn into a link:
// http(s) always, site-relative paths and mailto: where a field allows them.
// Anything else (javascript:, data:, vbscript:, file:, ...) is refused, since
// z.url() alone accepts every scheme.
import { z } from 'zod';

export interface LinkUrlOptions {
  /** Accept "/path", "./x" and "x/y" (resolved against the page). */
  relative?: boolean;
  /** Accept mailto: addresses. */
  mailto?: boolean;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Why `url` may not become a link, or undefined when it may. */
export function linkUrlProblem(url: string, options: LinkUrlOptions = {}): string | undefined {
  // Browsers drop tabs and newlines inside URLs and leading spaces/control
  // characters, so "java\tscript:" is judged as "javascript:".
  const seen = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const scheme = SCHEME.exec(seen)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    if (seen.startsWith('//') || seen.startsWith('\\')) return 'is protocol-relative: write it with https://';
    return options.relative ? undefined : 'must be a full URL starting with https://';
  }
  if (scheme === 'mailto' && options.mailto) return undefined;
  if (scheme !== 'http' && scheme !== 'https') {
    const allowed = ['http(s)', options.relative && 'relative', options.mailto && 'mailto:'].filter(Boolean).join(', ');
    return `uses the ${scheme}: scheme; only ${allowed} links are allowed`;
  }
  try {
    new URL(seen);
  } catch {
    return 'is not a valid URL';
  }
  return undefined;
}

/** A zod string that must be a link URL by `options`; `what` names the field in the message. */
export function linkUrl(what: string, options: LinkUrlOptions = {}) {
  return z.string({ error: `${what} must be text (a URL)` }).superRefine((url, ctx) => {
    const problem = linkUrlProblem(url, options);
    if (problem) ctx.addIssue({ code: 'custom', message: `${what} ${problem}` });
  });
}
