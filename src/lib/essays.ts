// Which essays a build publishes, and in what order.
import { readdirSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { AuthorError } from './author-error.ts';
import { repeatedIndexWarnings } from './seeset/published.ts';
import { assertSeriesUrlsFree } from './seeset/series.ts';

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

/** A see:set series page: its blurb (intro.md) and its published essays in home-page order. */
export interface Series {
  entry: CollectionEntry<'seesetSeries'>;
  /** The URL segment: /<folder>/. */
  folder: string;
  title: string;
  essays: Essay[];
}

/** The site's own top-level pages (src/pages/<name>), whose URLs a series folder cannot take. */
const sitePages = () => readdirSync('src/pages').filter((name) => !name.startsWith('[')).map((name) => name.replace(/\.(astro|ts|js|md)$/, '').toLowerCase());

/**
 * Series with a blurb and at least one published essay. Fails with both
 * files when a series page's URL is an essay's (or a page of the site).
 */
export async function publishedSeries(): Promise<Series[]> {
  const essays = await publishedEssays();
  const entries = await getCollection('seesetSeries');
  assertSeriesUrlsFree(
    entries.map((entry) => ({ folder: entry.data.folder, file: entry.filePath ?? `content/seeset/${entry.id}/intro.md` })),
    essays.map((essay) => ({ slug: essay.data.slug, file: essayFile(essay) })),
    sitePages(),
  );
  return entries
    .map((entry) => ({ entry, folder: entry.data.folder, title: entry.data.title, essays: essays.filter((essay) => essay.collection === 'seesetEssays' && entry.data.essays.includes(essay.id)) }))
    .filter((series) => series.essays.length > 0)
    .sort((a, b) => a.folder.localeCompare(b.folder));
}
