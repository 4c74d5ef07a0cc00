// Content collections: essays live in content/essays/<slug>/index.mdx;
// see:set essays, dropped in unmodified, in content/seeset/<slug>/index.md
// or content/seeset/<series>/<Name>.md; a series' intro.md is its page.
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { glob } from 'astro/loaders';
import { essayFrontmatter } from './lib/essay-frontmatter.ts';
import { assertEssayImagesExist } from './lib/essay-images-check.ts';
import { seesetEssayFrontmatter } from './lib/seeset/essay-frontmatter.ts';
import { seesetEssays as seesetEssayLoader } from './loaders/seeset-essays.ts';
import { seesetSeries as seesetSeriesLoader } from './loaders/seeset-series.ts';

const essayFiles = glob({
  pattern: '*/index.mdx',
  base: './content/essays',
  // The folder name is the entry id; the page checks it matches `slug`.
  generateId: ({ entry }) => entry.split('/')[0] ?? entry,
});

const essays = defineCollection({
  loader: {
    ...essayFiles,
    load: (context) => {
      // Fails with the essay, line and field when its cover (or an image) is missing.
      assertEssayImagesExist('content/essays');
      return essayFiles.load(context);
    },
  },
  schema: ({ image }) => essayFrontmatter(image()),
});

const seesetEssays = defineCollection({
  loader: seesetEssayLoader(),
  schema: ({ image }) => seesetEssayFrontmatter(image()),
});

const seesetSeries = defineCollection({
  loader: seesetSeriesLoader(),
  // Made by the loader from the folder, not written by an author.
  schema: z.object({ title: z.string(), folder: z.string(), essays: z.array(z.string()) }),
});

export const collections = { essays, seesetEssays, seesetSeries };
