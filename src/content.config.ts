// Content collections: essays live in content/essays/<slug>/index.mdx;
// see:set essays, dropped in unmodified, in content/seeset/<slug>/index.md.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { essayFrontmatter } from './lib/essay-frontmatter.ts';
import { missingCoverError } from './lib/essay-cover.ts';
import { seesetEssayFrontmatter } from './lib/seeset/essay-frontmatter.ts';
import { seesetEssays as seesetEssayLoader } from './loaders/seeset-essays.ts';

const essayFiles = glob({
  pattern: '*/index.mdx',
  base: './content/essays',
  // The folder name is the entry id; the page checks it matches `slug`.
  generateId: ({ entry }) => entry.split('/')[0] ?? entry,
});

/** Fails with the essay, line and field when a cover image is missing. */
function assertCoversExist(base: string): void {
  for (const slug of readdirSync(base)) {
    const file = `${base}/${slug}/index.mdx`;
    if (!existsSync(file)) continue;
    const error = missingCoverError(readFileSync(file, 'utf8'), file, (path) => existsSync(`${base}/${slug}/${path}`));
    if (error) throw error;
  }
}

const essays = defineCollection({
  loader: {
    ...essayFiles,
    load: (context) => {
      assertCoversExist('content/essays');
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
