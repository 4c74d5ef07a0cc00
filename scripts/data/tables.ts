// Tabular inputs on embedded DuckDB: CSV files become tables (with declared
// columns checked and malformed rows reported by line), Parquet files become
// views, and each aggregate's SQL queries run over them.
import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AuthorError } from '../../src/lib/author-error.ts';
import type { SqlType } from '../../src/lib/aggregate-definition.ts';

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** The header of a CSV file (RFC 4180 quoting), without reading the whole file. */
export function csvHeader(text: string): string[] {
  return splitCsvLine(text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '');
}

/** The trimmed cells of one CSV line (RFC 4180 quoting). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell.trim()); cell = ''; }
    else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** Turns DuckDB's CSV error text into an AuthorError with the line and the fix. */
export function csvErrorToAuthorError(message: string, file: string): AuthorError {
  const line = Number(/CSV Error on Line: (\d+)/.exec(message)?.[1]) || undefined;
  const original = /Original Line: (.*)/.exec(message)?.[1];
  const count = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (count) {
    // DuckDB stops counting at the first value too many, so count the original line when it is given.
    const found = original !== undefined ? splitCsvLine(original).length : Number(count[2]);
    return new AuthorError(`row has ${found} values but the header has ${count[1]} columns: ${original ?? ''}`.trim(), {
      file, line, hint: 'quote values that contain commas ("a, b") or fix the number of values in this row',
    });
  }
  const convert = /Error when converting column "([^"]+)"\. Could not convert string "([^"]*)" to '([A-Z]+)'/.exec(message);
  if (convert) {
    return new AuthorError(`"${convert[2]}" is not a valid ${convert[3]}`, {
      file, line, field: convert[1], hint: `write a plain ${convert[3] === 'VARCHAR' ? 'text' : convert[3]!.toLowerCase()} in column "${convert[1]}" (no thousands separators or units; leave empty for unknown)`,
    });
  }
  return new AuthorError(message.split('\n')[0] ?? message, { file, line, hint: 'check that the file is valid CSV with a header row' });
}

export interface TableInput {
  key: string;
  kind: 'csv' | 'parquet';
  abs: string;
  display: string;
  columns?: Record<string, SqlType>;
}

/** An in-memory DuckDB with the inputs registered under their keys. */
export async function openTables(tables: readonly TableInput[]): Promise<{ connection: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    for (const t of tables) {
      if (t.kind === 'parquet') {
        await connection.run(`CREATE VIEW ${sqlIdent(t.key)} AS SELECT * FROM read_parquet(${sqlString(t.abs)})`);
        continue;
      }
      const header = csvHeader(readFileSync(t.abs, 'utf8').slice(0, 64 * 1024));
      for (const column of Object.keys(t.columns ?? {})) {
        if (!header.includes(column)) {
          throw new AuthorError(`missing column "${column}" (the header has: ${header.join(', ')})`, {
            file: t.display, line: 1, field: column, hint: `add a "${column}" column to the header row, or fix its spelling`,
          });
        }
      }
      const types = header.map((h) => `${sqlString(h)}: ${sqlString(t.columns?.[h] ?? 'VARCHAR')}`).join(', ');
      try {
        await connection.run(
          `CREATE TABLE ${sqlIdent(t.key)} AS SELECT * FROM read_csv(${sqlString(t.abs)}, header = true, auto_detect = false, strict_mode = true, delim = ',', quote = '"', escape = '"', columns = {${types}})`,
        );
      } catch (error) {
        throw csvErrorToAuthorError((error as Error).message, t.display);
      }
    }
  } catch (error) {
    close();
    throw error;
  }
  return { connection, close };
}

/** Rows as plain JSON-safe objects: safe BIGINTs become numbers, others are refused. */
export async function queryRows(connection: DuckDBConnection, sql: string, where: { file: string; query: string }): Promise<Record<string, unknown>[]> {
  let rows: Record<string, unknown>[];
  try {
    rows = (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } catch (error) {
    throw new AuthorError(`query "${where.query}" failed: ${(error as Error).message.split('\n')[0]}`, { file: where.file, field: `queries.${where.query}`, hint: 'fix the SQL; tables are named after the input keys' });
  }
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      if (typeof v === 'bigint') {
        if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
          throw new AuthorError(`query "${where.query}" column "${k}" holds ${v}, beyond JavaScript's exact integers`, { file: where.file, field: `queries.${where.query}.${k}`, hint: `cast it in SQL, e.g. ${k}::DOUBLE` });
        }
        row[k] = Number(v);
      }
    }
  }
  return rows;
}

/** Lines (1-based, header = 1) whose `citation` cell names a key the datasheet does not list. */
export async function unknownCitations(connection: DuckDBConnection, table: string, known: ReadonlySet<string>): Promise<{ line: number; key: string }[]> {
  const rows = (await connection.runAndReadAll(`SELECT (row_number() OVER ())::INTEGER AS r, citation FROM ${sqlIdent(table)}`)).getRowObjectsJS() as { r: number; citation: string | null }[];
  const bad: { line: number; key: string }[] = [];
  for (const { r, citation } of rows) {
    for (const key of (citation ?? '').split(';').map((s) => s.trim())) {
      if (!known.has(key)) bad.push({ line: r + 1, key });
    }
  }
  return bad;
}
