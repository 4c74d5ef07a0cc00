// Encoding and decoding of atlas sheets with sharp, shared by the image
// pipeline (scripts/images/pipeline.ts, which builds a gallery's sheets) and
// the per-grid atlases (grid-atlas.ts, which repack a sample's cells at build
// time). Build-time only: never imported by an island.
import sharp from 'sharp';

export type SheetFormat = 'png' | 'webp';

/** Raw pixels as sharp encodes them: greys (1 channel, PNG palette-friendly) or RGBA. */
export async function encodeSheet(raw: Uint8Array, width: number, height: number, channels: 1 | 4, format: SheetFormat, colours: number | undefined): Promise<Buffer> {
  const image = sharp(raw, { raw: { width, height, channels } });
  return format === 'png'
    ? image.png(colours ? { compressionLevel: 9, palette: true, colours, dither: 0 } : { compressionLevel: 9, adaptiveFiltering: true }).toBuffer()
    : image.webp({ quality: 82, alphaQuality: 90, effort: 4 }).toBuffer();
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
