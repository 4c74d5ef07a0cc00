// What the see:set loaders share: put every entry in the store, drop entries
// whose file is gone, and reload when anything under the folder changes.
// A build stops at the first error; in `astro dev` a broken entry keeps its
// last good version and the error is logged.
import { resolve } from 'node:path';
import type { LoaderContext } from 'astro/loaders';

export async function syncAndWatch<T>(
  { store, watcher, logger }: { store: LoaderContext['store']; logger: LoaderContext['logger']; watcher?: LoaderContext['watcher'] | undefined },
  root: string,
  /** Called once per load: the entries to load (with their ids), after any per-load reset. */
  list: (initial: boolean) => { id: string; entry: T }[],
  loadOne: (entry: T) => Promise<void>,
): Promise<void> {
  const loadAll = async (initial: boolean) => {
    const entries = list(initial);
    const ids = entries.map((e) => e.id);
    for (const id of store.keys()) if (!ids.includes(id)) store.delete(id);
    for (const { entry } of entries) {
      try {
        await loadOne(entry);
      } catch (error) {
        if (initial) throw error;
        logger.error((error as Error).message);
      }
    }
  };
  await loadAll(true);
  watcher?.add(root);
  watcher?.on('all', (_event, path) => {
    if (resolve(path).startsWith(root)) void loadAll(false);
  });
}
