// What an image grid shows: the compact payload (built at build time by
// grid-payload.ts) and the pure view logic (filter, group, sort, highlight,
// summary sentence) the island and the step bridge drive.
import { intLength, stringAt, decodeStrings, type IntColumn, type StringColumn } from './grid-columns.ts';
import type { GridGroup } from './grid-layout.ts';
import type { SheetTiles } from './grid-tiles.ts';

export interface GridPayload {
  dataset: string;
  /** What the items are, plural, for the summary: "test digits", "emoji". */
  noun: string;
  license: string;
  /**
   * Every atlas sheet of the gallery; `used` is false for sheets holding none
   * of the shown items (never fetched). `preview` is the same sheet with cells
   * of previewCellWidth x previewCellHeight: drawn while cells are small;
   * full-resolution pixels (tiles of the sheet, when it has them) are fetched
   * only for cells drawn larger than a preview cell, and only those on screen.
   */
  sheets: {
    src: string;
    safeSrc?: string | undefined;
    width: number;
    height: number;
    columns: number;
    used: boolean;
    preview: { src: string; safeSrc?: string | undefined; width: number; height: number };
    /** Tiny cells (overviewCellWidth): drawn instead of the preview while cells are tiny on screen. */
    overview?: { src: string; safeSrc?: string | undefined; width: number; height: number } | undefined;
    /** The full sheet in tiles (grid-tiles.ts): a zoomed-in grid fetches only those under the cells it draws. */
    tiles?: SheetTiles | undefined;
  }[];
  cellWidth: number;
  cellHeight: number;
  previewCellWidth: number;
  previewCellHeight: number;
  overviewCellWidth?: number | undefined;
  overviewCellHeight?: number | undefined;
  perAtlas: number;
  pixelated: boolean;
  /** Atlas cell of each item. */
  cells: IntColumn;
  ids: StringColumn;
  originalIds: StringColumn;
  paths: StringColumn;
  rights: StringColumn;
  categories: { name: string; column: StringColumn }[];
  numbers: { name: string; values: number[] }[];
  /** Per item: [lang, kind, text] triples (untrusted text: render as text only). */
  texts: [string, string, string][][] | null;
  /** Item index -> reason, for items behind a content warning. */
  flagged: [number, string][];
}

export interface GridView {
  groupBy?: string | null | undefined;
  sortBy?: string | null | undefined;
  filter?: { field: string; value: string } | null | undefined;
  highlight?: { field: string; value: string } | null | undefined;
}

export function itemCount(p: GridPayload): number {
  return intLength(p.cells);
}

export function categoryValue(p: GridPayload, field: string, i: number): string | undefined {
  const c = p.categories.find((c) => c.name === field);
  return c ? stringAt(c.column, i) : undefined;
}

