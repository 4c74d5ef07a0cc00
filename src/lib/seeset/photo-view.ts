// How a see:set photo widget draws one item: the <picture> sources, fallback
// URL and intrinsic size, from the gallery's photo-grade copies
// (manifest.photos) or, when the pipeline wrote none for the item, from its
// square thumbnails. Pure: the carousel and single image render the result.
import { photoHeight, photoSrcset, photoUrl, type GalleryManifest, type Photo, type Thumbnail } from '../images/gallery.ts';

const MIME: Record<string, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' };

export interface PhotoView {
  /** One <source> per format but the last (the fallback, on the <img>). */
  sources: { type: string; srcset: string }[];
  src: string;
  srcset: string;
  /** Intrinsic size of `src`, for width/height attributes (no layout shift). */
  width: number;
  height: number;
  /** True when drawn from the photo-grade copies, false for the thumbnail fallback. */
  photo: boolean;
}

type Copies = Pick<GalleryManifest, 'photos' | 'thumbnails'>;

/** Below this many px AVIF's container outweighs its savings (a 28 px digit: 432 B AVIF, 280 B WebP): the fallback alone. */
const TINY = 64;
const photoSources = (photo: Photo, largest: number, shape: 'aspect' | 'square') =>
  largest < TINY ? [] : photo.formats.slice(0, -1).map((f) => ({ type: MIME[f]!, srcset: photoSrcset(photo, f, shape) }));

function fromThumbnail(thumb: Thumbnail, px: number): PhotoView {
  const fallback = thumb.formats[thumb.formats.length - 1]!;
  const size = thumb.sizes.find((s) => s >= px) ?? Math.max(...thumb.sizes);
  const set = (format: string) => thumb.sizes.map((s) => `${thumb.base}-${s}.${format} ${s}w`).join(', ');
  return {
    sources: thumb.formats.slice(0, -1).map((f) => ({ type: MIME[f]!, srcset: set(f) })),
    src: `${thumb.base}-${size}.${fallback}`,
    srcset: set(fallback),
    width: size,
    height: size,
    photo: false,
  };
}

/**
 * The item at its own aspect, for a box about `px` CSS px wide (the largest
 * copy when none is that wide). Undefined when the gallery has neither a photo
 * nor a thumbnail for the id.
 */
export function aspectView(m: Copies, id: string, px: number): PhotoView | undefined {
  const photo = m.photos[id];
  if (!photo) {
    const thumb = m.thumbnails[id];
    return thumb ? fromThumbnail(thumb, px) : undefined;
  }
  const fallback = photo.formats[photo.formats.length - 1]!;
  const src = photoUrl(photo, px);
  const width = photo.widths.find((w) => w >= px) ?? photo.widths[photo.widths.length - 1]!;
  return {
    sources: photoSources(photo, photo.widths[photo.widths.length - 1]!, 'aspect'),
    src,
    srcset: photoSrcset(photo, fallback),
    width,
    height: photoHeight(photo, width),
    photo: true,
  };
}

/** A square crop about `px` px a side (navigation thumbnails); the thumbnail box when there is no crop. */
export function squareView(m: Copies, id: string, px: number): PhotoView | undefined {
  const photo = m.photos[id];
  if (!photo || photo.squares.length === 0) {
    const thumb = m.thumbnails[id];
    return thumb ? fromThumbnail(thumb, px) : undefined;
  }
  const fallback = photo.formats[photo.formats.length - 1]!;
  const side = photo.squares.find((s) => s >= px) ?? photo.squares[photo.squares.length - 1]!;
  return {
    sources: photoSources(photo, photo.squares[photo.squares.length - 1]!, 'square'),
    src: photoUrl(photo, px, 'square'),
    srcset: photoSrcset(photo, fallback, 'square'),
    width: side,
    height: side,
    photo: true,
  };
}

/**
 * The carousel's stage, as height / width: the tallest item's aspect, so no
 * slide is cropped and the stage never changes height between slides, kept
 * between 9:16 landscape and 4:3 portrait (taller photos are letterboxed).
 */
export function stageRatio(sizes: readonly { width: number; height: number }[]): number {
  const tallest = Math.max(...sizes.map((s) => s.height / s.width));
  if (!Number.isFinite(tallest)) return 1;
  return Math.min(4 / 3, Math.max(9 / 16, tallest));
}

/**
 * Alt text from an item's first non-empty text (the export's own words about
 * the image), cut at a word near `max` characters; `fallback` when it has none.
 * The whole text is printed beside the image, so the alt stays short.
 */
export function photoAlt(texts: readonly { text: string }[], fallback: string, max = 160): string {
  const text = texts.map((t) => t.text.replace(/\s+/g, ' ').trim()).find((t) => t !== '' && t !== '?');
  if (!text) return fallback;
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
