// The idx format of MNIST-style datasets: a big-endian header (magic number,
// then one 32-bit size per dimension), then one unsigned byte per value.
// Pure decoding from a buffer; the caller reads the file. The one idx reader
// of the project: the image pipeline, the aggregates and the figures use it.

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count x rows x cols bytes, image after image, row by row (0 = background). */
  pixels: Uint8Array;
}

const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

/** The header's `words` big-endian 32-bit words, after checking the magic number. */
function header(buffer: Uint8Array, words: number, magic: number, kind: string, file: string): number[] {
  if (buffer.byteLength < words * 4) throw new Error(`${file}: not an idx ${kind} file (${buffer.byteLength} bytes, too short for the header)`);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const values = Array.from({ length: words }, (_, i) => view.getUint32(i * 4, false));
  if (values[0] !== magic) {
    throw new Error(`${file}: not an idx ${kind} file (magic number 0x${values[0]!.toString(16)} is not 0x${magic.toString(16)})`);
  }
  return values;
}

/** The idx format has no trailer: a file of any other length is cut short or is not what it claims. */
function checkLength(buffer: Uint8Array, expected: number, file: string, what: string): void {
  if (buffer.byteLength === expected) return;
  const problem = buffer.byteLength < expected ? 'truncated' : 'too long';
  throw new Error(`${file}: ${problem}, ${buffer.byteLength} bytes, expected ${expected} for ${what}`);
}

export function decodeIdxImages(buffer: Uint8Array, file = 'idx file'): IdxImages {
  const [, count, rows, cols] = header(buffer, 4, IMAGES_MAGIC, 'image', file) as [number, number, number, number];
  const expected = 16 + count * rows * cols;
  checkLength(buffer, expected, file, `${count} images of ${rows}x${cols}`);
  return { count, rows, cols, pixels: buffer.subarray(16, expected) };
}

export function decodeIdxLabels(buffer: Uint8Array, file = 'idx file'): Uint8Array {
  const [, count] = header(buffer, 2, LABELS_MAGIC, 'label', file) as [number, number];
  checkLength(buffer, 8 + count, file, `${count} labels`);
  return buffer.subarray(8, 8 + count);
}

/** Stable ids shared by every part of the site: "train-0", "test-9999" (0-based index in the file). */
export const digitId = (split: 'train' | 'test', index: number): string => `${split}-${index}`;
