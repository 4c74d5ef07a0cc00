// The contract of one aggregate script (scripts/aggregates/<name>.ts): the
// datasets it draws on, the files it reads, the SQL it runs on tabular inputs,
// a zod schema for its output, and a pure transform from query rows and parsed
// files to that output. The runner (scripts/data.ts) does all the I/O.
import type { z } from 'zod';

/** Where an input file lives: in a dataset folder, or inside an installed package. */
export type InputOrigin =
  | { dataset: string; path: string }
  | { package: string; path: string };

/** DuckDB column types a CSV input may declare. */
export type SqlType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE';

export type InputSpec =
  /** A CSV table: loaded into DuckDB as a table named after the input key. */
  | { kind: 'csv'; from: InputOrigin; columns: Record<string, SqlType> }
  /** A Parquet file: a DuckDB view named after the input key. */
  | { kind: 'parquet'; from: InputOrigin }
  /** A JSON file, parsed and checked against `schema`, handed to the transform. */
  | { kind: 'json'; from: InputOrigin; schema: z.ZodType }
  /** Raw bytes (e.g. MNIST idx files), handed to the transform. */
  | { kind: 'binary'; from: InputOrigin }
  /** UTF-8 text, handed to the transform. */
  | { kind: 'text'; from: InputOrigin };

/** One SQL query over the tabular inputs, and the zod schema of one result row. */
export interface QuerySpec<R extends z.ZodType = z.ZodType> {
  sql: string;
  row: R;
}

type Loaded<S extends InputSpec> = S extends { kind: 'json'; schema: infer J extends z.ZodType }
  ? z.infer<J>
  : S extends { kind: 'binary' }
    ? Uint8Array
    : S extends { kind: 'text' }
      ? string
      : never;

type FileKeys<I> = { [K in keyof I]: I[K] extends { kind: 'csv' | 'parquet' } ? never : K }[keyof I];

/** What a transform receives: typed query rows and the parsed non-tabular files. */
export interface TransformInput<I extends Record<string, InputSpec>, Q extends Record<string, QuerySpec>> {
  rows: { [K in keyof Q]: z.infer<Q[K]['row']>[] };
  files: { [K in FileKeys<I>]: Loaded<I[K]> };
}

export interface AggregateDefinition<
  I extends Record<string, InputSpec> = Record<string, InputSpec>,
  Q extends Record<string, QuerySpec> = Record<string, QuerySpec>,
  S extends z.ZodType = z.ZodType,
> {
  /** Output name: src/generated/data/<name>.json, imported as `@data/<name>`. */
  name: string;
  /** One sentence for the datasets pages: what the output holds. */
  description: string;
  /** Ids of the datasets (folders in content/datasets/) it draws on. */
  datasets: readonly string[];
  inputs: I;
  queries: Q;
  schema: S;
  /**
   * Pure: no file, network or clock access. Throw an Error to report bad data.
   * (Method syntax on purpose: any definition stays assignable to the generic
   * `AggregateDefinition`, which tests and tools take.)
   */
  transform(input: TransformInput<I, Q>): z.input<S>;
  /** Overrides the source credit built from the datasheets' `credit` lines. */
  source?: string;
  /** Seconds the aggregate may run before `npm run data` stops it and names it (default 120). */
  timeLimitSeconds?: number;
}

/** Identity helper that gives an aggregate script full type inference. */
export function defineAggregate<
  const I extends Record<string, InputSpec>,
  const Q extends Record<string, QuerySpec>,
  S extends z.ZodType,
>(definition: AggregateDefinition<I, Q, S>): AggregateDefinition<I, Q, S> {
  return definition;
}

/** The data type of an aggregate's output, from its definition. */
export type OutputOf<D> = D extends AggregateDefinition<infer _I, infer _Q, infer S> ? z.output<S> : never;

/** Aggregate names become file names and import paths. */
export const AGGREGATE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
