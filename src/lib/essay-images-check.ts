// Finds the local images an essay points to that do not exist: the cover in
// its frontmatter and Markdown images ![alt](./x.png), with their lines.
// (Astro's own error names only the image, not the essay.) The one check for
// missing covers: run by the essays collection's loader (content.config.ts,
// again on every content change in dev) and by the essay-checks integration.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuthorError } from './author-error.ts';
import { containedPath } from './contained-path.ts';

export interface MissingImage {
  ref: string;
  line: number;
  field: string;
}

/** Every local image an essay points to: its cover and Markdown images, with their lines. */
export function findImageReferences(source: string): MissingImage[] {
  const lines = source.split('\n');
  const found: MissingImage[] = [];
  let inFrontmatter = lines[0]?.trim() === '---';
  let inFence = false;
  lines.forEach((text, i) => {
    if (i > 0 && inFrontmatter && text.trim() === '---') {
      inFrontmatter = false;
      return;
    }
    if (inFrontmatter) {
      const cover = /^coverImg:\s*["']?([^"'#\s]+)["']?\s*$/.exec(text);
      if (cover && !/^[a-z]+:/i.test(cover[1]!)) found.push({ ref: cover[1]!, line: i + 1, field: 'coverImg' });
      return;
    }
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    if (inFence) return;
    for (const m of text.matchAll(/!\[[^\]]*\]\((\.{1,2}\/[^)\s]+)(?:\s+"[^"]*")?\)/g)) found.push({ ref: m[1]!, line: i + 1, field: 'image' });
  });
  return found;
}

/** `exists` answers for a path relative to the essay's folder. */
export function findMissingImages(source: string, exists: (relativePath: string) => boolean): MissingImage[] {
  return findImageReferences(source).filter((image) => !exists(image.ref));
}

export function assertImagesExist(source: string, exists: (relativePath: string) => boolean, file: string): void {
  const [first] = findMissingImages(source, exists);
  if (!first) return;
  throw new AuthorError(`image "${first.ref}" not found next to the essay`, {
    file,
    line: first.line,
    field: first.field,
    hint: `put the image at ${file.replace(/index\.mdx$/, '')}${first.ref.replace(/^\.\//, '')} or fix the path (paths are relative to the essay's folder)`,
  });
}

/** Checks every content/essays/<slug>/index.mdx under `essaysDir`; throws for the first missing image. */
export function assertEssayImagesExist(essaysDir: string): void {
  if (!existsSync(essaysDir)) return;
  for (const slug of readdirSync(essaysDir)) {
    const file = join(essaysDir, slug, 'index.mdx');
    if (!existsSync(file)) continue;
    assertImagesExist(readFileSync(file, 'utf8'), (rel) => existsSync(join(essaysDir, slug, rel)), `content/essays/${slug}/index.mdx`);
  }
}

/**
 * Every image an essay file points to is inside the essay's folder (symlinks
 * included), exists, and is a readable image of sane size; throws the first
 * AuthorError with the file, line and field. `dir` holds `<slug>/<fileName>`
 * (content/essays with index.mdx, content/seeset with index.md).
 */
export async function assertEssayImagesUsable(dir: string, fileName = 'index.mdx'): Promise<void> {
  if (!existsSync(dir)) return;
  for (const slug of readdirSync(dir).sort()) {
    const essayDir = join(dir, slug);
    const path = join(essayDir, fileName);
    if (!existsSync(path)) continue;
    const file = `${dir.replace(/^.*?(content\/)/, '$1')}/${slug}/${fileName}`;
    const source = readFileSync(path, 'utf8');
    const resolved = findImageReferences(source).map((image) => ({ image, abs: containedPath(essayDir, image.ref, { file, line: image.line, field: image.field }) }));
    assertImagesExist(source, (rel) => existsSync(join(essayDir, rel)), file);
    // Loaded here only: sharp stays out of the content config's module graph.
    const { assertImageFileUsable } = await import('./images/image-file-check.ts');
    for (const { image, abs } of resolved) await assertImageFileUsable(abs, image.ref, { file, line: image.line, field: image.field });
  }
}
