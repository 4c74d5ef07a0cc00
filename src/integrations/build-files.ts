// Writes the files components registered during the build (src/lib/build-files.ts)
// into the output folder, atomically, and serves them from memory in
// `astro dev`. Must come before atomicOutput() in `integrations`.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildFileRegistry } from '../lib/build-files.ts';

const TYPES: Record<string, string> = {
  '.png': 'image/png', '.webp': 'image/webp', '.avif': 'image/avif', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.mp4': 'video/mp4', '.webm': 'video/webm',
};

export function buildFiles(): AstroIntegration {
  return {
    name: 'dataset-essays:build-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!.slice(1);
          const data = buildFileRegistry().get(path);
          if (data === undefined) return next();
          res.setHeader('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
          res.end(data);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = [...buildFileRegistry()].sort(([a], [b]) => a.localeCompare(b));
        for (const [path, data] of files) {
          const target = join(root, path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(`${target}.tmp`, data);
          renameSync(`${target}.tmp`, target);
        }
        if (files.length) logger.info(`${files.length} file(s) made by components written`);
      },
    },
  };
}
