// Content collections: essays live in content/essays/<slug>/index.mdx.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { essayFrontmatter } from './lib/essay-frontmatter.ts';

const essays = defineCollection({
  loader: glob({
    pattern: '*/index.mdx',
    base: './content/essays',
    // The folder name is the entry id; the page checks it matches `slug`.
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: ({ image }) => essayFrontmatter(image()),
});

export const collections = { essays };
