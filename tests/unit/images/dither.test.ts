import { describe, expect, it } from 'vitest';
import { bayerMatrix, dither } from '../../../src/lib/images/dither.ts';

const flat = (w: number, h: number, v: number) => new Uint8Array(w * h).fill(v);

describe('dither', () => {
  // Expected values worked out by hand from the kernels (see docs/images.md).
  it('Floyd-Steinberg: 2x2 of grey 100 -> one white pixel', () => {
    expect([...dither(flat(2, 2, 100), 2, 2, { method: 'floyd-steinberg' })]).toEqual([0, 255, 0, 0]);
  });

  it('Atkinson: 2x2 of grey 100 -> white only where the error piles up', () => {
    expect([...dither(flat(2, 2, 100), 2, 2, { method: 'atkinson' })]).toEqual([0, 0, 0, 255]);
  });

  it('Bayer: 2x2 of grey 128 -> a checkerboard from the 8x8 matrix', () => {
    expect([...dither(flat(2, 2, 128), 2, 2, { method: 'bayer' })]).toEqual([0, 255, 255, 0]);
  });

  it('builds the standard Bayer matrices', () => {
    expect(bayerMatrix(2)).toEqual([[0, 2], [3, 1]]);
    const m8 = bayerMatrix(8);
    expect(m8[0]).toEqual([0, 32, 8, 40, 2, 34, 10, 42]);
    expect(new Set(m8.flat()).size).toBe(64);
  });

  it('keeps black and white exact and the mean grey of a flat area', () => {
    for (const method of ['floyd-steinberg', 'atkinson', 'bayer'] as const) {
      expect([...dither(flat(8, 8, 0), 8, 8, { method })].every((v) => v === 0)).toBe(true);
      expect([...dither(flat(8, 8, 255), 8, 8, { method })].every((v) => v === 255)).toBe(true);
      const half = dither(flat(16, 16, 128), 16, 16, { method });
      const white = [...half].filter((v) => v === 255).length / half.length;
      expect(white).toBeGreaterThan(0.4);
      expect(white).toBeLessThan(0.6);
    }
  });

  it('uses only the requested grey levels and is deterministic', () => {
    const ramp = Uint8Array.from({ length: 64 }, (_, i) => i * 4);
    const out = dither(ramp, 8, 8, { method: 'floyd-steinberg', levels: 4 });
    expect(new Set(out)).toEqual(new Set([0, 85, 170, 255]));
    expect(dither(ramp, 8, 8, { method: 'floyd-steinberg', levels: 4 })).toEqual(out);
  });

  it('rejects bad sizes, levels and methods', () => {
    expect(() => dither(flat(2, 2, 0), 3, 2, { method: 'bayer' })).toThrow(/expected 6 pixels/);
    expect(() => dither(flat(2, 2, 0), 2, 2, { method: 'bayer', levels: 1 })).toThrow(/levels/);
    expect(() => dither(flat(2, 2, 0), 2, 2, { method: 'nope' as 'bayer' })).toThrow(/unknown dither method/);
  });
});
