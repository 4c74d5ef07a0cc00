// The data engine behind `npm run data`: validates every datasheet, then for
// each aggregate script computes a content key (script, local dependencies,
// inputs, datasheets); unchanged keys are skipped, others are loaded, queried
// on DuckDB, transformed, validated and written atomically. One failing
// aggregate never touches the others' outputs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AuthorError } from '../../src/lib/author-error.ts';
import { AGGREGATE_NAME, type AggregateDefinition, type InputSpec } from '../../src/lib/aggregate-definition.ts';
import { DATASET_ID, parseDatasheet, UnfinishedDatasheetError, type Datasheet } from '../../src/lib/datasheet.ts';
import type { CatalogAggregate, DatasetCatalog, UnfinishedDataset } from '../../src/lib/dataset-catalog.ts';
import { provenanceSchema, type Provenance } from '../../src/lib/provenance.ts';
import { FileHasher, sha256 } from '../lib/hash.ts';
import { localDependencies, rel, resolveInput, type ResolvedInput } from './inputs.ts';
import type { TableInput } from './tables.ts';
import { computeInWorker, DEFAULT_TIME_LIMIT_SECONDS } from './compute-worker.ts';

/** Bump when the output format or the runner's semantics change: every key changes. */
const RUNNER_VERSION = '1';

export interface RunOptions {
  /** Project root (holds content/, scripts/aggregates/, src/generated/). */
  root: string;
  /** Ignore the cache and rebuild everything. */
  force?: boolean;
  /** Build only these aggregates (others keep their outputs). */
  only?: readonly string[];
  /** Progress and result lines. */
  report?: Reporter;
  /** File operations, injectable so tests can interrupt a write. */
  io?: Partial<WriteIO>;
}

export interface WriteIO {
  writeFile: (path: string, data: string) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
}

export type AggregateStatus = 'built' | 'cached' | 'failed';

export interface AggregateResult {
  name: string;
  status: AggregateStatus;
  ms: number;
  /** The process's peak resident memory when the aggregate finished (MB; the worker included). */
  peakRssMb: number;
  error?: AuthorError;
}

export interface Reporter {
  /** `index` counts from 1 over the `total` aggregates of this run. */
  start(name: string, index: number, total: number): void;
  finish(result: AggregateResult): void;
  problem(error: AuthorError): void;
}

export interface RunSummary {
  results: AggregateResult[];
  datasheetErrors: AuthorError[];
  /** Datasheets with TODOs left: aggregates still build (for previews); publishing an essay that uses them fails. */
  unfinished: UnfinishedDatasheetError[];
  ok: boolean;
  ms: number;
  /** Peak resident memory of the whole data step (MB). */
  peakRssMb: number;
}

/** Peak resident set size of this process so far, in MB (worker threads included). */
export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const silent: Reporter = { start() {}, finish() {}, problem() {} };

const aggregateName = (found: DiscoveredAggregate) => found.definition?.name ?? basename(found.script, '.ts');

export const paths = (root: string) => ({
  aggregates: join(root, 'scripts', 'aggregates'),
  datasets: join(root, 'content', 'datasets'),
  out: join(root, 'src', 'generated', 'data'),
  catalog: join(root, 'src', 'generated', 'datasets.json'),
  cache: join(root, '.cache', 'data'),
});

