// Astro content loader for see:set essays: content/seeset/<slug>/index.md or
// a series' content/seeset/<series>/<Name>.md, dropped in unmodified. It checks markers against declarations and every
// widget against the collections (failing with file and line), then renders
// the Markdown with each marker line swapped for a placeholder element that
// the page replaces with our components.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { unplacedWarning } from '../lib/seeset/markers.ts';
import { markerPlaceholders } from '../lib/seeset/placeholders.ts';
import { checkBodyReferences, checkCoverImage, readSeesetEssay, resolveSeesetEssay, SEESET_DIR, seesetLayout, type SeesetEssayLocation } from './seeset-files.ts';
import { syncAndWatch } from './sync-store.ts';

export function seesetEssays(base: string = SEESET_DIR): Loader {
  return {
    name: 'seeset-essays',
    async load({ store, parseData, renderMarkdown, generateDigest, watcher, logger }) {
      const root = resolve(base);
      // Collections a series shares between essays get one datasheet notice per load.
      const noticed = new Set<string>();
      const loadOne = async (location: SeesetEssayLocation) => {
        const essay = readSeesetEssay(location);
        const { file, source, body } = essay;
        for (const widget of essay.unplaced) logger.warn(unplacedWarning(file, widget));
        await checkCoverImage(location, essay);
        await checkBodyReferences(location, essay);
        const data = await parseData({ id: location.id, data: essay.raw, filePath: file });
        // Resolving here makes a missing collection or item fail the build early.
        const resolved = resolveSeesetEssay(location);
        for (const collection of new Set([...resolved.values()].map((w) => w.collection))) {
          if (!collection.datasheet.generated || noticed.has(collection.file)) continue;
          noticed.add(collection.file);
          logger.warn(`${collection.file}: no datasheet.yaml beside it; the page shows one generated from the export (add a datasheet.yaml there, see docs/authoring.md)`);
        }
        const rendered = await renderMarkdown(markerPlaceholders(body), { fileURL: pathToFileURL(location.path) });
        store.set({ id: location.id, data, body, filePath: file, digest: generateDigest(source), rendered, assetImports: rendered.metadata?.imagePaths ?? [] });
      };
      await syncAndWatch({ store, watcher, logger }, root, (initial) => {
        const { essays, notices } = seesetLayout(root);
        noticed.clear();
        if (initial) for (const notice of notices) logger.warn(notice);
        return essays.map((location) => ({ id: location.id, entry: location }));
      }, loadOne);
    },
  };
}
