// Reads a gallery manifest written by `npm run images`, once per build.
import { existsSync, readFileSync } from 'node:fs';
import { AuthorError } from '../author-error.ts';
import { galleryManifestSchema, manifestPath, type GalleryManifest } from './gallery.ts';
import { datasetHref } from '../provenance.ts';

const loaded = new Map<string, GalleryManifest>();

export function loadGallery(dataset: string, collection: string, usedIn = 'an essay'): GalleryManifest {
  const key = `${dataset}/${collection}`;
  const hit = loaded.get(key);
  if (hit) return hit;
  const file = manifestPath(dataset, collection);
  if (!existsSync(file)) {
    throw new AuthorError(`no gallery "${key}" (${file} is missing)`, {
      file: usedIn,
      field: 'dataset/collection',
      hint: 'run `npm run images` (build and dev run it first); known galleries: mnist/test, mnist/all, openmoji/all (for the MNIST training set alone, use mnist/all with a filter on split)',
    });
  }
  const parsed = galleryManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new AuthorError(`gallery manifest ${file} is out of date or damaged (${parsed.error.issues[0]?.message ?? 'invalid'})`, {
      file: usedIn,
      field: 'dataset/collection',
      hint: 'run `npm run images` to rebuild it',
    });
  }
  const manifest = parsed.data;
  loaded.set(key, manifest);
  return manifest;
}

/** Index of an item by id, or an AuthorError naming the gallery. */
export function itemIndex(m: GalleryManifest, id: string, usedIn = 'an essay'): number {
  const i = m.items.findIndex((it) => it.id === id);
  if (i < 0) {
    throw new AuthorError(`no item "${id}" in gallery ${m.dataset}/${m.collection}`, {
      file: usedIn,
      field: 'id',
      hint: `use an id from ${manifestPath(m.dataset, m.collection)} (e.g. "${m.items[0]?.id ?? ''}"); excluded items have no id on the site`,
    });
  }
  return i;
}

/**
 * The dataset's page, once the site builds dataset pages (src/pages/datasets/);
 * until then undefined, and components name the datasheet file instead of
 * linking to a page that does not exist.
 */
export function datasheetHref(dataset: string): string | undefined {
  return existsSync('src/pages/datasets') ? datasetHref(dataset) : undefined;
}
