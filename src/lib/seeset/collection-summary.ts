// Counts that describe a see:set collection on its datasheet page.
import { flagReasons } from './flags.ts';
import type { SeesetCollection } from './resolve.ts';

export interface CollectionSummary {
  items: number;
  datasets: string[];
  /** [split, count], in order of first appearance; items without `kind` are "(none)". */
  splits: [string, number][];
  texts: number;
  flagged: number;
  excluded: number;
}

export function collectionSummary(collection: SeesetCollection): CollectionSummary {
  const splits = new Map<string, number>();
  let texts = 0;
  let flagged = 0;
  let excluded = 0;
  for (const item of collection.items) {
    const split = item.kind ?? '(none)';
    splits.set(split, (splits.get(split) ?? 0) + 1);
    texts += item.texts.length;
    if (flagReasons(item, item.files[0], collection.datasheet.flag).length) flagged++;
    if (item.files.some((f) => collection.excluded.has(f.sha256.toLowerCase()))) excluded++;
  }
  return { items: collection.items.length, datasets: [...new Set(collection.items.map((i) => i.dataset))], splits: [...splits], texts, flagged, excluded };
}
