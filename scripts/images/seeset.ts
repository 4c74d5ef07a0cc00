// see:set collections as gallery sources: every essay in content/seeset/
// (folder or series file) gives one gallery per collection export (the first file of
// each item), plus `<n>-files` for further files that image widgets show.
// Thumbnails are made for what carousels and single images show; photo-grade
// copies for those too and for every item of a grid small enough to be drawn
// as photo tiles (GRID_PHOTO_LIMIT).
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { GallerySpec, ImageSource } from './pipeline.ts';
import { seesetGalleryCollection, seesetGalleryDataset, seesetGalleryId, toDatasetItem } from '../../src/lib/seeset/dataset-item.ts';
import { showItem, type SeesetCollection, type ShownItem } from '../../src/lib/seeset/resolve.ts';
import { gridShowsPhotos, PHOTO_FORMATS, PHOTO_SQUARES, PHOTO_WIDTHS } from '../../src/lib/seeset/photo-widgets.ts';
import { essayCollections, resolveSeesetEssay, SEESET_DIR, seesetLayout, type SeesetEssayLocation } from '../../src/loaders/seeset-files.ts';

function source(shown: ShownItem, collection: SeesetCollection, dataset: string): ImageSource {
  const path = relative(process.cwd(), shown.path);
  return {
    file: path,
    item: toDatasetItem(shown, collection, dataset, { path, size: statSync(shown.path).size }),
    load: async () => ({ kind: 'encoded', data: readFileSync(shown.path) }),
  };
}

/** Small images (MNIST-sized) are drawn pixelated in 28 px cells; the rest in 64 px cells. */
function cellSize(shown: readonly ShownItem[]): { size: number; pixelated: boolean } {
  const side = (s: ShownItem) => Math.max(Number(s.file.meta['width'] ?? s.item.meta['width'] ?? 0), Number(s.file.meta['height'] ?? s.item.meta['height'] ?? 0));
  const small = shown.length > 0 && shown.every((s) => side(s) > 0 && side(s) <= 32);
  return small ? { size: 28, pixelated: true } : { size: 64, pixelated: false };
}

function spec(slug: string, collection: SeesetCollection, fileIndexGallery: boolean, shown: ShownItem[], thumbnailIds: Set<string>, photoIds: Set<string>): GallerySpec {
  const dataset = seesetGalleryDataset(slug);
  const sheet = collection.datasheet;
  const { size, pixelated } = cellSize(shown);
  return {
    dataset,
    collection: fileIndexGallery ? seesetGalleryCollection(collection.id, 1) : collection.id,
    title: sheet.title,
    attribution: `${sheet.title}: ${sheet.source}${sheet.rightsHolder ? `; rights: ${sheet.rightsHolder}` : ''}; licence ${sheet.license}`,
    license: sheet.license,
    cellWidth: size,
    cellHeight: size,
    channels: 4,
    pixelated,
    perAtlas: 1024,
    sheetFormat: 'webp',
    sources: shown.map((s) => source(s, collection, dataset)),
    // Excluded items are already left out of `shown`; the pipeline checks again.
    exclude: collection.excluded,
    thumbnails: { ids: thumbnailIds, sizes: [64, 128, 256], formats: ['avif', 'webp', 'png'] },
    ...(photoIds.size ? { photos: { ids: photoIds, widths: PHOTO_WIDTHS, squares: PHOTO_SQUARES, formats: PHOTO_FORMATS } } : {}),
  };
}

/** One spec per see:set collection an essay brings (and per collection whose further files are shown). */
export function seesetGallerySpecs(root = SEESET_DIR): (() => GallerySpec)[] {
  return seesetLayout(root).essays.flatMap((location) => specsForEssay(location));
}

function specsForEssay(location: SeesetEssayLocation): (() => GallerySpec)[] {
  // An invalid essay fails here with the same AuthorError (file:line) the site build gives.
  const resolved = resolveSeesetEssay(location);
  const collections = essayCollections(location);
  const slug = location.id;
  return [...collections.values()].flatMap((collection) => {
    const used = [...resolved.values()].filter((w) => w.collection.id === collection.id);
    const first = collection.items
      .filter((item) => item.files.length > 0 && !collection.excluded.has(item.files[0]!.sha256.toLowerCase()))
      .map((item) => showItem(collection, item, 0));
    const thumbs = new Set<string>();
    // Photo-grade copies: what carousels and single images show, and every
    // item of a grid drawn as photo tiles (flagged items too: their tiles
    // stay blurred until the reader lifts the warning).
    const photos = new Set<string>();
    const further: ShownItem[] = [];
    for (const widget of used) {
      if (widget.kind === 'carousel') {
        for (const id of widget.items.map(seesetGalleryId)) {
          thumbs.add(id);
          photos.add(id);
        }
      }
      if (widget.kind === 'grid' && gridShowsPhotos(widget.items.length)) for (const s of widget.items) photos.add(seesetGalleryId(s));
      if (widget.kind === 'image' && widget.item.fileIndex > 0) further.push(widget.item);
      else if (widget.kind === 'image') {
        thumbs.add(seesetGalleryId(widget.item));
        photos.add(seesetGalleryId(widget.item));
      }
    }
    const out = [() => spec(slug, collection, false, first, thumbs, photos)];
    if (further.length) {
      const ids = new Set(further.map(seesetGalleryId));
      out.push(() => spec(slug, collection, true, further, ids, ids));
    }
    return out;
  });
}
