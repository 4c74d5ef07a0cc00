// Finds the local images an essay points to that do not exist: the cover in
// its frontmatter and Markdown images ![alt](./x.png), with their lines.
// (Astro's own error names only the image, not the essay.) The one check for
// missing covers: run by the essays collection's loader (content.config.ts,
// again on every content change in dev) and by the essay-checks integration.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuthorError } from './author-error.ts';

export interface MissingImage {
  ref: string;
  line: number;
  field: string;
}

/** `exists` answers for a path relative to the essay's folder. */
export function findMissingImages(source: string, exists: (relativePath: string) => boolean): MissingImage[] {
  const lines = source.split('\n');
  const missing: MissingImage[] = [];
  let inFrontmatter = lines[0]?.trim() === '---';
  let inFence = false;
  lines.forEach((text, i) => {
    if (i > 0 && inFrontmatter && text.trim() === '---') {
      inFrontmatter = false;
      return;
    }
    if (inFrontmatter) {
      const cover = /^coverImg:\s*["']?([^"'#\s]+)["']?\s*$/.exec(text);
      if (cover && !/^[a-z]+:/i.test(cover[1]!) && !exists(cover[1]!)) missing.push({ ref: cover[1]!, line: i + 1, field: 'coverImg' });
      return;
    }
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    if (inFence) return;
    for (const m of text.matchAll(/!\[[^\]]*\]\((\.{1,2}\/[^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      if (!exists(m[1]!)) missing.push({ ref: m[1]!, line: i + 1, field: 'image' });
    }
  });
  return missing;
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
