// The gallery manifest: the typed contract between the image pipeline
// (scripts/images.ts writes src/generated/images/<dataset>/<collection>.json)
// and the grid components that read it at build time.
import { z } from 'zod';
import { datasetItemSchema } from './dataset-item.ts';

/** A scaled-down copy of a sheet (same cells, smaller): a preview or an overview. */
const smallSheetSchema = z.strictObject({
  src: z.string().startsWith('/'),
  safeSrc: z.string().startsWith('/').optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
});

export const sheetSchema = z.strictObject({
  /** Root-relative URL of the atlas image. */
  src: z.string().startsWith('/'),
  /** The same atlas with flagged cells blurred; shown until the reader lifts the warning. */
  safeSrc: z.string().startsWith('/').optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  columns: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** The same sheet with every cell scaled down (see the manifest's previewCellWidth): small grids draw from it. */
  preview: smallSheetSchema,
  /** Tiny cells (the manifest's overviewCellWidth) for grids of tens of thousands: only some galleries have it. */
  overview: smallSheetSchema.optional(),
  /**
   * The full-resolution sheet cut into tiles of `cells` x `cells` cells,
   * `columns` to a row, row-major (grid-tiles.ts): what a zoomed-in grid
   * fetches. Absent when the sheet is one tile.
   */
  tiles: z
    .strictObject({
      cells: z.number().int().positive(),
      columns: z.number().int().positive(),
      srcs: z.array(z.string().startsWith('/')).min(2),
      safeSrcs: z.array(z.string().startsWith('/')).optional(),
    })
    .optional(),
});

export const thumbnailSchema = z.strictObject({
  /** Sizes in px (square box) that exist for every format below. */
  sizes: z.array(z.number().int().positive()),
  /** `${base}-${size}.${format}`; the last format is the universal fallback. */
  base: z.string().startsWith('/'),
  formats: z.array(z.enum(['avif', 'webp', 'png'])),
  /** A tiny blurred preview as a data: URL, shown while loading and for flagged items. */
  placeholder: z.string().startsWith('data:image/'),
});

/**
 * Photo-grade copies of one item (see:set photo widgets): its own aspect at
 * several widths, never upscaled, plus square crops for grid tiles. Written
 * only for galleries that ask for them (GallerySpec.photos).
 */
export const photoSchema = z.strictObject({
  /** The source image's size in px (its aspect ratio). */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Widths written for every format, aspect kept: `${base}-w${w}.${format}` (ascending; the last is the largest). */
  widths: z.array(z.number().int().positive()).min(1),
  /** Square crops (px a side) for grid tiles: `${base}-s${side}.${format}` (ascending; may be empty). */
  squares: z.array(z.number().int().positive()),
  base: z.string().startsWith('/'),
  /** The last format is the universal fallback. */
  formats: z.array(z.enum(['avif', 'webp', 'jpeg', 'png'])).min(1),
  /** A tiny blurred preview as a data: URL (shown while loading and for flagged items). */
  placeholder: z.string().startsWith('data:image/'),
});

export const galleryManifestSchema = z.strictObject({
  dataset: z.string(),
  collection: z.string(),
  title: z.string(),
  /** Credit line shown under every gallery of this dataset (licence and attribution). */
  attribution: z.string(),
  license: z.string(),
  cellWidth: z.number().int().positive(),
  cellHeight: z.number().int().positive(),
  /** Cell size in the preview sheets (cellWidth / previewCellWidth is a whole number). */
  previewCellWidth: z.number().int().positive(),
  previewCellHeight: z.number().int().positive(),
  /** Draw cells pixelated (small greyscale digits) or smoothed (drawings). */
  pixelated: z.boolean(),
  /** Images fill their square (no transparency): placeholders can show behind them. */
  opaque: z.boolean(),
  /** PNG sheets are quantised to this many colours (MNIST: 16 greys); grids repacking cells encode the same way. */
  sheetColours: z.number().int().positive().optional(),
  /** Cell size in the overview sheets, when the gallery has them. */
  overviewCellWidth: z.number().int().positive().optional(),
  overviewCellHeight: z.number().int().positive().optional(),
  sheets: z.array(sheetSchema),
  /** Cell c is in sheet floor(c / perAtlas), at position c % perAtlas. */
  perAtlas: z.number().int().positive(),
  items: z.array(datasetItemSchema),
  /** The cell of each item (parallel to items; cells of failed images stay empty). */
  cells: z.array(z.number().int().nonnegative()),
  /** Per-item thumbnails (only for items pages show one by one), keyed by item id. */
  thumbnails: z.record(z.string(), thumbnailSchema),
  /** Photo-grade copies by item id (only galleries whose spec asks for them). */
  photos: z.record(z.string(), photoSchema).default({}),
  /** Items in the source, and how many the exclusion list removed. */
  total: z.number().int().nonnegative(),
  excluded: z.number().int().nonnegative(),
});

export type GallerySheet = z.infer<typeof sheetSchema>;
export type Thumbnail = z.infer<typeof thumbnailSchema>;
export type Photo = z.infer<typeof photoSchema>;
export type PhotoFormat = Photo['formats'][number];

/** `srcset` for one format of a photo: its aspect-kept widths, or its square crops. */
export function photoSrcset(photo: Photo, format: PhotoFormat, shape: 'aspect' | 'square' = 'aspect'): string {
  const list = shape === 'square' ? photo.squares : photo.widths;
  return list.map((w) => `${photo.base}-${shape === 'square' ? 's' : 'w'}${w}.${format} ${w}w`).join(', ');
}

/** The URL of one copy: the smallest of `shape` at least `px` wide (else the largest), in `format` (default: the fallback). */
export function photoUrl(photo: Photo, px: number, shape: 'aspect' | 'square' = 'aspect', format: PhotoFormat = photo.formats[photo.formats.length - 1]!): string {
  const list = shape === 'square' ? photo.squares : photo.widths;
  if (list.length === 0) throw new Error(`photo ${photo.base} has no ${shape} copies`);
  const w = list.find((x) => x >= px) ?? list[list.length - 1]!;
  return `${photo.base}-${shape === 'square' ? 's' : 'w'}${w}.${format}`;
}

/** Height of the aspect-kept copy `width` px wide (as written: rounded). */
export function photoHeight(photo: Photo, width: number): number {
  return Math.max(1, Math.round((width * photo.height) / photo.width));
}
export type GalleryManifest = z.infer<typeof galleryManifestSchema>;

export function manifestPath(dataset: string, collection: string): string {
  return `src/generated/images/${dataset}/${collection}.json`;
}

/** Where cell `i` of a gallery sits (a cell index, see `cells`): sheet index and pixel offset. */
export function cellOf(m: Pick<GalleryManifest, 'perAtlas' | 'cellWidth' | 'cellHeight'> & { sheets: readonly { columns: number }[] }, i: number): { sheet: number; x: number; y: number } {
  const sheet = Math.floor(i / m.perAtlas);
  const k = i % m.perAtlas;
  const columns = m.sheets[sheet]?.columns ?? 1;
  return { sheet, x: (k % columns) * m.cellWidth, y: Math.floor(k / columns) * m.cellHeight };
}
