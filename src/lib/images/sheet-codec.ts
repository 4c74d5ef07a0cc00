// Encoding and decoding of atlas sheets with sharp, shared by the image
// pipeline (scripts/images/pipeline.ts, which builds a gallery's sheets) and
// the per-grid atlases (grid-atlas.ts, which repack a sample's cells at build
// time). Build-time only: never imported by an island.
import sharp from 'sharp';

export type SheetFormat = 'png' | 'webp';

/**
 * Greys rounded to `levels` evenly spaced values (0, 255/(levels-1), ..., 255).
 * Grey PNG sheets with a palette are quantised this way rather than by
 * libimagequant: its palette follows the histogram (many dark greys for MNIST's
 * black backgrounds), which costs entropy; 16 even greys compress about 11%
 * smaller (mnist/all's overview sheets: 407 -> 361 KB) and look the same at
 * the sizes a grid draws. Rounding even greys again changes nothing, so a
 * per-grid atlas repacked from these sheets keeps their pixels.
 */
export function evenGreys(raw: Uint8Array, levels: number): Uint8Array {
  if (!Number.isInteger(levels) || levels < 2 || levels > 256) throw new RangeError(`levels must be a whole number from 2 to 256, got ${levels}`);
  const step = 255 / (levels - 1);
  const table = new Uint8Array(256);
  for (let v = 0; v < 256; v++) table[v] = Math.round(Math.round(v / step) * step);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = table[raw[i]!]!;
  return out;
}

/** Raw pixels as sharp encodes them: greys (1 channel, PNG palette-friendly) or RGBA. */
export async function encodeSheet(raw: Uint8Array, width: number, height: number, channels: 1 | 4, format: SheetFormat, colours: number | undefined): Promise<Buffer> {
  const pixels = format === 'png' && colours && channels === 1 ? evenGreys(raw, colours) : raw;
  const image = sharp(pixels, { raw: { width, height, channels } });
  return format === 'png'
    ? image.png(colours ? { compressionLevel: 9, palette: true, colours, dither: 0 } : { compressionLevel: 9, adaptiveFiltering: true }).toBuffer()
    : image.webp({ quality: 82, alphaQuality: 90, effort: 4 }).toBuffer();
}

/**
 * Greys as a lossless 8-bit greyscale PNG. Without the explicit colour space
 * sharp writes one-channel input as RGB: three bytes a pixel for the same
 * greys (the DigitRows sheets of ways-to-see were 30 KB instead of 20).
 */
export function encodeGreyPng(raw: Uint8Array, width: number, height: number): Promise<Buffer> {
  return sharp(raw, { raw: { width, height, channels: 1 } }).toColourspace('b-w').png({ compressionLevel: 9 }).toBuffer();
}

/** The sheet scaled down by `scale` (cell boundaries stay on whole pixels because cells divide by it). */
export async function shrinkSheet(raw: Uint8Array, width: number, height: number, channels: 1 | 4, scale: number): Promise<Uint8Array> {
  if (scale === 1) return raw;
  const resized = sharp(raw, { raw: { width, height, channels } }).resize(width / scale, height / scale, { fit: 'fill', kernel: 'lanczos3' });
  const { data, info } = await (channels === 1 ? resized.toColourspace('b-w') : resized.ensureAlpha()).raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== channels) throw new Error(`preview sheet decoded to ${info.channels} channels, expected ${channels}`);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Decodes an encoded sheet file to raw pixels with `channels` channels (greys or RGBA). */
export async function decodeSheet(file: string, channels: 1 | 4): Promise<{ data: Uint8Array; width: number; height: number }> {
  const image = sharp(file);
  const out = channels === 1 ? image.toColourspace('b-w').removeAlpha() : image.ensureAlpha();
  const { data, info } = await out.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== channels) throw new Error(`${file} decoded to ${info.channels} channels, expected ${channels}`);
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}
