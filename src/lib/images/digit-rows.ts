// Rows of small greyscale images for an essay figure: MNIST digits named by
// id ("train-123", "test-45", the ids the aggregates and galleries use) or
// given as pixels (e.g. a class's mean image). Pure: the caller passes the
// decoded idx files; encoding to PNG happens in the component.
import type { IdxImages } from './idx.ts';

export interface DigitItem {
  /** A dataset item id, "train-<i>" or "test-<i>" (0-based index in the idx file). */
  id?: string;
  /** Or the image itself: width x height values 0-255, row by row (0 = background). */
  pixels?: readonly number[];
  /** Short text under the image (untrusted text is fine: rendered as text). */
  caption?: string;
  /** What the image shows, for screen readers (defaults to the caption and label). */
  alt?: string;
}

export interface DigitRow {
  /** Row heading, e.g. "4" or "pair 3". */
  label: string;
  items: readonly DigitItem[];
}

export interface IdxSplit extends IdxImages {
  labels: Uint8Array;
}

export type SplitName = 'train' | 'test';
export const DIGIT_ID = /^(train|test)-(\d+)$/;

/** Parses "train-123" into its split and index, or explains what is wrong. */
export function parseDigitId(id: string): { split: SplitName; index: number } | { error: string } {
  const m = DIGIT_ID.exec(id);
  if (!m) return { error: `"${id}" is not an item id like "train-123" or "test-45"` };
  return { split: m[1] as SplitName, index: Number(m[2]) };
}

export interface ResolvedDigit {
  pixels: Uint8Array;
  width: number;
  height: number;
  /** The dataset's label for this image (undefined for given pixels). */
  label: number | undefined;
  id: string | undefined;
  caption: string | undefined;
  alt: string;
}

/** Looks up every item: ids in the splits (with their labels), pixels as given. Throws a plain Error naming the item. */
export function resolveDigits(rows: readonly DigitRow[], splits: (name: SplitName) => IdxSplit): ResolvedDigit[][] {
  return rows.map((row, r) =>
    row.items.map((item, k) => {
      const where = `row ${r} ("${row.label}"), item ${k}`;
      if (item.pixels) {
        const side = Math.round(Math.sqrt(item.pixels.length));
        if (side * side !== item.pixels.length) throw new Error(`${where}: ${item.pixels.length} pixels do not make a square image`);
        if (item.pixels.some((v) => !(v >= 0 && v <= 255))) throw new Error(`${where}: pixel values must be 0-255`);
        return { pixels: Uint8Array.from(item.pixels, (v) => Math.round(v)), width: side, height: side, label: undefined, id: item.id, caption: item.caption, alt: item.alt ?? `${row.label}${item.caption ? `, ${item.caption}` : ''}` };
      }
      if (!item.id) throw new Error(`${where}: give either an id or pixels`);
      const parsed = parseDigitId(item.id);
      if ('error' in parsed) throw new Error(`${where}: ${parsed.error}`);
      const s = splits(parsed.split);
      if (parsed.index >= s.count) throw new Error(`${where}: "${item.id}" is past the end of the ${parsed.split} split (${s.count} images)`);
      const size = s.rows * s.cols;
      const label = s.labels[parsed.index]!;
      return {
        pixels: s.pixels.subarray(parsed.index * size, (parsed.index + 1) * size),
        width: s.cols,
        height: s.rows,
        label,
        id: item.id,
        caption: item.caption,
        alt: item.alt ?? `A handwritten digit labelled ${label} (${item.id})${item.caption ? `, ${item.caption}` : ''}`,
      };
    }),
  );
}

export interface DigitSheet {
  width: number;
  height: number;
  /** Greyscale, one byte per pixel, row by row; 0 where no image is. */
  pixels: Uint8Array;
  /** Where each image sits in the sheet, by row and item, in sheet pixels. */
  cells: { x: number; y: number }[][];
}

/**
 * Packs a figure's images into one sheet, a figure row per sheet row, so the
 * page fetches one small file however many images the figure shows (each
 * <img> shows its own cell of it). Cells are as large as the largest image.
 */
export function packDigitSheet(rows: readonly (readonly Pick<ResolvedDigit, 'pixels' | 'width' | 'height'>[])[]): DigitSheet {
  const cellWidth = Math.max(1, ...rows.flat().map((d) => d.width));
  const cellHeight = Math.max(1, ...rows.flat().map((d) => d.height));
  const width = cellWidth * Math.max(1, ...rows.map((row) => row.length));
  const height = cellHeight * Math.max(1, rows.length);
  const pixels = new Uint8Array(width * height);
  const cells = rows.map((row, r) =>
    row.map((d, k) => {
      const x = k * cellWidth;
      const y = r * cellHeight;
      for (let line = 0; line < d.height; line++) pixels.set(d.pixels.subarray(line * d.width, (line + 1) * d.width), (y + line) * width + x);
      return { x, y };
    }),
  );
  return { width, height, pixels, cells };
}
