// Astro content loader for the blurbs of see:set series: each series folder's
// intro.md (no frontmatter), rendered like an essay body, becomes the series
// page at /<series>/ (src/pages/[series]/index.astro). A blurb's images by
// site path must be in the public tree, and remote ones are downloaded (or
// stop the build at their line), as in essays.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { seriesIntro } from '../lib/seeset/series.ts';
import { checkBodyReferences, SEESET_DIR, seesetLayout, type SeesetSeries } from './seeset-files.ts';
import { syncAndWatch } from './sync-store.ts';

export function seesetSeries(base: string = SEESET_DIR): Loader {
  return {
    name: 'seeset-series',
    async load({ store, parseData, renderMarkdown, generateDigest, watcher, logger }) {
      const root = resolve(base);
      const loadOne = async (series: SeesetSeries & { intro: string }) => {
        const file = relative(process.cwd(), series.intro);
        const source = readFileSync(series.intro, 'utf8');
        const { title, body } = seriesIntro(series.folder, source);
        await checkBodyReferences({ path: series.intro, publicRoot: series.publicRoot }, { file, body, bodyLine: 1 });
        const data = await parseData({ id: series.folder, data: { title, folder: series.folder, essays: series.essays }, filePath: file });
        const rendered = await renderMarkdown(body, { fileURL: pathToFileURL(series.intro) });
        store.set({ id: series.folder, data, body, filePath: file, digest: generateDigest(source), rendered });
      };
      await syncAndWatch({ store, watcher, logger }, root, () => seesetLayout(root).series
        .filter((s): s is SeesetSeries & { intro: string } => s.intro !== undefined)
        .map((series) => ({ id: series.folder, entry: series })), loadOne);
    },
  };
}
