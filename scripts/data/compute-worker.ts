// Runs one aggregate's compute step (scripts/data/aggregate-worker.ts) (load, query, transform, validate) in a
// worker thread, so the runner can stop an aggregate that never returns
// (a transform stuck in a loop, a query that runs for ever) and name it,
// instead of hanging `npm run data` and the build.
import { Worker } from 'node:worker_threads';
import { AuthorError, type AuthorErrorDetails } from '../../src/lib/author-error.ts';
import type { Datasheet } from '../../src/lib/datasheet.ts';
import type { ResolvedInput } from './inputs.ts';

/** What a worker needs to recompute a plan: all of it structured-cloneable. */
export interface ComputeRequest {
  /** URL the definition is imported from (with its content-hash query). */
  scriptUrl: string;
  script: string;
  inputs: Record<string, ResolvedInput>;
  /** Datasheets by dataset id (for citation checks). */
  datasheets: [string, Datasheet][];
  /** Citation keys of unfinished datasheets (TODOs left), by dataset id. */
  unfinishedCitations?: [string, string[]][];
}

export type ComputeAnswer = { data: unknown } | { error: AuthorErrorDetails & { message: string } };

/** Default time limit of one aggregate; an aggregate overrides it with `timeLimitSeconds`. */
export const DEFAULT_TIME_LIMIT_SECONDS = 120;

/**
 * Computes in a fresh worker; rejects with an AuthorError naming the script
 * when it does not finish within `timeLimitSeconds` (the worker is killed).
 */
export function computeInWorker(request: ComputeRequest, timeLimitSeconds: number): Promise<unknown> {
  return new Promise((ok, fail) => {
    const worker = new Worker(new URL('./aggregate-worker.ts', import.meta.url), { workerData: request });
    const timer = setTimeout(() => {
      void worker.terminate();
      fail(new AuthorError(`stopped after ${timeLimitSeconds} s: the aggregate did not finish in its time limit`, {
        file: request.script,
        field: 'timeLimitSeconds',
        hint: `look for a loop that never ends or a query that scans too much; if it really needs longer, set timeLimitSeconds (default ${DEFAULT_TIME_LIMIT_SECONDS}) in the definition`,
      }));
    }, timeLimitSeconds * 1000);
    const settle = () => clearTimeout(timer);
    worker.once('message', (answer: ComputeAnswer) => {
      settle();
      void worker.terminate();
      if ('data' in answer) return ok(answer.data);
      const { message, ...details } = answer.error;
      const error = new AuthorError('', details);
      error.message = message; // already formatted by the worker
      fail(error);
    });
    worker.once('error', (error) => {
      settle();
      fail(new AuthorError(`the aggregate crashed: ${error.message}`, { file: request.script, hint: 'see the message; fix the script' }));
    });
    worker.once('exit', (code) => {
      settle();
      fail(new AuthorError(`the aggregate's worker exited (code ${code}) without an answer`, { file: request.script, hint: 'an aggregate must not call process.exit; it may also have run out of memory' }));
    });
  });
}
