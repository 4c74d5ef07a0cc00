// Writes the <ImageGrid> payloads registered during the build into the output
// folder (dist/generated/grids/<name>.<hash>.json), and serves them from
// memory in `astro dev`. Must come before atomicOutput() in `integrations`.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { gridPayloadRegistry, GRID_PAYLOAD_DIR } from '../lib/images/grid-payload-files.ts';

export function gridPayloads(): AstroIntegration {
  return {
    name: 'grid-payloads',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const prefix = `/${GRID_PAYLOAD_DIR}/`;
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!;
          const json = path.startsWith(prefix) ? gridPayloadRegistry().get(path.slice(prefix.length)) : undefined;
          if (json === undefined) return next();
          res.setHeader('content-type', 'application/json');
          res.end(json);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), GRID_PAYLOAD_DIR);
        const files = [...gridPayloadRegistry()].sort(([a], [b]) => a.localeCompare(b));
        if (!files.length) return;
        mkdirSync(out, { recursive: true });
        for (const [file, json] of files) {
          const tmp = join(out, `.${file}.tmp`);
          writeFileSync(tmp, json);
          renameSync(tmp, join(out, file));
        }
        logger.info(`${files.length} grid payload file(s) written to ${GRID_PAYLOAD_DIR}/`);
      },
    },
  };
}
