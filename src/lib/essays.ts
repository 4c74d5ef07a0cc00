// Which essays a build publishes, and in what order.
import { getCollection, type CollectionEntry } from 'astro:content';
import { AuthorError } from './author-error.ts';
import { repeatedIndexWarnings } from './seeset/published.ts';

const warned = new Set<string>();

/** An MDX essay, or a see:set essay (Markdown with widget markers). */
export type Essay = CollectionEntry<'essays'> | CollectionEntry<'seesetEssays'>;

/** Where an essay's file lives, for error messages. */
export function essayFile(essay: Essay): string {
  if (essay.filePath) return essay.filePath;
  return essay.collection === 'seesetEssays' ? `content/seeset/${essay.id}/index.md` : `content/essays/${essay.id}/index.mdx`;
}

/** Published essays in home-page order; drafts only in `astro dev`. */
export async function publishedEssays(): Promise<Essay[]> {
  const visible = ({ data }: { data: { draft: boolean } }) => import.meta.env.DEV || !data.draft;
  const all: Essay[] = [...(await getCollection('essays', visible)), ...(await getCollection('seesetEssays', visible))];
  const seen = new Map<string, string>();
  for (const essay of all) {
    const file = essayFile(essay);
    if (essay.data.slug !== essay.id) {
      const folder = file.slice(0, file.lastIndexOf(`/${essay.id}/`));
      throw new AuthorError(`slug "${essay.data.slug}" does not match the folder name "${essay.id}"`, {
        file,
        field: 'slug',
        hint: `rename the folder to ${folder}/${essay.data.slug}/ or set slug: "${essay.id}"`,
      });
    }
    const other = seen.get(essay.data.slug);
    if (other) throw new AuthorError(`slug "${essay.data.slug}" is used twice`, { file, field: 'slug', hint: `choose a slug not used by ${other}` });
    seen.set(essay.data.slug, file);
  }
  // Published see:set essays share indexes (several have 4): a warning, printed once per build.
  for (const warning of repeatedIndexWarnings(all.map((essay) => ({ file: essayFile(essay), index: essay.data.index })))) {
    if (!warned.has(warning)) console.warn(`[essays] ${warning}`);
    warned.add(warning);
  }
  return all.sort((a, b) => a.data.index - b.data.index || a.data.title.localeCompare(b.data.title));
}

/** getStaticPaths for every page made per essay (/<slug>/, /<slug>/present/). */
export async function essayStaticPaths(): Promise<{ params: { slug: string }; props: { essay: Essay } }[]> {
  const essays = await publishedEssays();
  return essays.map((essay) => ({ params: { slug: essay.data.slug }, props: { essay } }));
}
