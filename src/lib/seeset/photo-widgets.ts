// What the see:set photo widgets ask the image pipeline for, shared by the
// request (scripts/images/seeset.ts) and the components that read the
// manifest's `photos`, so the two never disagree.
import type { PhotoFormat } from '../images/gallery.ts';
import type { DatasetItem } from '../images/dataset-item.ts';

/**
 * A grid of at most this many items is drawn as real <img> tiles from
 * photo-grade copies (SeesetPhotoGrid); a larger one stays on ImageGrid's
 * canvas atlas, which draws thousands of cells from a few files. 240 tiles of
 * ~20-40 KB each is a page of a few MB, loaded lazily as the reader scrolls.
 */
export const GRID_PHOTO_LIMIT = 240;

/** Aspect-kept widths: a 390 px phone at 1x-3x up to a 1280 px screen's detail view at 1.5x. */
export const PHOTO_WIDTHS = [320, 640, 960, 1280, 1920];
/** Square crops for grid tiles: 2-6 columns at 390-1280 px, at 1x-3x. */
export const PHOTO_SQUARES = [160, 240, 320, 480];
/** Preferred first; the last is the fallback every browser reads. */
export const PHOTO_FORMATS: PhotoFormat[] = ['avif', 'webp'];

/** Whether a grid of `count` items is drawn from photo tiles (else from the canvas atlas). */
export function gridShowsPhotos(count: number): boolean {
  return count <= GRID_PHOTO_LIMIT;
}

/** A text alternative for an item's image: its English text, else its first text, else its labels, else its id. */
export function itemAlt(item: Pick<DatasetItem, 'id' | 'texts' | 'labels'>): string {
  const text = item.texts.find((t) => t.lang === 'en')?.text ?? item.texts[0]?.text;
  if (text) return text;
  if (item.labels.length) return item.labels.map((l) => `${l.task}: ${l.label}`).join('; ');
  return `Item ${item.id}`;
}
