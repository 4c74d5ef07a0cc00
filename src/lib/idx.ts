// Decoder for the idx format of MNIST-style datasets (big-endian header, then
// one unsigned byte per value). Pure: takes bytes, returns typed views.
export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count x rows x cols bytes, image after image, row by row (0 = background). */
  pixels: Uint8Array;
}

const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

function header(bytes: Uint8Array, words: number, what: string): number[] {
  if (bytes.byteLength < words * 4) throw new Error(`${what}: file too short for an idx header (${bytes.byteLength} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: words }, (_, i) => view.getUint32(i * 4, false));
}

export function parseIdxImages(bytes: Uint8Array, what = 'idx images'): IdxImages {
  const [magic, count, rows, cols] = header(bytes, 4, what) as [number, number, number, number];
  if (magic !== IMAGES_MAGIC) throw new Error(`${what}: magic number 0x${magic.toString(16)} is not 0x803 (unsigned-byte images)`);
  const expected = 16 + count * rows * cols;
  if (bytes.byteLength !== expected) throw new Error(`${what}: ${bytes.byteLength} bytes, expected ${expected} for ${count} images of ${rows}x${cols}`);
  return { count, rows, cols, pixels: bytes.subarray(16) };
}

export function parseIdxLabels(bytes: Uint8Array, what = 'idx labels'): Uint8Array {
  const [magic, count] = header(bytes, 2, what) as [number, number];
  if (magic !== LABELS_MAGIC) throw new Error(`${what}: magic number 0x${magic.toString(16)} is not 0x801 (unsigned-byte labels)`);
  if (bytes.byteLength !== 8 + count) throw new Error(`${what}: ${bytes.byteLength} bytes, expected ${8 + count} for ${count} labels`);
  return bytes.subarray(8);
}

/** Stable ids shared by every part of the site: "train-0", "test-9999" (0-based index in the file). */
export const digitId = (split: 'train' | 'test', index: number): string => `${split}-${index}`;
