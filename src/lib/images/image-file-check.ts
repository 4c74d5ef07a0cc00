// Checks an author's image file before any expensive work: an empty,
// corrupt or gigantic cover used to fail late (after a minute of resizing)
// with sharp's or Astro's message, naming neither the essay nor the field.
// Reads the header first (size limits), then decodes the pixels once: a
// truncated file keeps a valid header, and only a decode finds it (a cover
// decodes in milliseconds; nothing is kept).
import { statSync } from 'node:fs';
import sharp from 'sharp';
import { AuthorError } from '../author-error.ts';
import type { ReferenceSite } from '../contained-path.ts';

/** 40 megapixels (e.g. 8000 x 5000): far above what a page shows, far below what exhausts memory. */
export const MAX_IMAGE_PIXELS = 40_000_000;

export async function assertImageFileUsable(path: string, ref: string, site: ReferenceSite): Promise<void> {
  const fail = (message: string, hint: string): never => {
    throw new AuthorError(`image "${ref}" ${message}`, { ...site, hint });
  };
  if (statSync(path).size === 0) fail('is an empty file (0 bytes)', 'copy the image again: the file on disk has no content');
  // No pixel limit here: the size is judged below with a clearer message.
  const meta = await sharp(path, { limitInputPixels: false })
    .metadata()
    .catch((error: Error) => fail(`is not a readable image (${error.message})`, 'export it again as PNG, JPEG, WebP or AVIF; the file may be truncated or another format renamed'));
  const { width = 0, height = 0 } = meta;
  if (width === 0 || height === 0) fail('has no width or height', 'export it again as PNG, JPEG, WebP or AVIF');
  if (width * height > MAX_IMAGE_PIXELS) {
    const mp = (n: number) => `${Math.round(n / 1e6)} MP`;
    fail(`is ${width} x ${height} px (${mp(width * height)}), over the ${mp(MAX_IMAGE_PIXELS)} limit`, 'resize it to at most 3000 px on its longest side: pages never show an image wider than that');
  }
  await sharp(path, { failOn: 'truncated' })
    .raw()
    .toBuffer()
    .catch((error: Error) => fail(`is damaged: its pixels cannot be read (${error.message.split('\n')[0]})`, 'export or copy the image again: the file is probably truncated (an interrupted download or copy)'));
}
