// Checks every MDX essay before Vite sees it, so the common mistakes stop the
// build (and the dev server) with the essay's file and line: images it
// points to that are missing. Unknown components are checked per page
// (src/components/essay/EssayBody.astro), so they also update on hot reload.
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertEssayImagesExist } from '../lib/essay-images-check.ts';

export function checkEssays(root: string): void {
  assertEssayImagesExist(join(root, 'content/essays'));
}

export function essayChecks(): AstroIntegration {
  return {
    name: 'dataset-essays:essay-checks',
    hooks: {
      'astro:config:setup': ({ config }) => checkEssays(fileURLToPath(config.root)),
    },
  };
}
