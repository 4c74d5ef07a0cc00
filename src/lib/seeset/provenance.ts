// What a see:set item's provenance card says, as plain strings (the card
// prints them as text): facts, texts, labels and every other field kept.
// What an export leaves empty or writes as "?" reads in plain words, never
// as "; ." or a bare "?".
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

/** The words printed for a field the export leaves empty or marks "?". */
export const NOT_STATED = 'not stated in the export';
export const NO_LABELS = 'no labels in the export';
export const NO_TEXTS = 'no texts in the export';

const unstated = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && (value.trim() === '' || value.trim() === '?'));

/** A value as text: plain words for empty or "?", JSON for anything but a string. */
export function showValue(value: unknown): string {
  if (unstated(value)) return NOT_STATED;
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}
const show = showValue;

export function itemProvenance(shown: ShownItem, collection: SeesetCollection): ItemProvenance {
  const { item, file } = shown;
  const sheet = collection.datasheet;
  const license = itemLicence(item.meta, sheet);
  const facts: [string, string][] = [
    ['Dataset', item.dataset],
    ['Item', `${item.id}${item.original_id != null ? ` (original id ${item.original_id})` : ''}`],
  ];
  if (item.kind) facts.push(['Split', item.kind]);
  facts.push(['Licence', unstated(license) ? `licence ${NOT_STATED}` : license]);
  if (sheet.rightsHolder && !unstated(sheet.rightsHolder)) facts.push(['Rights holder', sheet.rightsHolder]);
  facts.push(['Source', show(sheet.source)]);
  facts.push(['File', `${file.name} (${file.mime}, sha256 ${file.sha256.slice(0, 12)}…)`]);
  if (item.meta['NSFW'] !== undefined) facts.push(['NSFW', show(item.meta['NSFW'])]);
  facts.push(['Collection', `${collection.file}, item ${item.index}${sheet.fixture ? ' (a test fixture)' : ''}`]);
  const texts = item.texts.map((t) => {
    const lang = typeof t['lang'] === 'string' && LANG.test(t['lang']) ? t['lang'] : undefined;
    const kind = typeof t['kind'] === 'string' ? t['kind'] : typeof t['type'] === 'string' ? t['type'] : 'text';
    return { text: t.text, lang, kind };
  }).filter((t) => !unstated(t.text));
  const labels = item.labels.map((l) => {
    const label = l['label'] ?? l['name'] ?? l['value'];
    const task = l['task'];
    const path = Array.isArray(l['taxonomy']) && l['taxonomy'].length ? ` (${l['taxonomy'].map(String).join(' › ')})` : '';
    return `${task && !unstated(task) ? `${show(task)}: ` : ''}${label !== undefined ? (unstated(label) ? `label ${NOT_STATED}` : show(label)) : show(l)}${path}`;
  });
  if (texts.length === 0) facts.push(['Texts', NO_TEXTS]);
  if (labels.length === 0) facts.push(['Labels', NO_LABELS]);
  const extra: [string, string][] = [
    ...Object.entries(item.meta).filter(([k]) => !SHOWN_META.has(k)).map(([k, v]): [string, string] => [`meta.${k}`, show(v)]),
    ...Object.entries(item).filter(([k]) => !SHOWN_ITEM.has(k)).map(([k, v]): [string, string] => [k, show(v)]),
  ];
  // Export text may come decomposed (u + combining diaeresis): print it composed (NFC), the same text to a reader.
  const nfc = (s: string) => s.normalize('NFC');
  const pairs = (list: [string, string][]) => list.map(([k, v]): [string, string] => [nfc(k), nfc(v)]);
  return { facts: pairs(facts), texts: texts.map((t) => ({ ...t, text: nfc(t.text) })), labels: labels.map(nfc), extra: pairs(extra) };
}
