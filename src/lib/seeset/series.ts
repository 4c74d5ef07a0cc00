// A dropped-in see:set series keeps a blurb beside its essays
// (content/seeset/<series>/intro.md, no frontmatter): it becomes the series
// page at /<series>/. Its title, and the rule that the page's URL is not
// already taken by an essay or one of the site's own pages.
import { AuthorError } from '../author-error.ts';

const ATX_HEADING = /^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * The series' title and the blurb to render under it. A blurb that opens
 * with a `# Heading` names the series (the line is blanked, so later lines
 * keep their numbers for error messages); otherwise the folder name reads
 * as words (`9-ways-to-see` -> "9 ways to see").
 */
export function seriesIntro(folder: string, source: string): { title: string; body: string } {
  const lines = source.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  const heading = first === -1 ? null : ATX_HEADING.exec(lines[first]!.replace(/\r$/, ''));
  if (heading) {
    lines[first] = '';
    return { title: heading[1]!, body: lines.join('\n') };
  }
  const words = folder.replace(/[-_]+/g, ' ').trim();
  return { title: words.charAt(0).toUpperCase() + words.slice(1), body: source };
}

/**
 * Refuses a series page whose URL (/<folder>/) is an essay's (/<slug>/) or
 * one of the site's own top-level pages. URLs compare without letter case:
 * on a case-insensitive disk /C4/ and /c4/ are one folder of dist/.
 */
export function assertSeriesUrlsFree(
  series: readonly { folder: string; file: string }[],
  essays: readonly { slug: string; file: string }[],
  sitePages: readonly string[] = [],
): void {
  const essayBySlug = new Map(essays.map((e) => [e.slug.toLowerCase(), e.file]));
  const seen = new Map<string, string>();
  for (const { folder, file } of series) {
    const url = folder.toLowerCase();
    const essay = essayBySlug.get(url);
    if (essay !== undefined) {
      throw new AuthorError(`the series page /${folder}/ would take the URL of the essay ${essay} (slug "${url}")`, {
        file, hint: `rename the series folder or change the slug of ${essay}: a series page and an essay cannot share /${url}/`,
      });
    }
    if (sitePages.includes(url)) {
      throw new AuthorError(`the series page /${folder}/ would take the URL of the site's own /${url}/ page`, {
        file, hint: `rename the series folder (/${url}/ is made by src/pages/)`,
      });
    }
    const other = seen.get(url);
    if (other !== undefined) throw new AuthorError(`the series page /${folder}/ is also ${other}'s`, { file, hint: 'give each series folder its own name (letter case does not count)' });
    seen.set(url, file);
  }
}
