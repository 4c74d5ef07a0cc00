// A see:set item, shown through one of its files, as our typed dataset item
// (src/lib/images/dataset-item.ts), so the image pipeline and the grid
// components treat it like any other dataset. What our schema has no field
// for stays in the export and on the item's provenance card.
import { itemLicence } from './datasheet.ts';
import { AuthorError } from '../author-error.ts';
import { TEXT_KINDS, type DatasetItemInput } from '../images/dataset-item.ts';
import type { SeesetCollection, ShownItem } from './resolve.ts';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const LANG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/;
type TextKind = (typeof TEXT_KINDS)[number];

/** The gallery (image pipeline "dataset") of a see:set essay's collections. */
export function seesetGalleryDataset(slug: string): string {
  return `seeset-${slug}`;
}

/** Gallery collection names: first files make `<n>`, further files `<n>-files`. */
export function seesetGalleryCollection(collectionId: string, fileIndex: number): string {
  return fileIndex === 0 ? collectionId : `${collectionId}-files`;
}

/** The id of a shown item in its gallery: the item id, plus `.k` for file k > 0. */
export function seesetGalleryId(shown: Pick<ShownItem, 'item' | 'fileIndex'>): string {
  return shown.fileIndex === 0 ? String(shown.item.id) : `${shown.item.id}.${shown.fileIndex}`;
}

const textKind = (value: unknown): TextKind => (TEXT_KINDS as readonly unknown[]).includes(value) ? (value as TextKind) : 'caption';
const positiveInt = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);

/**
 * `file` is where the image lives relative to the project root and its size
 * in bytes (the only facts read from disk).
 */
export function toDatasetItem(shown: ShownItem, collection: SeesetCollection, dataset: string, file: { path: string; size: number }): DatasetItemInput {
  const { item } = shown;
  const id = seesetGalleryId(shown);
  if (!ID.test(String(item.id))) {
    throw new AuthorError(`item ${item.index}: id "${item.id}" must be letters, digits, ".", "_" or "-"`, { file: collection.file, field: `data[${item.index}].id`, hint: 'see:set ids are numbers; keep them as exported' });
  }
  const sheet = collection.datasheet;
  const license = itemLicence(item.meta, sheet);
  const width = positiveInt(shown.file.meta['width']) ?? positiveInt(item.meta['width']);
  const height = positiveInt(shown.file.meta['height']) ?? positiveInt(item.meta['height']);
  const scores = Object.fromEntries(Object.entries(item.meta).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])));
  return {
    id,
    originalId: String(item.original_id ?? item.id),
    dataset,
    ...(item.kind ? { split: item.kind } : {}),
    license,
    rightsHolder: sheet.rightsHolder ?? 'not stated in the export',
    file: {
      sha256: shown.file.sha256.toLowerCase(),
      path: file.path,
      mime: shown.file.mime.toLowerCase(),
      size: file.size,
      ...(width ? { width } : {}),
      ...(height ? { height } : {}),
    },
    texts: item.texts.map((t) => ({ text: t.text, lang: typeof t['lang'] === 'string' && LANG.test(t['lang']) ? t['lang'] : 'und', kind: textKind(t['kind']) })),
    labels: item.labels.flatMap((l) => {
      const label = l['label'] ?? l['name'] ?? l['value'];
      if (label === undefined || label === null || String(label) === '') return [];
      return [{ task: typeof l['task'] === 'string' && l['task'] ? l['task'] : 'label', label: String(label), taxonomy: Array.isArray(l['taxonomy']) ? l['taxonomy'].map(String) : [] }];
    }),
    flags: shown.flags.length ? ['content-warning'] : [],
    ...(shown.flags.length ? { flagReason: shown.flags.join('; ') } : {}),
    scores,
  };
}
