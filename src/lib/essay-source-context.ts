// What the essay source check compares an essay against, read from disk: the
// props each author-facing component documents (its <Name>.docs.ts) and the
// data of every aggregate `npm run data` wrote (src/generated/data/<name>.json).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComponentDocs } from './component-docs.ts';
import { unfinishedByAggregate, type DatasetCatalog } from './dataset-catalog.ts';
import type { EssaySourceContext } from './essay-source-check.ts';

/** Prop names from catalog docs ("slot=\"graphic\"" documents the slot, not a prop). */
export function propsByComponent(docs: readonly ComponentDocs[]): Record<string, string[]> {
  return Object.fromEntries(docs.map((d) => [d.name, d.props.map((p) => p.name).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n))]));
}

/** Every aggregate's data, by name. Unreadable files are skipped: the data step reports them. */
export function readAggregates(root: string): Map<string, unknown> {
  const dir = join(root, 'src/generated/data');
  const found = new Map<string, unknown>();
  if (!existsSync(dir)) return found;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    try {
      found.set(f.slice(0, -5), (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { data: unknown }).data);
    } catch {
      // A half-written or broken output: `npm run data` names it.
    }
  }
  return found;
}

/** The catalog `npm run data` wrote, or an empty one before the first run. */
export function readCatalog(root: string): DatasetCatalog {
  const file = join(root, 'src/generated/datasets.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DatasetCatalog) : { datasets: [], aggregates: [] };
}

export function essaySourceContext(root: string, docs: readonly ComponentDocs[], publishing: boolean): EssaySourceContext {
  return { components: propsByComponent(docs), aggregates: readAggregates(root), unfinished: unfinishedByAggregate(readCatalog(root)), publishing };
}