/** Writes `data` to a temporary file next to `target`, then renames it over. */
export async function writeAtomic(target: string, data: string, io: WriteIO): Promise<void> {
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    await io.writeFile(tmp, data);
    await io.rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

export function asAuthorError(error: unknown, file: string): AuthorError {
  if (error instanceof AuthorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AuthorError(message, { file, hint: 'see the message above; fix the data or the script' });
}

interface LoadedDatasheet {
  id: string;
  file: string;
  abs: string;
  datasheet?: Datasheet;
  error?: AuthorError;
  /** Set when TODOs are its only problems: its data may be previewed, not published. */
  unfinished?: UnfinishedDatasheetError;
}

/** Every folder of content/datasets/ with its datasheet parsed (or the reason it cannot be). */
export function loadDatasheets(root: string): Map<string, LoadedDatasheet> {
  const dir = paths(root).datasets;
  const found = new Map<string, LoadedDatasheet>();
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const id = entry.name;
    const file = `content/datasets/${id}/datasheet.yaml`;
    const abs = join(root, file);
    if (!DATASET_ID.test(id)) {
      found.set(id, { id, file, abs, error: new AuthorError(`dataset folder "${id}" is not a valid id`, { file: `content/datasets/${id}/`, hint: 'rename the folder to lowercase words joined by hyphens' }) });
    } else if (!existsSync(abs)) {
      found.set(id, { id, file, abs, error: new AuthorError('dataset has no datasheet', { file, hint: 'create datasheet.yaml in the dataset folder (template in docs/data.md)' }) });
    } else {
      try {
        const datasheet = parseDatasheet(readFileSync(abs, 'utf8'), file);
        if (datasheet.id !== undefined && datasheet.id !== id) {
          throw new AuthorError(`id "${datasheet.id}" does not match the folder name "${id}"`, { file, line: 1, field: 'id', hint: `set id: ${id}, or remove the id line` });
        }
        found.set(id, { id, file, abs, datasheet });
      } catch (error) {
        found.set(id, error instanceof UnfinishedDatasheetError ? { id, file, abs, unfinished: error } : { id, file, abs, error: asAuthorError(error, file) });
      }
    }
  }
  return found;
}

export interface DiscoveredAggregate { script: string; abs: string; url?: string; definition?: AggregateDefinition; error?: AuthorError }

/** Imports every scripts/aggregates/*.ts and checks its default export. */
export async function discoverAggregates(root: string): Promise<DiscoveredAggregate[]> {
  const dir = paths(root).aggregates;
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts')).sort();
  const found: DiscoveredAggregate[] = [];
  for (const f of files) {
    const abs = join(dir, f);
    const script = rel(root, abs);
    try {
      // The content hash in the URL makes a long-lived process (tests, dev) see an edited script.
      const version = sha256(readFileSync(abs)).slice(0, 16);
      const url = `${pathToFileURL(abs).href}?v=${version}`;
      const mod = (await import(url)) as { default?: AggregateDefinition };
      const def = mod.default;
      const expected = basename(f, '.ts');
      if (!def || typeof def !== 'object' || typeof def.transform !== 'function') {
        throw new AuthorError('the script has no default export made with defineAggregate({...})', { file: script, hint: 'end the script with `export default defineAggregate({ name, datasets, inputs, queries, schema, transform })`' });
      }
      if (def.name !== expected || !AGGREGATE_NAME.test(def.name)) {
        throw new AuthorError(`aggregate name "${def.name}" must match the file name "${expected}"`, { file: script, field: 'name', hint: `set name: '${expected}' or rename the file` });
      }
      found.push({ script, abs, url, definition: def });
    } catch (error) {
      found.push({ script, abs, error: asAuthorError(error, script) });
    }
  }
  return found;
}

interface Plan {
  def: AggregateDefinition;
  script: string;
  inputs: Record<string, ResolvedInput>;
  key: string;
  inputHashes: Provenance['inputs'];
  source: string;
}

async function plan(root: string, found: DiscoveredAggregate, datasheets: Map<string, LoadedDatasheet>, hasher: FileHasher): Promise<Plan> {
  const def = found.definition!;
  const script = found.script;
  const credits: string[] = [];
  const datasheetHashes: string[] = [];
  for (const id of def.datasets) {
    const ds = datasheets.get(id);
    if (!ds) throw new AuthorError(`dataset "${id}" does not exist`, { file: script, field: 'datasets', hint: `create content/datasets/${id}/datasheet.yaml or fix the id` });
    if (ds.error) throw new AuthorError(`dataset "${id}" has no valid datasheet, so its data cannot be used`, { file: ds.file, hint: 'fix the datasheet (error above)' });
    credits.push(ds.unfinished ? `${id} (unfinished datasheet)` : ds.datasheet!.credit);
    datasheetHashes.push(await hasher.hash(ds.abs));
  }
  const inputs: Record<string, ResolvedInput> = {};
  const inputHashes: Provenance['inputs'] = [];
  for (const [key, spec] of Object.entries(def.inputs)) {
    if ('dataset' in spec.from && !def.datasets.includes(spec.from.dataset)) {
      throw new AuthorError(`input "${key}" reads dataset "${spec.from.dataset}", which is not listed in datasets`, { file: script, field: `inputs.${key}`, hint: `add '${spec.from.dataset}' to datasets` });
    }
    const resolved = resolveInput(root, spec.from, script);
    inputs[key] = resolved;
    inputHashes.push({ path: resolved.display, sha256: await hasher.hash(resolved.abs) });
  }
  const deps = localDependencies(found.abs);
  const key = sha256(
    [
      RUNNER_VERSION,
      await hasher.hash(found.abs),
      (await Promise.all(deps.map((d) => hasher.hash(d)))).join(),
      inputHashes.map((i) => `${i.path}=${i.sha256}`).join(),
      datasheetHashes.join(),
    ].join(''),
  );
  return { def, script, inputs, key, inputHashes, source: def.source ?? credits.join('; ') };
}

/** Loads, queries, transforms and validates one aggregate (in a worker: scripts/data/compute-worker.ts). */
export async function compute(p: Pick<Plan, 'def' | 'script' | 'inputs'>, datasheets: Map<string, { datasheet?: Datasheet | undefined; citationKeys?: string[] | undefined }>): Promise<unknown> {
  const { def, script } = p;
  const tables: TableInput[] = [];
  const files: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(def.inputs) as [string, InputSpec][]) {
    const input = p.inputs[key]!;
    if (spec.kind === 'csv') tables.push({ key, kind: 'csv', abs: input.abs, display: input.display, columns: spec.columns });
    else if (spec.kind === 'parquet') tables.push({ key, kind: 'parquet', abs: input.abs, display: input.display });
    else if (spec.kind === 'binary') files[key] = new Uint8Array(await readFile(input.abs));
    else if (spec.kind === 'text') files[key] = await readFile(input.abs, 'utf8');
    else {
      let value: unknown;
      try {
        value = JSON.parse(await readFile(input.abs, 'utf8'));
      } catch (error) {
        throw new AuthorError(`not valid JSON: ${(error as Error).message}`, { file: input.display, hint: 'fix the JSON syntax' });
      }
      const checked = spec.schema.safeParse(value);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        throw new AuthorError(`does not have the expected shape: ${issue.message}`, { file: input.display, field: issue.path.join('.'), hint: `the package version may have changed; update the input schema in ${script}` });
      }
      files[key] = checked.data;
    }
  }
  const rows: Record<string, unknown[]> = {};
  if (tables.length > 0 || Object.keys(def.queries).length > 0) {
    // Loaded on first use: a warm run that builds nothing never loads DuckDB.
    const { openTables, queryRows, unknownCitations } = await import('./tables.ts');
    const { connection, close } = await openTables(tables);
    try {
      for (const t of tables) {
        const spec = def.inputs[t.key]!;
        if (spec.kind !== 'csv' || !('dataset' in spec.from) || !Object.hasOwn(spec.columns, 'citation')) continue;
        const ds = datasheets.get(spec.from.dataset);
        const known = new Set(ds?.datasheet?.citations.map((c) => c.key) ?? ds?.citationKeys);
        const bad = await unknownCitations(connection, t.key, known);
        if (bad[0]) {
          throw new AuthorError(`citation "${bad[0].key}" is not listed in the datasheet${bad.length > 1 ? ` (and ${bad.length - 1} more rows)` : ''}`, {
            file: t.display, line: bad[0].line, field: 'citation', hint: `use one of ${[...known].join(', ')} (separate several with ";"), or add the citation to content/datasets/${spec.from.dataset}/datasheet.yaml`,
          });
        }
      }
      for (const [name, q] of Object.entries(def.queries)) {
        const raw = await queryRows(connection, q.sql, { file: script, query: name });
        rows[name] = raw.map((r, i) => {
          const checked = q.row.safeParse(r);
          if (checked.success) return checked.data;
          const issue = checked.error.issues[0]!;
          throw new AuthorError(`query "${name}" row ${i + 1}: ${issue.message} (got ${JSON.stringify(r)})`, { file: script, field: `queries.${name}.${issue.path.join('.')}`, hint: 'cast the column in SQL (e.g. count(*)::INTEGER) or fix the row schema' });
        });
      }
    } finally {
      close();
    }
  }
  let output: unknown;
  try {
    output = def.transform({ rows, files } as never);
  } catch (error) {
    if (error instanceof AuthorError) throw error;
    throw new AuthorError(`transform failed: ${(error as Error).message}`, { file: script, hint: 'the data broke an assumption of the transform; the message says which' });
  }
  const checked = def.schema.safeParse(output);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const more = checked.error.issues.length > 1 ? ` (and ${checked.error.issues.length - 1} more problems)` : '';
    throw new AuthorError(`output does not match its schema: ${issue.message}${more}`, { file: script, field: issue.path.join('.') || '(root)', hint: 'fix the transform, or the schema if the data really changed shape' });
  }
  return checked.data;
}

