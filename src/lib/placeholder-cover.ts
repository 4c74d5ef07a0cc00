// Recognises the placeholder cover `npm run new` writes (placeholderCover in
// new-essay.ts: black and white cells of 40 px with 3 px white lines between
// them) by its pixels, whatever the file is called or whichever slug made its
// pattern, so `npm run build` can refuse to publish an essay still wearing it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findImageReferences } from './essay-images-check.ts';
import { isDraft, type SourceProblem } from './essay-source-check.ts';

/** Cell size and inset of the scaffold's pattern (new-essay.ts placeholderCover's defaults). */
const CELL = 40;
const LINE = 3;

/**
 * Whether 8-bit greyscale pixels are the scaffold's pattern: every pixel of
 * the 3 px lines is white, every cell's inside is one flat black or white, and
 * some cells are black. Stops at the first pixel that breaks it.
 */
export function isPlaceholderCoverPixels(pixels: Uint8Array, width: number, height: number): boolean {
  if (width < CELL * 2 || height < CELL * 2 || pixels.length < width * height) return false;
  const cols = Math.ceil(width / CELL);
  const cellValue = new Int16Array(cols * Math.ceil(height / CELL)).fill(-1);
  let black = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = pixels[y * width + x]!;
      if (v !== 0 && v !== 255) return false;
      if (x % CELL < LINE || y % CELL < LINE) {
        if (v !== 255) return false;
        continue;
      }
      const cell = Math.floor(y / CELL) * cols + Math.floor(x / CELL);
      if (cellValue[cell] === -1) {
        cellValue[cell] = v;
        if (v === 0) black++;
      } else if (cellValue[cell] !== v) return false;
    }
  }
  return black > 0;
}

/** Whether the image file is the scaffold's placeholder (decoded to greyscale with sharp). */
export async function isPlaceholderCoverFile(path: string): Promise<boolean> {
  const { default: sharp } = await import('sharp');
  const { data, info } = await sharp(path).removeAlpha().greyscale().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) return false;
  return isPlaceholderCoverPixels(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), info.width, info.height);
}

/** Every non-draft essay under `essaysDir` whose cover is still the placeholder, at its coverImg line. */
export async function placeholderCoverProblems(essaysDir: string): Promise<SourceProblem[]> {
  if (!existsSync(essaysDir)) return [];
  const problems: SourceProblem[] = [];
  for (const slug of readdirSync(essaysDir).sort()) {
    const path = join(essaysDir, slug, 'index.mdx');
    if (!existsSync(path)) continue;
    const source = readFileSync(path, 'utf8');
    if (isDraft(source)) continue;
    const cover = findImageReferences(source).find((r) => r.field === 'coverImg');
    const image = cover && join(essaysDir, slug, cover.ref);
    if (!cover || !image || !existsSync(image) || !(await isPlaceholderCoverFile(image))) continue;
    problems.push({
      severity: 'error', file: `content/essays/${slug}/index.mdx`, line: cover.line, column: 1, field: 'coverImg',
      message: `${cover.ref} is still the placeholder cover \`npm run new\` made (its black and white squares)`,
      hint: `put the essay's own cover in content/essays/${slug}/ (npm run cover -- <image or mnist> ${slug} makes a dithered one), point coverImg at it and describe it in coverImgAlt, or keep the essay a draft (draft: true)`,
    });
  }
  return problems;
}
