// Dithering for covers and share cards: greyscale pixels in, pixels quantised
// to a few grey levels out. Pure and deterministic (integer maths, fixed scan
// order), so the same image always makes the same cover.

export const DITHER_METHODS = ['floyd-steinberg', 'atkinson', 'bayer'] as const;
export type DitherMethod = (typeof DITHER_METHODS)[number];

export interface DitherOptions {
  method: DitherMethod;
  /** Grey levels in the output, 2 (1-bit) to 16. */
  levels?: number;
}

/** Nearest of `levels` evenly spaced greys 0..255. */
function quantise(value: number, levels: number): number {
  const step = 255 / (levels - 1);
  const clamped = value < 0 ? 0 : value > 255 ? 255 : value;
  return Math.round(Math.round(clamped / step) * step);
}

// Error-diffusion kernels: [dx, dy, weight] with the divisor.
const KERNELS: Record<'floyd-steinberg' | 'atkinson', { taps: [number, number, number][]; divisor: number }> = {
  'floyd-steinberg': { taps: [[1, 0, 7], [-1, 1, 3], [0, 1, 5], [1, 1, 1]], divisor: 16 },
  // Atkinson spreads only 6/8 of the error: highlights and shadows stay clean.
  atkinson: { taps: [[1, 0, 1], [2, 0, 1], [-1, 1, 1], [0, 1, 1], [1, 1, 1], [0, 2, 1]], divisor: 8 },
};

/** The classic recursive Bayer matrix of size 2^n, values 0..size²-1. */
export function bayerMatrix(size: number): number[][] {
  if (size === 1) return [[0]];
  if (!Number.isInteger(Math.log2(size))) throw new RangeError(`Bayer size must be a power of two, got ${size}`);
  const half = bayerMatrix(size / 2);
  const m: number[][] = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let y = 0; y < size / 2; y++) {
    for (let x = 0; x < size / 2; x++) {
      const v = 4 * half[y]![x]!;
      m[y]![x] = v;
      m[y]![x + size / 2] = v + 2;
      m[y + size / 2]![x] = v + 3;
      m[y + size / 2]![x + size / 2] = v + 1;
    }
  }
  return m;
}

/**
 * Dithers a greyscale image (one byte per pixel, row by row) and returns a new
 * buffer of the same size whose values are among `levels` greys.
 */
export function dither(pixels: Uint8Array, width: number, height: number, options: DitherOptions): Uint8Array {
  const levels = options.levels ?? 2;
  if (!Number.isInteger(levels) || levels < 2 || levels > 16) throw new RangeError(`levels must be 2..16, got ${levels}`);
  if (pixels.length !== width * height) throw new RangeError(`expected ${width * height} pixels for ${width}x${height}, got ${pixels.length}`);
  const out = new Uint8Array(pixels.length);
  if (options.method === 'bayer') {
    const m = bayerMatrix(8);
    const step = 255 / (levels - 1);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        // Threshold offset in (-0.5, 0.5) of one quantisation step.
        const offset = ((m[y % 8]![x % 8]! + 0.5) / 64 - 0.5) * step;
        out[y * width + x] = quantise(pixels[y * width + x]! + offset, levels);
      }
    }
    return out;
  }
  const kernel = KERNELS[options.method];
  if (!kernel) throw new RangeError(`unknown dither method "${String(options.method)}": use one of ${DITHER_METHODS.join(', ')}`);
  const work = Float64Array.from(pixels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const old = work[i]!;
      const q = quantise(old, levels);
      out[i] = q;
      const error = old - q;
      for (const [dx, dy, w] of kernel.taps) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx >= 0 && nx < width && ny < height) work[ny * width + nx]! += (error * w) / kernel.divisor;
      }
    }
  }
  return out;
}
