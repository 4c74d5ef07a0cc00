// Content collections: essays live in content/essays/<slug>/index.mdx;
// see:set essays, dropped in unmodified, in content/seeset/<slug>/index.md.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { essayFrontmatter } from './lib/essay-frontmatter.ts';
import { assertEssayImagesExist } from './lib/essay-images-check.ts';
import { seesetEssayFrontmatter } from './lib/seeset/essay-frontmatter.ts';
import { seesetEssays as seesetEssayLoader } from './loaders/seeset-essays.ts';

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

export const collections = { essays, seesetEssays };
