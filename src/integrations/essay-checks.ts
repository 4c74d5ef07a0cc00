// Checks every MDX essay before Vite sees it, so the common mistakes stop the
// build (and the dev server) with the essay's file and line: images it
// points to that are missing. Unknown components are checked per page
// (src/components/essay/EssayBody.astro), so they also update on hot reload.
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertEssayImagesUsable } from '../lib/essay-images-check.ts';

/** Images outside the essay's folder, missing, empty, corrupt or gigantic stop here, before any image work. */
export async function checkEssays(root: string): Promise<void> {
  await assertEssayImagesUsable(join(root, 'content/essays'), 'index.mdx');
  await assertEssayImagesUsable(join(root, 'content/seeset'), 'index.md');
}

export function essayChecks(): AstroIntegration {
  return {
    name: 'dataset-essays:essay-checks',
    hooks: {
      'astro:config:setup': async ({ config }) => checkEssays(fileURLToPath(config.root)),
    },
  };
}
