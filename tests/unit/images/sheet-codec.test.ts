// Sheet encoding: grey palette sheets use evenly spaced greys, and grey
// figure sheets stay one channel (synthetic gradients, no dataset needed).
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { encodeGreyPng, encodeSheet, evenGreys } from '../../../src/lib/images/sheet-codec.ts';

/** A synthetic 64 x 64 sheet holding every grey from 0 to 255 (a fixture, not data). */
function gradient(): Uint8Array {
  const raw = new Uint8Array(64 * 64);
  for (let i = 0; i < raw.length; i++) raw[i] = i % 256;
  return raw;
}

describe('sheet codec', () => {
  it('rounds greys to evenly spaced levels, keeping black and white, and a second pass changes nothing', () => {
    const all = Uint8Array.from({ length: 256 }, (_, v) => v);
    const once = evenGreys(all, 16);
    expect([...new Set(once)].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, k) => k * 17));
    expect([once[0], once[8], once[9], once[255]]).toEqual([0, 0, 17, 255]);
    expect(evenGreys(once, 16)).toEqual(once);
    expect(() => evenGreys(all, 1)).toThrow(RangeError);
  });

  it('writes a grey palette sheet whose pixels are the even greys of its input', async () => {
    const raw = gradient();
    const png = await encodeSheet(raw, 64, 64, 1, 'png', 16);
    const meta = await sharp(png).metadata();
    expect(meta.isPalette).toBe(true);
    const { data, info } = await sharp(png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(1);
    expect(new Uint8Array(data)).toEqual(evenGreys(raw, 16));
  });

  it('writes a figure sheet as a one-channel greyscale PNG with its exact pixels', async () => {
    const raw = gradient();
    const png = await encodeGreyPng(raw, 64, 64);
    const meta = await sharp(png).metadata();
    expect(meta.channels).toBe(1);
    expect(meta.space).toBe('b-w');
    const { data, info } = await sharp(png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(1);
    expect(new Uint8Array(data)).toEqual(raw);
  });
});
