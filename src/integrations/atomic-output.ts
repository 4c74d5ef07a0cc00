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

/**
 * Removes `staging` when the process ends without the build swapping it in:
 * a failed build (Astro exits with an error), Ctrl+C or a SIGTERM. Returns
 * the function that disarms it once the swap is done.
 */
export function removeOnAbnormalExit(staging: string): () => void {
  const remove = () => rmSync(staging, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    disarm();
    process.kill(process.pid, signal); // default action again: exit with the signal
  };
  const disarm = () => {
    process.off('exit', remove);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('exit', remove);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return disarm;
}

export default function atomicOutput(): AstroIntegration {
  let target: string | undefined;
  let disarm = () => {};
  return {
    name: 'atomic-output',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        target = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        const { staging } = stagingDirs(target);
        rmSync(staging, { recursive: true, force: true });
        disarm = removeOnAbnormalExit(staging);
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },
      'astro:build:done': ({ logger }) => {
        if (!target) return;
        const { staging, previous } = stagingDirs(target);
        rmSync(previous, { recursive: true, force: true });
        if (existsSync(target)) renameSync(target, previous);
        renameSync(staging, target);
        disarm();
        rmSync(previous, { recursive: true, force: true });
        logger.info(`site written to ${target}`);
      },
    },
  };
}
