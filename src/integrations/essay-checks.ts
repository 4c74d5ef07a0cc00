// Checks every MDX essay before Vite sees it, so the common mistakes stop the
// build (and the dev server) with the essay's file and line: images it
// points to that are missing. Unknown components are checked per page
// (src/components/essay/EssayBody.astro), so they also update on hot reload.
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertImagesExist } from '../lib/essay-images-check.ts';

export function checkEssays(root: string): void {
  const dir = join(root, 'content/essays');
  if (!existsSync(dir)) return;
  for (const slug of readdirSync(dir)) {
    const file = join(dir, slug, 'index.mdx');
    if (!existsSync(file)) continue;
    assertImagesExist(readFileSync(file, 'utf8'), (rel) => existsSync(join(dir, slug, rel)), `content/essays/${slug}/index.mdx`);
  }
}

export function essayChecks(): AstroIntegration {
  return {
    name: 'dataset-essays:essay-checks',
    hooks: {
      'astro:config:setup': ({ config }) => checkEssays(fileURLToPath(config.root)),
    },
  };
}
