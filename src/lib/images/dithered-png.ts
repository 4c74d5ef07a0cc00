// Resizing a dithered cover (a palette PNG of a few greys, as `npm run cover`
// makes) the usual way averages its dots into greys that compress badly and
// blur the look: a 1-bit 1200 px cover becomes a 60-160 KB WebP. Instead,
// scale the greys down and dither again at the target size, into a palette
// PNG of the same few greys: the same look, a fraction of the bytes.
import sharp from 'sharp';
import { dither } from './dither.ts';

/** The grey levels of a palette PNG of at most 16 greys, or undefined for any other image. */
export async function ditheredGreys(input: Buffer): Promise<number | undefined> {
  const meta = await sharp(input).metadata();
  if (meta.format !== 'png' || !meta.isPalette || (meta.bitsPerSample ?? 8) > 4) return undefined;
  const { data, info } = await sharp(input).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const greys = new Set<number>();
  for (let i = 0; i < data.length; i += info.channels) {
    const r = data[i]!;
    if (info.channels >= 3 && (data[i + 1] !== r || data[i + 2] !== r)) return undefined;
    greys.add(r);
    if (greys.size > 16) return undefined;
  }
  return Math.max(2, greys.size);
}

/**
 * `input` (a dithered palette PNG, see ditheredGreys) at `width` px wide, dithered
 * again (Floyd-Steinberg) into a palette PNG of as many greys; undefined when
 * `input` is not such an image. Deterministic: same input, same bytes.
 */
export async function resizeDitheredPng(input: Buffer, width: number | undefined): Promise<Buffer | undefined> {
  const levels = await ditheredGreys(input);
  if (levels === undefined) return undefined;
  const meta = await sharp(input).metadata();
  if (!width || width >= meta.width!) return input;
  const { data, info } = await sharp(input).resize({ width: Math.round(width), kernel: 'lanczos3' }).greyscale().raw().toBuffer({ resolveWithObject: true });
  const pixels = dither(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), info.width, info.height, { method: 'floyd-steinberg', levels });
  return sharp(pixels, { raw: { width: info.width, height: info.height, channels: 1 } })
    .png({ palette: true, colours: levels, compressionLevel: 9, effort: 10, dither: 0 })
    .toBuffer();
}
