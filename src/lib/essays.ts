// Which essays a build publishes, and in what order.
import { getCollection, type CollectionEntry } from 'astro:content';
import { AuthorError } from './author-error.ts';

export type Essay = CollectionEntry<'essays'>;

/** Published essays in home-page order; drafts only in `astro dev`. */
export async function publishedEssays(): Promise<Essay[]> {
  const all = await getCollection('essays', ({ data }) => import.meta.env.DEV || !data.draft);
  const seen = new Map<string, string>();
  for (const essay of all) {
    const file = `content/essays/${essay.id}/index.mdx`;
    if (essay.data.slug !== essay.id) {
      throw new AuthorError(`slug "${essay.data.slug}" does not match the folder name "${essay.id}"`, {
        file,
        field: 'slug',
        hint: `rename the folder to content/essays/${essay.data.slug}/ or set slug: "${essay.id}"`,
      });
    }
    const other = seen.get(essay.data.slug);
    if (other) throw new AuthorError(`slug "${essay.data.slug}" is used twice`, { file, field: 'slug', hint: `choose a slug not used by ${other}` });
    seen.set(essay.data.slug, file);
  }
  return all.sort((a, b) => a.data.index - b.data.index || a.data.title.localeCompare(b.data.title));
}

/** getStaticPaths for every page made per essay (/<slug>/, /<slug>/present/). */
export async function essayStaticPaths(): Promise<{ params: { slug: string }; props: { essay: Essay } }[]> {
  const essays = await publishedEssays();
  return essays.map((essay) => ({ params: { slug: essay.data.slug }, props: { essay } }));
}
