// Worker entry of scripts/data/compute-worker.ts: computes one aggregate and
// posts back its data, or its error with file, line, field and fix.
import { parentPort, workerData } from 'node:worker_threads';
import type { AggregateDefinition } from '../../src/lib/aggregate-definition.ts';
import type { Datasheet } from '../../src/lib/datasheet.ts';
import type { ComputeAnswer, ComputeRequest } from './compute-worker.ts';
import { asAuthorError, compute } from './run-aggregates.ts';

async function workerMain(request: ComputeRequest): Promise<ComputeAnswer> {
  try {
    const def = ((await import(request.scriptUrl)) as { default: AggregateDefinition }).default;
    const datasheets = new Map<string, { datasheet?: Datasheet; citationKeys?: string[] }>([
      ...request.datasheets.map(([id, datasheet]): [string, { datasheet: Datasheet }] => [id, { datasheet }]),
      ...(request.unfinishedCitations ?? []).map(([id, citationKeys]): [string, { citationKeys: string[] }] => [id, { citationKeys }]),
    ]);
    return { data: await compute({ def, script: request.script, inputs: request.inputs }, datasheets) };
  } catch (thrown) {
    const error = asAuthorError(thrown, request.script);
    return { error: { message: error.message, file: error.file, line: error.line, field: error.field, hint: error.hint } };
  }
}

parentPort?.postMessage(await workerMain(workerData as ComputeRequest));
