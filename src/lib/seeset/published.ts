// The frontmatter of see:set essays as the series publishes it, made to fit
// our schema without editing the file: every value is a quoted string
// (`index: "4"`, `fileIndex: "1"`), `authors` is one string, slugs are mixed
// case (`ImageNet`). Only these shapes are converted; anything else is left
// for the schema to judge, so a typo still fails.
import { WIDGET_KEY } from './widgets.ts';

const WHOLE = /^\s*\d+\s*$/;
const asNumber = (value: unknown) => (typeof value === 'string' && WHOLE.test(value) ? Number(value) : value);
const asBoolean = (value: unknown) => (value === 'true' ? true : value === 'false' ? false : value);

/** The canonical, lower-case URL slug of a published (possibly mixed-case) slug. */
export const canonicalSlug = (slug: string) => slug.toLowerCase();

/** A copy of the parsed frontmatter with published value shapes converted. */
export function acceptPublished(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const data: Record<string, unknown> = { ...raw };
  if ('index' in data) data['index'] = asNumber(data['index']);
  if ('draft' in data) data['draft'] = asBoolean(data['draft']);
  if (typeof data['authors'] === 'string') data['authors'] = [data['authors']];
  if (typeof data['slug'] === 'string') data['slug'] = canonicalSlug(data['slug']);
  for (const [key, value] of Object.entries(data)) {
    if (!WIDGET_KEY.test(key) || typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const widget: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if ('fileIndex' in widget) widget['fileIndex'] = asNumber(widget['fileIndex']);
    data[key] = widget;
  }
  return data;
}

const plain = (markdown: string) =>
  markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Whether the essay's first paragraph is its excerpt, word for word (the
 * series often repeats it): the essay page then prints it once, in the body.
 */
export function excerptOpensBody(body: string, excerpt: string): boolean {
  const blocks = body.split(/\r?\n[ \t]*\r?\n/).map((b) => b.trim()).filter(Boolean);
  const first = blocks.find((b) => !/^(#|<|!\[|\[:|---|\|)/.test(b));
  return first !== undefined && plain(first) === plain(excerpt);
}

/** One warning per essay whose `index` another essay also has (the home page then orders them by title). */
export function repeatedIndexWarnings(essays: readonly { file: string; index: number }[]): string[] {
  const first = new Map<number, string>();
  const warnings: string[] = [];
  for (const { file, index } of essays) {
    const other = first.get(index);
    if (other === undefined) first.set(index, file);
    else warnings.push(`${file}: index ${index} is also the index of ${other}; the home page orders the two by title (give each essay its own index to choose the order)`);
  }
  return warnings;
}
