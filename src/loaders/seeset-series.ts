// Astro content loader for the blurbs of see:set series: each series folder's
// intro.md (no frontmatter), rendered like an essay body, becomes the series
// page at /<series>/ (src/pages/[series]/index.astro). A blurb's images by
// site path must be in the public tree, and remote ones stop the build at
// their line, as in essays.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { seriesIntro } from '../lib/seeset/series.ts';
import { checkBodyReferences, SEESET_DIR, seesetLayout, type SeesetSeries } from './seeset-files.ts';

export function seesetSeries(base: string = SEESET_DIR): Loader {
  return {
    name: 'seeset-series',
    async load({ store, parseData, renderMarkdown, generateDigest, watcher, logger }) {
      const root = resolve(base);
      const loadOne = async (series: SeesetSeries & { intro: string }) => {
        const file = relative(process.cwd(), series.intro);
        const source = readFileSync(series.intro, 'utf8');
        const { title, body } = seriesIntro(series.folder, source);
        checkBodyReferences({ path: series.intro, publicRoot: series.publicRoot }, { file, body, bodyLine: 1 });
        const data = await parseData({ id: series.folder, data: { title, folder: series.folder, essays: series.essays }, filePath: file });
        const rendered = await renderMarkdown(body, { fileURL: pathToFileURL(series.intro) });
        store.set({ id: series.folder, data, body, filePath: file, digest: generateDigest(source), rendered });
      };
      // As for essays: a build stops at the first error; `astro dev` keeps the last good blurb.
      const loadAll = async (initial: boolean) => {
        const withIntro = seesetLayout(root).series.filter((s): s is SeesetSeries & { intro: string } => s.intro !== undefined);
        const ids = withIntro.map((s) => s.folder);
        for (const id of store.keys()) if (!ids.includes(id)) store.delete(id);
        for (const series of withIntro) {
          try {
            await loadOne(series);
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
    },
  };
}