/** The typed module behind `@data/<name>`: the JSON, typed by the script's schema. */
export function typedModule(name: string): string {
  return [
    `// Generated by scripts/data.ts from scripts/aggregates/${name}.ts: do not edit.`,
    "import type { Aggregate } from '../../lib/provenance.ts';",
    "import type { OutputOf } from '../../lib/aggregate-definition.ts';",
    `import type definition from '../../../scripts/aggregates/${name}.ts';`,
    `import json from './${name}.json';`,
    '',
    `export type Data = OutputOf<typeof definition>;`,
    'const aggregate = json as unknown as Aggregate<Data>;',
    'export default aggregate;',
    '',
  ].join('\n');
}

/** Runs every aggregate; never throws for author mistakes (they are in the summary). */
export async function runAggregates(options: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  const { root, force = false, only } = options;
  const report = options.report ?? silent;
  const io: WriteIO = { writeFile: (p, d) => writeFile(p, d), rename, ...options.io };
  const dirs = paths(root);
  await mkdir(dirs.out, { recursive: true });
  await mkdir(dirs.cache, { recursive: true });
  for (const f of readdirSync(dirs.out)) if (f.includes('.tmp-')) await rm(join(dirs.out, f), { force: true });

  const datasheets = loadDatasheets(root);
  const datasheetErrors = [...datasheets.values()].flatMap((d) => (d.error ? [d.error] : []));
  for (const e of datasheetErrors) report.problem(e);

  const hasher = new FileHasher(join(dirs.cache, 'file-hashes.json'));
  const discovered = await discoverAggregates(root);
  const results: AggregateResult[] = [];
  const catalogAggregates: CatalogAggregate[] = [];

  const total = discovered.filter((f) => !only || only.includes(aggregateName(f))).length;
  for (const found of discovered) {
    const name = aggregateName(found);
    if (only && !only.includes(name)) continue;
    const started = performance.now();
    report.start(name, results.length + 1, total);
    const done = (status: AggregateStatus, error?: AuthorError) => {
      const result: AggregateResult = { name, status, ms: performance.now() - started, peakRssMb: peakRssMb(), ...(error ? { error } : {}) };
      results.push(result);
      report.finish(result);
    };
    if (found.error) {
      done('failed', found.error);
      continue;
    }
    const def = found.definition!;
    try {
      const p = await plan(root, found, datasheets, hasher);
      catalogAggregates.push({ name, description: def.description, datasets: [...def.datasets], script: found.script, inputs: p.inputHashes.map((i) => i.path) });
      const keyFile = join(dirs.cache, `${name}.key`);
      const jsonFile = join(dirs.out, `${name}.json`);
      const moduleFile = join(dirs.out, `${name}.ts`);
      const cachedKey = existsSync(keyFile) ? readFileSync(keyFile, 'utf8') : '';
      if (!force && cachedKey === p.key && existsSync(jsonFile) && existsSync(moduleFile)) {
        done('cached');
        continue;
      }
      const data = await computeInWorker(
        {
          scriptUrl: found.url!, script: found.script, inputs: p.inputs,
          datasheets: [...datasheets].flatMap(([id, d]) => (d.datasheet ? [[id, d.datasheet] as [string, Datasheet]] : [])),
          unfinishedCitations: [...datasheets].flatMap(([id, d]) => (d.unfinished ? [[id, d.unfinished.citationKeys] as [string, string[]]] : [])),
        },
        def.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
      );
      const provenance = provenanceSchema.parse({ aggregate: name, datasets: [...def.datasets], script: found.script, inputs: p.inputHashes, source: p.source });
      await writeAtomic(jsonFile, JSON.stringify({ provenance, data }), io);
      const module = typedModule(name);
      if (!existsSync(moduleFile) || readFileSync(moduleFile, 'utf8') !== module) await writeAtomic(moduleFile, module, io);
      await writeAtomic(keyFile, p.key, io);
      done('built');
    } catch (error) {
      if (!catalogAggregates.some((a) => a.name === name)) {
        catalogAggregates.push({ name, description: def.description, datasets: [...def.datasets], script: found.script, inputs: [] });
      }
      done('failed', asAuthorError(error, found.script));
    }
  }
  await hasher.save();

  if (!only) {
    // Outputs of aggregates whose script is gone would be imported silently: remove them.
    const known = new Set(discovered.map((d) => basename(d.script, '.ts')));
    for (const f of readdirSync(dirs.out)) {
      const n = f.replace(/\.(json|ts)$/, '');
      if (!known.has(n)) await rm(join(dirs.out, f), { force: true });
    }
    const catalog: DatasetCatalog = {
      datasets: [...datasheets.values()].filter((d) => d.datasheet).map((d) => ({ id: d.id, datasheet: d.datasheet! })).sort((a, b) => a.id.localeCompare(b.id)),
      aggregates: catalogAggregates.sort((a, b) => a.name.localeCompare(b.name)),
      unfinished: [...datasheets.values()].flatMap((d): UnfinishedDataset[] => (d.unfinished ? [{ id: d.id, file: d.file, fields: d.unfinished.todoFields }] : [])),
    };
    const text = JSON.stringify(catalog, null, 1);
    // Rewriting an unchanged catalog would make dev servers reload for nothing.
    if (!existsSync(dirs.catalog) || readFileSync(dirs.catalog, 'utf8') !== text) await writeAtomic(dirs.catalog, text, io);
  }

  const ok = datasheetErrors.length === 0 && results.every((r) => r.status !== 'failed');
  const unfinished = [...datasheets.values()].flatMap((d) => (d.unfinished ? [d.unfinished] : []));
  return { results, datasheetErrors, unfinished, ok, ms: performance.now() - t0, peakRssMb: peakRssMb() };
}
