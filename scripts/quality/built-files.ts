// Lists what a build wrote: every file under the output folder, and its pages.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `root`, relative to it with `/` separators, sorted. */
export function listBuiltFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return files.sort();
}

/** Every built HTML page under `root` (relative paths, sorted). */
export function listBuiltPages(root: string): string[] {
  return listBuiltFiles(root).filter((file) => file.endsWith('.html'));
}

/**
 * The site's origin as the build wrote it (the home page's canonical URL, from
 * SITE_URL, Astro's `site`): absolute links to it are internal links.
 */
export function builtSiteOrigin(root: string): string {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  if (!canonical) throw new Error(`${root}/index.html has no <link rel="canonical">: set \`site\` in astro.config.mjs`);
  return new URL(canonical).origin;
}