/** Distinct values of a category field, sorted naturally ("2" before "10"). */
export function categoryValues(p: GridPayload, field: string): string[] {
  const c = p.categories.find((c) => c.name === field);
  if (!c) return [];
  const values = c.column.kind === 'dict' ? c.column.dict.slice() : [...new Set(decodeStrings(c.column))];
  return values.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * A category field as codes: `codes[i]` is the index in `values` (sorted
 * naturally) of item i's value. Computed once per payload and field, so
 * filtering, grouping and highlighting 70,000 items are plain array passes.
 */
export interface CategoryCodes {
  values: string[];
  codes: Int32Array;
}

const codeCache = new WeakMap<GridPayload, Map<string, CategoryCodes | null>>();
const orderCache = new WeakMap<GridPayload, Map<string, Uint32Array>>();

export function categoryCodes(p: GridPayload, field: string): CategoryCodes | null {
  let byField = codeCache.get(p);
  if (!byField) codeCache.set(p, (byField = new Map()));
  if (byField.has(field)) return byField.get(field)!;
  const c = p.categories.find((x) => x.name === field);
  let result: CategoryCodes | null = null;
  if (c) {
    const values = categoryValues(p, field);
    const position = new Map(values.map((v, k) => [v, k]));
    const n = itemCount(p);
    const codes = new Int32Array(n);
    if (c.column.kind === 'dict') {
      const remap = c.column.dict.map((v) => position.get(v)!);
      for (let i = 0; i < n; i++) codes[i] = remap[c.column.codes[i]!]!;
    } else {
      for (let i = 0; i < n; i++) codes[i] = position.get(stringAt(c.column, i))!;
    }
    result = { values, codes };
  }
  byField.set(field, result);
  return result;
}

/**
 * Item indexes sorted by a number field (ties in dataset order), computed
 * once per payload and field: ranks of the values, then one native sort of
 * rank * 2^20 + index keys (no comparator calls).
 */
export function sortedOrder(p: GridPayload, field: string): Uint32Array | null {
  const column = p.numbers.find((x) => x.name === field);
  if (!column) return null;
  let byField = orderCache.get(p);
  if (!byField) orderCache.set(p, (byField = new Map()));
  const cached = byField.get(field);
  if (cached) return cached;
  const n = column.values.length;
  const distinct = Float64Array.from(column.values).sort();
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = column.values[i]!;
    let lo = 0;
    let hi = distinct.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    keys[i] = lo * 1_048_576 + i;
  }
  keys.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = keys[k]! % 1_048_576;
  byField.set(field, order);
  return order;
}

/** A test for "field = value" over item indexes (always true without a condition). */
export function matcher(p: GridPayload, cond: { field: string; value: string } | null | undefined): (i: number) => boolean {
  if (!cond) return () => true;
  const codes = categoryCodes(p, cond.field);
  const want = codes ? codes.values.indexOf(cond.value) : -1;
  if (!codes || want < 0) return () => false;
  const c = codes.codes;
  return (i) => c[i] === want;
}

/** Filters, groups and sorts the payload's items for a view. */
export function viewGroups(p: GridPayload, view: GridView): GridGroup[] {
  const n = itemCount(p);
  const keep = view.filter ? matcher(p, view.filter) : null;
  const order = view.sortBy ? sortedOrder(p, view.sortBy) : null;
  const groups = view.groupBy ? categoryCodes(p, view.groupBy) : null;
  if (!groups) {
    if (!keep) {
      const members = new Array<number>(n);
      for (let k = 0; k < n; k++) members[k] = order ? order[k]! : k;
      return [{ label: '', members }];
    }
    const members: number[] = [];
    for (let k = 0; k < n; k++) {
      const i = order ? order[k]! : k;
      if (keep(i)) members.push(i);
    }
    return [{ label: '', members }];
  }
  // A counting sort into the groups: count, size each group's array once, fill by index.
  const codes = groups.codes;
  const counts = new Int32Array(groups.values.length);
  for (let k = 0; k < n; k++) {
    const i = order ? order[k]! : k;
    if (!keep || keep(i)) counts[codes[i]!]!++;
  }
  const buckets = Array.from(counts, (c) => new Array<number>(c));
  const filled = new Int32Array(counts.length);
  for (let k = 0; k < n; k++) {
    const i = order ? order[k]! : k;
    if (keep && !keep(i)) continue;
    const g = codes[i]!;
    buckets[g]![filled[g]!++] = i;
  }
  return groups.values.map((label, k) => ({ label, members: buckets[k]! })).filter((g) => g.members.length);
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The accessible summary: "Showing 10,000 test digits grouped by digit". */
export function describeView(p: GridPayload, view: GridView, shown: number): string {
  const parts = [`Showing ${fmt(shown)} ${p.noun}`];
  if (view.filter) parts.push(`where ${view.filter.field} is ${view.filter.value}`);
  if (view.groupBy) parts.push(`grouped by ${view.groupBy}`);
  if (view.sortBy) parts.push(`sorted by ${view.sortBy}`);
  let text = parts.join(' ');
  if (view.highlight) text += `, highlighting ${view.highlight.field} ${view.highlight.value}`;
  return `${text}.`;
}
