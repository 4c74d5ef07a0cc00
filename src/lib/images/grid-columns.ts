// Compact column encodings for the data an image grid ships to the browser:
// 10,000 items become a few small arrays instead of 10,000 objects.
// Strings that are "prefix + number + suffix" (test-0 ... test-9999) become the numbers;
// other strings become a dictionary and codes.

/** Integers, or a run start, start+1, ... (dataset order compresses to two numbers). */
export type IntColumn = number[] | { start: number; count: number };

type NumberedColumn = { kind: 'numbered'; prefix: string; suffix: string; nums: IntColumn };
/** A few numbered runs one after another (train-0 ... train-59999, test-0 ... test-9999). */
type ConcatColumn = { kind: 'concat'; parts: NumberedColumn[] };
export type StringColumn = NumberedColumn | ConcatColumn | { kind: 'dict'; dict: string[]; codes: number[] };

/** Most runs a column may be split into, and the fewest items per run on average, before a dictionary is cheaper. */
const MAX_RUNS = 8;
const MIN_PER_RUN = 16;

export function encodeInts(values: readonly number[]): IntColumn {
  const start = values[0] ?? 0;
  return values.every((v, i) => v === start + i) ? { start, count: values.length } : values.slice();
}

export function intAt(c: IntColumn, i: number): number {
  return Array.isArray(c) ? c[i]! : c.start + i;
}

export function intLength(c: IntColumn): number {
  return Array.isArray(c) ? c.length : c.count;
}

export function decodeInts(c: IntColumn): number[] {
  return Array.from({ length: intLength(c) }, (_, i) => intAt(c, i));
}

export function encodeStrings(values: readonly string[]): StringColumn {
  const single = encodeNumbered(values);
  if (single) return single;
  const parts = splitRuns(values);
  if (parts && parts.length * MIN_PER_RUN <= values.length) return { kind: 'concat', parts };
  return encodeDict(values);
}

/** Splits values into at most MAX_RUNS maximal runs that each encode as numbered, or undefined. */
function splitRuns(values: readonly string[]): NumberedColumn[] | undefined {
  const parts: NumberedColumn[] = [];
  let start = 0;
  while (start < values.length) {
    if (parts.length === MAX_RUNS) return undefined;
    const head = /^(.*?)(\d+)(\D*)$/.exec(values[start]!);
    if (!head) return undefined;
    let end = start + 1;
    while (end < values.length && values[end]!.startsWith(head[1]!) && values[end]!.endsWith(head[3]!) && /^(0|[1-9]\d*)$/.test(values[end]!.slice(head[1]!.length, values[end]!.length - head[3]!.length))) end++;
    const part = encodeNumbered(values.slice(start, end));
    if (!part) return undefined;
    parts.push(part);
    start = end;
  }
  return parts;
}

function encodeNumbered(values: readonly string[]): NumberedColumn | undefined {
  const first = /^(.*?)(\d+)(\D*)$/.exec(values[0] ?? '');
  if (first) {
    const prefix = first[1]!;
    const suffix = first[3]!;
    const nums: number[] = [];
    const ok = values.every((v) => {
      if (!v.startsWith(prefix) || !v.endsWith(suffix) || v.length <= prefix.length + suffix.length) return false;
      const digits = v.slice(prefix.length, v.length - suffix.length);
      if (!/^(0|[1-9]\d*)$/.test(digits)) return false;
      nums.push(Number(digits));
      return true;
    });
    if (ok) return { kind: 'numbered', prefix, suffix, nums: encodeInts(nums) };
  }
  return undefined;
}

function encodeDict(values: readonly string[]): StringColumn {
  const dict: string[] = [];
  const index = new Map<string, number>();
  const codes = values.map((v) => {
    let code = index.get(v);
    if (code === undefined) {
      code = dict.length;
      dict.push(v);
      index.set(v, code);
    }
    return code;
  });
  return { kind: 'dict', dict, codes };
}

export function columnLength(c: StringColumn): number {
  if (c.kind === 'numbered') return intLength(c.nums);
  if (c.kind === 'concat') return c.parts.reduce((s, p) => s + intLength(p.nums), 0);
  return c.codes.length;
}

export function stringAt(c: StringColumn, i: number): string {
  if (c.kind === 'numbered') return `${c.prefix}${intAt(c.nums, i)}${c.suffix}`;
  if (c.kind === 'concat') {
    let k = i;
    for (const p of c.parts) {
      const n = intLength(p.nums);
      if (k < n) return stringAt(p, k);
      k -= n;
    }
    throw new RangeError(`index ${i} is past the end of the column`);
  }
  return c.dict[c.codes[i]!]!;
}

export function decodeStrings(c: StringColumn): string[] {
  return Array.from({ length: columnLength(c) }, (_, i) => stringAt(c, i));
}
