// What a see:set item's provenance card says, as plain strings (the card
// prints them as text): facts, texts, labels and every other field kept.
import { itemLicence } from './datasheet.ts';
import type { SeesetCollection, ShownItem } from './resolve.ts';

const LANG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/;
/** Fields the card shows in its own rows; everything else goes under "other fields". */
const SHOWN_META = new Set(['license', 'NSFW', 'width', 'height']);
const SHOWN_ITEM = new Set(['id', 'original_id', 'kind', 'meta', 'created_at', 'updated_at', 'files', 'texts', 'labels', 'dataset', 'index']);

export interface ItemProvenance {
  facts: [string, string][];
  texts: { text: string; lang: string | undefined; kind: string }[];
  labels: string[];
  extra: [string, string][];
}

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

export function itemProvenance(shown: ShownItem, collection: SeesetCollection): ItemProvenance {
  const { item, file } = shown;
  const sheet = collection.datasheet;
  const license = itemLicence(item.meta, sheet);
  const facts: [string, string][] = [
    ['Dataset', item.dataset],
    ['Item', `${item.id}${item.original_id != null ? ` (original id ${item.original_id})` : ''}`],
  ];
  if (item.kind) facts.push(['Split', item.kind]);
  facts.push(['Licence', license]);
  if (sheet.rightsHolder) facts.push(['Rights holder', sheet.rightsHolder]);
  facts.push(['Source', sheet.source]);
  facts.push(['File', `${file.name} (${file.mime}, sha256 ${file.sha256.slice(0, 12)}…)`]);
  if (item.meta['NSFW'] !== undefined) facts.push(['NSFW', show(item.meta['NSFW'])]);
  facts.push(['Collection', `${collection.file}, item ${item.index}${sheet.fixture ? ' (a test fixture)' : ''}`]);
  const texts = item.texts.map((t) => {
    const lang = typeof t['lang'] === 'string' && LANG.test(t['lang']) ? t['lang'] : undefined;
    const kind = typeof t['kind'] === 'string' ? t['kind'] : typeof t['type'] === 'string' ? t['type'] : 'text';
    return { text: t.text, lang, kind };
  });
  const labels = item.labels.map((l) => {
    const label = l['label'] ?? l['name'] ?? l['value'];
    const task = l['task'];
    const path = Array.isArray(l['taxonomy']) ? ` (${l['taxonomy'].map(String).join(' › ')})` : '';
    return `${task ? `${show(task)}: ` : ''}${label !== undefined ? show(label) : show(l)}${path}`;
  });
  const extra: [string, string][] = [
    ...Object.entries(item.meta).filter(([k]) => !SHOWN_META.has(k)).map(([k, v]): [string, string] => [`meta.${k}`, show(v)]),
    ...Object.entries(item).filter(([k]) => !SHOWN_ITEM.has(k)).map(([k, v]): [string, string] => [k, show(v)]),
  ];
  return { facts, texts, labels, extra };
}
