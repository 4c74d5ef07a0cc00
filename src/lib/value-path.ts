// Where a <Value> finds its number: a path into an aggregate's data that names
// rows by what they are, not by where they sit. Grammar (dots between steps):
//   pairsAbove05                  a key
//   labels[label=drizzle].days    the one row of `labels` whose `label` is "drizzle"
//   rows.2.viewingYears           an array index (older form: it changes meaning
//                                 when the aggregate's sort order changes)
// Pure: used by <Value> at render time and by the essay source check.

export type PathStep = { key: string } | { field: string; equals: string };

export class ValuePathSyntaxError extends Error {}

const STEP = /^([^.[\]=]*)((?:\[[^\]=]+=[^\]]*\])*)$/;

/** Splits "labels[label=drizzle].days" into steps; throws ValuePathSyntaxError on a malformed path. */
export function parseValuePath(path: string): PathStep[] {
  if (!path.trim()) throw new ValuePathSyntaxError('the path is empty');
  const steps: PathStep[] = [];
  // Split on dots outside brackets.
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of path) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (ch === '.' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
    if (depth < 0 || depth > 1) throw new ValuePathSyntaxError(`unbalanced brackets in "${path}"`);
  }
  if (depth !== 0) throw new ValuePathSyntaxError(`unclosed "[" in "${path}"`);
  parts.push(current);
  for (const part of parts) {
    const m = STEP.exec(part);
    if (!m || (!m[1] && !m[2])) throw new ValuePathSyntaxError(`"${part}" is not a key or a [field=value] selector`);
    if (m[1]) steps.push({ key: m[1] });
    for (const sel of m[2]!.matchAll(/\[([^\]=]+)=([^\]]*)\]/g)) steps.push({ field: sel[1]!.trim(), equals: sel[2]!.trim() });
  }
  return steps;
}

export type Lookup =
  | { ok: true; value: unknown }
  | { ok: false; problem: string; hint: string };

const shown = (keys: readonly string[]) => keys.slice(0, 12).join(', ') + (keys.length > 12 ? `, ... (${keys.length} in all)` : '');

/** Follows `path` through `data`, or says which step failed and what exists there. */
export function lookupValuePath(data: unknown, path: string): Lookup {
  let steps: PathStep[];
  try {
    steps = parseValuePath(path);
  } catch (error) {
    return { ok: false, problem: `cannot read the path "${path}": ${(error as Error).message}`, hint: 'write keys joined by dots, and pick a row by name with [field=value], e.g. "labels[label=drizzle].days"' };
  }
  let at: unknown = data;
  const walked: string[] = [];
  const here = () => walked.join('.') || 'the top level';
  for (const step of steps) {
    if ('key' in step) {
      if (at === null || typeof at !== 'object' || !Object.hasOwn(at, step.key)) {
        const options = at !== null && typeof at === 'object' ? shown(Object.keys(at)) : '(a plain value, nothing inside)';
        return { ok: false, problem: `there is no "${[...walked, step.key].join('.')}"`, hint: `at ${here()} there is: ${options}` };
      }
      at = (at as Record<string, unknown>)[step.key];
      walked.push(step.key);
      continue;
    }
    const label = `[${step.field}=${step.equals}]`;
    if (!Array.isArray(at)) {
      return { ok: false, problem: `"${here()}" is not a list of rows, so ${label} cannot pick one`, hint: 'put the selector after a key that holds rows, e.g. "labels[label=drizzle].days"' };
    }
    const matches = at.filter((row) => row !== null && typeof row === 'object' && String((row as Record<string, unknown>)[step.field]) === step.equals);
    if (matches.length !== 1) {
      const values = [...new Set(at.map((row) => (row as Record<string, unknown> | null)?.[step.field]).filter((v) => v !== undefined).map(String))];
      const fields = at[0] && typeof at[0] === 'object' ? Object.keys(at[0] as object) : [];
      return matches.length === 0
        ? {
          ok: false,
          problem: `no row of "${here()}" has ${step.field} = "${step.equals}"`,
          hint: values.length ? `${step.field} is one of: ${shown(values)}` : `the rows have no field "${step.field}"; their fields are: ${shown(fields)}`,
        }
        : { ok: false, problem: `${matches.length} rows of "${here()}" have ${step.field} = "${step.equals}"`, hint: `select by a field that is unique per row (fields: ${shown(fields)})` };
    }
    at = matches[0];
    walked.push(label);
  }
  return { ok: true, value: at };
}

export type NumberLookup =
  | { ok: true; value: number; qualifier: string }
  | { ok: false; problem: string; hint: string };

/** Like lookupValuePath, but the result must be a finite number (or a published figure `{ value, qualifier }`). */
export function lookupNumber(data: unknown, path: string): NumberLookup {
  const found = lookupValuePath(data, path);
  if (!found.ok) return found;
  const v = found.value;
  if (typeof v === 'number' && Number.isFinite(v)) return { ok: true, value: v, qualifier: '' };
  if (v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'number') {
    const q = (v as { qualifier?: unknown }).qualifier;
    return { ok: true, value: (v as { value: number }).value, qualifier: typeof q === 'string' ? q : '' };
  }
  const what = v === null || v === undefined ? String(v) : Array.isArray(v) ? 'a list' : typeof v === 'object' ? `an object with ${shown(Object.keys(v))}` : `${typeof v} ${JSON.stringify(v).slice(0, 40)}`;
  return { ok: false, problem: `"${path}" is ${what}, not a number`, hint: 'point the path at a number, e.g. "labels[label=drizzle].days"' };
}
