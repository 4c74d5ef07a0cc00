// What an image grid shows: the compact payload (built at build time by
// grid-payload.ts) and the pure view logic (filter, group, sort, highlight,
// summary sentence) the island and the step bridge drive.
import { intLength, stringAt, decodeStrings, type IntColumn, type StringColumn } from './grid-columns.ts';
import type { GridGroup } from './grid-layout.ts';

export interface GridPayload {
  dataset: string;
  /** What the items are, plural, for the summary: "test digits", "emoji". */
  noun: string;
  license: string;
  /**
   * Every atlas sheet of the gallery; `used` is false for sheets holding none
   * of the shown items (never fetched). `preview` is the same sheet with cells
   * of previewCellWidth x previewCellHeight: drawn while cells are small, so
   * the full sheets are fetched only when a reader zooms in.
   */
  sheets: {
    src: string;
    safeSrc?: string | undefined;
    width: number;
    height: number;
    columns: number;
    used: boolean;
    preview: { src: string; safeSrc?: string | undefined; width: number; height: number };
  }[];
  cellWidth: number;
  cellHeight: number;
  previewCellWidth: number;
  previewCellHeight: number;
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

export function matches(p: GridPayload, cond: { field: string; value: string } | null | undefined, i: number): boolean {
  return !cond || categoryValue(p, cond.field, i) === cond.value;
}

/** Filters, groups and sorts the payload's items for a view. */
export function viewGroups(p: GridPayload, view: GridView): GridGroup[] {
  const n = itemCount(p);
  let members: number[] = [];
  for (let i = 0; i < n; i++) if (matches(p, view.filter, i)) members.push(i);
  const sort = view.sortBy ? p.numbers.find((x) => x.name === view.sortBy) : undefined;
  if (sort) members = members.sort((a, b) => sort.values[a]! - sort.values[b]! || a - b);
  if (!view.groupBy || !p.categories.some((c) => c.name === view.groupBy)) return [{ label: '', members }];
  const byValue = new Map<string, number[]>();
  for (const v of categoryValues(p, view.groupBy)) byValue.set(v, []);
  for (const i of members) byValue.get(categoryValue(p, view.groupBy, i)!)!.push(i);
  return [...byValue].filter(([, m]) => m.length).map(([label, m]) => ({ label, members: m }));
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
