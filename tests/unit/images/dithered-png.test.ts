// Dithered covers are resized by dithering again, into small palette PNGs;
// any other image is left to Astro's sharp service.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { makeCover } from '../../../scripts/cover.ts';
import { ditheredGreys, resizeDitheredPng } from '../../../src/lib/images/dithered-png.ts';

describe('resizing a dithered cover', () => {
  it('keeps it pure black and white at the new width, far smaller than WebP, the same every time', { timeout: 30_000 }, async () => {
    const cover = await makeCover('mnist', 'atkinson', 2, 6);
    expect(await ditheredGreys(cover)).toBe(2);
    const a = (await resizeDitheredPng(cover, 720))!;
    expect(a.equals((await resizeDitheredPng(cover, 720))!)).toBe(true);
    const meta = await sharp(a).metadata();
    expect([meta.format, meta.width, meta.height, meta.isPalette]).toEqual(['png', 720, 378, true]);
    const { data } = await sharp(a).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(new Set(data)).toEqual(new Set([0, 255]));
    // Dark pixels keep their share of the image (the tone survives the resize).
    const dark = (px: Buffer) => px.filter((v) => v === 0).length / px.length;
    const source = await sharp(cover).greyscale().raw().toBuffer();
    expect(Math.abs(dark(data) - dark(source))).toBeLessThan(0.03);
    const webp = await sharp(cover).resize({ width: 720 }).webp().toBuffer();
    expect(a.length).toBeLessThan(webp.length / 2);
  });

  it('returns the cover unchanged when asked for its own width or more', async () => {
    const cover = await makeCover('mnist', 'bayer', 2, 1);
    expect((await resizeDitheredPng(cover, 1200))!.equals(cover)).toBe(true);
    expect((await resizeDitheredPng(cover, 2000))!.equals(cover)).toBe(true);
  });

  it('leaves photos, colour palettes and greys beyond 16 levels to sharp (synthetic fixtures)', async () => {
    const gradient = Buffer.from(Array.from({ length: 64 * 64 }, (_, i) => i % 256));
    const grey = await sharp(gradient, { raw: { width: 64, height: 64, channels: 1 } }).png().toBuffer();
    expect(await ditheredGreys(grey)).toBeUndefined();
    const photo = await sharp(gradient, { raw: { width: 64, height: 64, channels: 1 } }).webp().toBuffer();
    expect(await resizeDitheredPng(photo, 32)).toBeUndefined();
    const colour = await sharp(Buffer.from(Array.from({ length: 16 * 16 * 3 }, (_, i) => (i % 3 === 0 ? 200 : 10))), { raw: { width: 16, height: 16, channels: 3 } })
      .png({ palette: true, colours: 2 })
      .toBuffer();
    expect((await sharp(colour).metadata()).isPalette).toBe(true);
    expect(await ditheredGreys(colour)).toBeUndefined();
  });
});
