// The idx format of MNIST-style datasets: a big-endian header, then bytes.
// Pure decoding from a buffer; the caller reads the file.

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count * rows * cols bytes, image after image, row by row. */
  pixels: Uint8Array;
}

const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

export function decodeIdxImages(buffer: Uint8Array, file = 'idx file'): IdxImages {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (buffer.byteLength < 16 || view.getUint32(0) !== IMAGES_MAGIC) {
    throw new Error(`${file}: not an idx image file (magic 0x00000803 expected)`);
  }
  const count = view.getUint32(4);
  const rows = view.getUint32(8);
  const cols = view.getUint32(12);
  const expected = 16 + count * rows * cols;
  if (buffer.byteLength < expected) throw new Error(`${file}: truncated, ${buffer.byteLength} bytes for ${count} images of ${rows}x${cols} (needs ${expected})`);
  return { count, rows, cols, pixels: buffer.subarray(16, expected) };
}

export function decodeIdxLabels(buffer: Uint8Array, file = 'idx file'): Uint8Array {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (buffer.byteLength < 8 || view.getUint32(0) !== LABELS_MAGIC) {
    throw new Error(`${file}: not an idx label file (magic 0x00000801 expected)`);
  }
  const count = view.getUint32(4);
  if (buffer.byteLength < 8 + count) throw new Error(`${file}: truncated, expected ${count} labels`);
  return buffer.subarray(8, 8 + count);
}
