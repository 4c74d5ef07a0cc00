// Compact column encodings for the data an image grid ships to the browser:
// 10,000 items become a few small arrays instead of 10,000 objects.
// Strings that are "prefix + number + suffix" (test-0 ... test-9999) become the numbers;
// other strings become a dictionary and codes.

/** Integers, or a run start, start+1, ... (dataset order compresses to two numbers). */
export type IntColumn = number[] | { start: number; count: number };

export type StringColumn = { kind: 'numbered'; prefix: string; suffix: string; nums: IntColumn } | { kind: 'dict'; dict: string[]; codes: number[] };

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
  return c.kind === 'numbered' ? intLength(c.nums) : c.codes.length;
}

export function stringAt(c: StringColumn, i: number): string {
  return c.kind === 'numbered' ? `${c.prefix}${intAt(c.nums, i)}${c.suffix}` : c.dict[c.codes[i]!]!;
}

export function decodeStrings(c: StringColumn): string[] {
  return Array.from({ length: columnLength(c) }, (_, i) => stringAt(c, i));
}
