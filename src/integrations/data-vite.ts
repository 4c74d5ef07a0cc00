// Vite wiring for aggregates: the `@data/<name>` import alias, and hot reload
// in `npm run dev`: editing a datasheet, a dataset file or an aggregate script
// re-runs `npm run data` (the cache skips everything unaffected) and reloads
// the page; a failure shows in the browser's error overlay.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EnvironmentModuleNode, Plugin, ViteDevServer } from 'vite';

/** `@data/<name>` -> src/generated/data/<name>.ts, relative to the config file. */
export function dataAlias(configUrl: string): { find: RegExp; replacement: string } {
  return { find: /^@data\/([a-z0-9-]+)$/, replacement: fileURLToPath(new URL('./src/generated/data/', configUrl)) + '$1.ts' };
}

const WATCHED = ['content/datasets/', 'scripts/aggregates/', 'scripts/data/'];

/** Whether a changed file (relative to the root) can change an aggregate. */
export function affectsData(rel: string): boolean {
  const path = rel.split(sep).join('/');
  return WATCHED.some((dir) => path.startsWith(dir));
}

/** Drops cached modules of src/generated/ so server-rendered pages read the new outputs. */
function invalidateGenerated(server: ViteDevServer, root: string): void {
  const generated = `${root}src/generated/`;
  for (const env of Object.values(server.environments)) {
    const seen = new Set<EnvironmentModuleNode>();
    const drop = (mod: EnvironmentModuleNode) => {
      if (seen.has(mod)) return;
      seen.add(mod);
      env.moduleGraph.invalidateModule(mod);
      for (const importer of mod.importers) drop(importer);
    };
    for (const mod of env.moduleGraph.idToModuleMap.values()) if (mod.file?.startsWith(generated)) drop(mod);
  }
}

export function dataHotReload(configUrl: string): Plugin {
  const root = fileURLToPath(new URL('.', configUrl));
  const runner = `${root}scripts/data.ts`;
  let running = false;
  let again = false;

  const run = (server: ViteDevServer) => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    let output = '';
    const child = spawn(process.execPath, [runner], { cwd: root, env: { ...process.env, CI: '1' } });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('close', (code) => {
      running = false;
      if (code === 0) {
        invalidateGenerated(server, root);
        server.ws.send({ type: 'full-reload' });
      }
      else server.ws.send({ type: 'error', err: { message: `npm run data failed:\n${output.split('\n').filter((l) => !/^data: (cached|built) /.test(l)).join('\n')}`, stack: '' } });
      if (again) {
        again = false;
        run(server);
      }
    });
  };

  return {
    name: 'dataset-essays:data-hot-reload',
    apply: 'serve',
    configureServer(server) {
      if (!existsSync(runner)) return;
      server.watcher.add(WATCHED.map((d) => `${root}${d}`));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onChange = (file: string) => {
        if (!affectsData(relative(root, file))) return;
        clearTimeout(timer);
        timer = setTimeout(() => run(server), 150);
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
