import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { makeCover } from '../../../scripts/cover.ts';

describe('dithered covers', () => {
  it('an MNIST mosaic cover is 1200x630, pure black and white, and the same every time', { timeout: 30_000 }, async () => {
    const a = await makeCover('mnist', 'atkinson', 2, 6);
    const b = await makeCover('mnist', 'atkinson', 2, 6);
    expect(a.equals(b)).toBe(true);
    const { data, info } = await sharp(a).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([1200, 630]);
    expect(new Set(data)).toEqual(new Set([0, 255]));
    const c = await makeCover('mnist', 'atkinson', 2, 7);
    expect(c.equals(a)).toBe(false);
  });
});
