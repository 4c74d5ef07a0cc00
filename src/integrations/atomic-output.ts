// A failed build must not destroy the last good site. Astro empties its
// outDir when it starts and writes pages as it goes, so a build that fails
// half-way leaves a broken dist/. This integration points Astro at a sibling
// staging folder (`dist.staging/`) and swaps it into place only once the build
// (and every integration before this one) has finished.
// Keep it LAST in `integrations`: later build:done hooks would see the old dir.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where a build for `outDir` is staged, and where the previous site waits during the swap. */
export function stagingDirs(outDir: string): { staging: string; previous: string } {
  const base = outDir.replace(/[\\/]+$/, '');
  return { staging: `${base}.staging`, previous: `${base}.previous` };
}

export default function atomicOutput(): AstroIntegration {
  let target: string | undefined;
  return {
    name: 'atomic-output',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        target = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        const { staging } = stagingDirs(target);
        rmSync(staging, { recursive: true, force: true });
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },
      'astro:build:done': ({ logger }) => {
        if (!target) return;
        const { staging, previous } = stagingDirs(target);
        rmSync(previous, { recursive: true, force: true });
        if (existsSync(target)) renameSync(target, previous);
        renameSync(staging, target);
        rmSync(previous, { recursive: true, force: true });
        logger.info(`site written to ${target}`);
      },
    },
  };
}
