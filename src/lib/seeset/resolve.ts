// Resolves an essay's widget declarations against its collections: which
// items each grid, carousel or single image shows, and which are flagged.
import { AuthorError } from '../author-error.ts';
import type { CollectionItem, ExportFile } from './collection-export.ts';
import type { CollectionDatasheet } from './datasheet.ts';
import { flagReasons } from './flags.ts';
import { containedPath } from '../contained-path.ts';
import { parseImagePath, type WidgetDeclaration } from './widgets.ts';

export interface SeesetCollection {
  /** The export's number (or name): `collections/<id>.json`. */
  id: string;
  /** Path of the export, relative to the project root. */
  file: string;
  /** Absolute folder holding its images: `collections/<id>/files/`. */
  filesDir: string;
  items: CollectionItem[];
  datasheet: CollectionDatasheet;
  /** sha256 of images that must never be published (collections/<id>/exclude-sha256.txt). */
  excluded: ReadonlySet<string>;
}

/** One item as a widget shows it: through one of its files. */
export interface ShownItem {
  collection: string;
  item: CollectionItem;
  file: ExportFile;
  fileIndex: number;
  /** Absolute path of the image on disk. */
  path: string;
  /** Why it sits behind a content warning; empty when it does not. */
  flags: string[];
}

export type ResolvedWidget =
  | { key: string; kind: 'grid' | 'carousel'; caption: string; collection: SeesetCollection; items: ShownItem[] }
  | { key: string; kind: 'image'; caption: string; collection: SeesetCollection; item: ShownItem };

export function showItem(collection: SeesetCollection, item: CollectionItem, fileIndex: number): ShownItem {
  const file = item.files[fileIndex]!;
  return {
    collection: collection.id,
    item,
    file,
    fileIndex,
    path: containedPath(collection.filesDir, file.name, { file: collection.file, field: `data[${item.index}].files[${fileIndex}].name` }),
    flags: flagReasons(item, file, collection.datasheet.flag),
  };
}

/** Finds the collection an imagePath names: by export number, else by dataset name. */
function findItem(source: string, itemId: string, collections: ReadonlyMap<string, SeesetCollection>, exact?: string) {
  const direct = collections.get(exact ?? source);
  const candidates = direct ? [direct] : [...collections.values()].filter((c) => c.items.some((i) => i.dataset === source));
  for (const collection of candidates) {
    const item = collection.items.find((i) => String(i.id) === itemId && (direct !== undefined || i.dataset === source));
    if (item) return { collection, item };
  }
  return { collection: candidates[0], item: undefined };
}

export function resolveWidgets(
  widgets: Readonly<Record<string, WidgetDeclaration>>,
  collections: ReadonlyMap<string, SeesetCollection>,
  keyLines: ReadonlyMap<string, number>,
  file: string,
  /** The collection an image widget's imagePath names exactly (a single-item export), by widget key. */
  exact: ReadonlyMap<string, string> = new Map(),
): Map<string, ResolvedWidget> {
  const available = [...collections.keys()].map((id) => `collections/${id}.json`).join(', ') || 'none';
  const resolved = new Map<string, ResolvedWidget>();
  for (const widget of Object.values(widgets)) {
    const line = keyLines.get(widget.key);
    if (widget.kind !== 'image') {
      const collection = collections.get(widget.collection);
      if (!collection) {
        throw new AuthorError(`${widget.key} shows collection ${widget.collection}, but there is no collections/${widget.collection}.json`, {
          file, line, field: `${widget.key}.collection`, hint: `put the export beside the essay in collections/${widget.collection}.json (found: ${available})`,
        });
      }
      const items = collection.items
        .filter((item) => item.files.length > 0 && !collection.excluded.has(item.files[0]!.sha256.toLowerCase()))
        .map((item) => showItem(collection, item, 0));
      if (items.length === 0) {
        throw new AuthorError(`${widget.key}: collection ${collection.id} has no items with files`, { file, line, field: `${widget.key}.collection`, hint: 'export a collection that holds images' });
      }
      resolved.set(widget.key, { key: widget.key, kind: widget.kind, caption: widget.caption, collection, items });
      continue;
    }
    const { source, itemId } = parseImagePath(widget.imagePath);
    const { collection, item } = findItem(source, itemId, collections, exact.get(widget.key));
    if (!collection) {
      throw new AuthorError(`${widget.key}: imagePath names "${source}", which is neither a collection export nor a dataset in one`, {
        file, line, field: `${widget.key}.imagePath`, hint: `imagePath is "<base>/<collection-or-dataset>/<item id>"; collections here: ${available}`,
      });
    }
    if (!item) {
      throw new AuthorError(`${widget.key}: no item with id ${itemId} in ${collection.file}`, {
        file, line, field: `${widget.key}.imagePath`, hint: 'check the item id at the end of imagePath against the "id" fields of the export',
      });
    }
    const fileIndex = widget.fileIndex ?? 0;
    if (fileIndex >= item.files.length) {
      throw new AuthorError(`${widget.key}: item ${itemId} has ${item.files.length} file(s), so fileIndex ${fileIndex} does not exist`, {
        file, line, field: `${widget.key}.fileIndex`, hint: `fileIndex counts from 0; use 0 to ${Math.max(0, item.files.length - 1)}`,
      });
    }
    if (collection.excluded.has(item.files[fileIndex]!.sha256.toLowerCase())) {
      throw new AuthorError(`${widget.key}: item ${itemId} is on the exclusion list of collection ${collection.id}, so it is never published`, {
        file, line, field: `${widget.key}.imagePath`, hint: `choose another item, or remove its hash from collections/${collection.id}/exclude-sha256.txt`,
      });
    }
    resolved.set(widget.key, { key: widget.key, kind: 'image', caption: widget.caption, collection, item: showItem(collection, item, fileIndex) });
  }
  return resolved;
}
