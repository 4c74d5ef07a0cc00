// Astro content loader for see:set essays: content/seeset/<slug>/index.md,
// dropped in unmodified. It checks markers against declarations and every
// widget against the collections (failing with file and line), then renders
// the Markdown with each marker line swapped for a placeholder element that
// the page replaces with our components.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { splitFrontmatter } from '../lib/seeset/markers.ts';
import { markerPlaceholders } from '../lib/seeset/placeholders.ts';
import { parse as parseYaml } from 'yaml';
import { readSeesetEssay, resolveSeesetEssay, SEESET_DIR } from './seeset-files.ts';
import type { WidgetDeclaration } from '../lib/seeset/widgets.ts';

export function seesetEssays(base: string = SEESET_DIR): Loader {
  return {
    name: 'seeset-essays',
    async load({ store, parseData, renderMarkdown, generateDigest, watcher, logger }) {
      const root = resolve(base);
      const loadOne = async (slug: string) => {
        const dir = join(root, slug);
        const { file, source } = readSeesetEssay(dir);
        const { yaml, body } = splitFrontmatter(source, file);
        const data = await parseData({ id: slug, data: (parseYaml(yaml) ?? {}) as Record<string, unknown>, filePath: file });
        // Resolving here makes a missing collection or item fail the build early.
        const resolved = resolveSeesetEssay(dir, (data as { widgets: Record<string, WidgetDeclaration> }).widgets);
        for (const widget of resolved.values()) {
          if (widget.collection.datasheet.generated) {
            logger.warn(`${widget.collection.file}: no datasheet.yaml beside it; the page shows one generated from the export (add collections/${widget.collection.id}/datasheet.yaml)`);
          }
        }
        const rendered = await renderMarkdown(markerPlaceholders(body), { fileURL: pathToFileURL(join(dir, 'index.md')) });
        store.set({ id: slug, data, body, filePath: file, digest: generateDigest(source), rendered, assetImports: rendered.metadata?.imagePaths ?? [] });
      };
      // A build stops at the first error; in `astro dev` a broken essay keeps its
      // last good version, and its page shows the error when it is next rendered.
      const loadAll = async (initial: boolean) => {
        const slugs = existsSync(root) ? readdirSync(root).filter((slug) => existsSync(join(root, slug, 'index.md'))).sort() : [];
        for (const id of store.keys()) if (!slugs.includes(id)) store.delete(id);
        for (const slug of slugs) {
          try {
            await loadOne(slug);
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
