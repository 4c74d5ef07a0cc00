// Reads an essay's MDX source (no rendering) and finds the mistakes authors
// make with components and data, each at the author's file:line:column:
// unknown components, unknown props (with "did you mean" for a wrong case),
// `@data/<name>` imports of aggregates that do not exist, unused imports, and
// <Value> paths that do not lead to a number. Every problem of an essay is
// returned, so one run lists them all. Pure: the caller passes what exists.
import { closestName } from './did-you-mean.ts';
import { findUnknownComponents, withoutCode } from './mdx-components-check.ts';
import type { UnfinishedDataset } from './dataset-catalog.ts';
import { PLACEHOLDER_ALT, PLACEHOLDER_MARK } from './new-essay.ts';
import { lookupNumber } from './value-path.ts';

export interface SourceProblem {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
  hint: string;
}

export interface EssaySourceContext {
  /** Author-facing components and the props each takes (from the catalog docs). */
  components: Readonly<Record<string, readonly string[]>>;
  /** Aggregate name -> its data (the `data` of src/generated/data/<name>.json). */
  aggregates: ReadonlyMap<string, unknown>;
  /** Aggregate name -> the unfinished dataset (TODOs in its datasheet) it is built from. */
  unfinished?: ReadonlyMap<string, UnfinishedDataset>;
  /** True for `astro build`: a published essay may not use unfinished data (previews may). */
  publishing?: boolean;
}

/** Whether the essay's frontmatter says `draft: true`. */
export function isDraft(source: string): boolean {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  return /^draft:\s*true\s*(#.*)?$/m.test(front);
}

export interface FrontmatterField {
  /** Offset of the field's name in the source. */
  offset: number;
  /** Its value as text: quotes removed, a block scalar's lines joined; '' when empty. */
  value: string;
}

/** A top-level frontmatter field as text (enough to tell empty from written), or undefined when absent. */
export function frontmatterField(source: string, name: string): FrontmatterField | undefined {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!front) return undefined;
  const start = front.index + front[0].indexOf(front[1]!);
  const lines = front[1]!.split('\n');
  let offset = start;
  for (let i = 0; i < lines.length; i++) {
    const m = new RegExp(`^${name}:(.*)$`).exec(lines[i]!.replace(/\r$/, ''));
    if (m) {
      // The value: the rest of the line, then any indented continuation lines.
      const parts = [m[1]!.replace(/\s#.*$/, '').trim()];
      for (let j = i + 1; j < lines.length && /^\s+\S|^\s*$/.test(lines[j]!); j++) parts.push(lines[j]!.trim());
      const value = parts.join(' ').replace(/^[>|][+-]?\d*/, '').trim().replace(/^(["'])([\s\S]*)\1$/, '$2').trim();
      return { offset, value };
    }
    offset += lines[i]!.length + 1;
  }
  return undefined;
}

/** Frontmatter a published essay needs for screen readers, the home page and share cards. */
const PUBLISH_FIELDS = [
  { field: 'coverImgAlt', what: 'the cover\'s alt text', hint: 'describe what the cover shows in a sentence, e.g. coverImgAlt: "Ten rows of handwritten digits, dithered in black and white", or keep the essay a draft (draft: true)' },
  { field: 'excerpt', what: 'the excerpt', hint: 'write one or two sentences for the home page, feeds and share cards, e.g. excerpt: "What 70,000 handwritten digits teach a model, and what they leave out.", or keep the essay a draft (draft: true)' },
] as const;

/** coverImgAlt and excerpt missing or empty in a published essay, at the field's line (or the frontmatter's first line). */
export function emptyPublishFields(source: string): { offset: number; field: string; message: string; hint: string }[] {
  return PUBLISH_FIELDS.flatMap(({ field, what, hint }) => {
    const found = frontmatterField(source, field);
    if (found && found.value) return [];
    return [{ offset: found?.offset ?? 0, field, message: found ? `${what} is empty, so a published essay would go out without it` : `${what} is missing (no ${field}: in the frontmatter)`, hint }];
  });
}

export interface Position {
  line: number;
  column: number;
}

/** 1-based line and column of a character offset. */
export function positionAt(source: string, offset: number): Position {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export interface JsxAttribute {
  name: string;
  offset: number;
  /** A string literal's text, or the source of a {expression} (without braces). */
  value?: { kind: 'string' | 'expression'; text: string; offset: number };
}

export interface JsxTag {
  name: string;
  offset: number;
  attributes: JsxAttribute[];
}

/** The end of a {...} expression starting at `start` (on the "{"), skipping strings. */
function expressionEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) return text.length;
      i = close;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Opening tags of capitalised components with their attributes (code and comments blanked first). */
export function jsxTags(source: string): JsxTag[] {
  const text = withoutCode(source);
  const tags: JsxTag[] = [];
  for (const m of text.matchAll(/<([A-Z][A-Za-z0-9_]*)(?=[\s/>])/g)) {
    const tag: JsxTag = { name: m[1]!, offset: m.index, attributes: [] };
    let i = m.index + m[0].length;
    while (i < text.length) {
      while (/\s/.test(text[i] ?? '')) i++;
      const ch = text[i];
      if (ch === undefined || ch === '>' || (ch === '/' && text[i + 1] === '>')) break;
      if (ch === '{') {
        i = expressionEnd(text, i); // {...spread}
        continue;
      }
      const name = /^[A-Za-z_$][\w$:.-]*/.exec(text.slice(i))?.[0];
      if (!name) break;
      const attr: JsxAttribute = { name, offset: i };
      i += name.length;
      while (/\s/.test(text[i] ?? '')) i++;
      if (text[i] === '=') {
        i++;
        while (/\s/.test(text[i] ?? '')) i++;
        const q = text[i];
        if (q === '"' || q === "'") {
          const close = text.indexOf(q, i + 1);
          const end = close < 0 ? text.length : close;
          attr.value = { kind: 'string', text: text.slice(i + 1, end), offset: i + 1 };
          i = end + 1;
        } else if (q === '{') {
          const end = expressionEnd(text, i);
          attr.value = { kind: 'expression', text: text.slice(i + 1, end - 1).trim(), offset: i + 1 };
          i = end;
        }
      }
      tag.attributes.push(attr);
    }
    tags.push(tag);
  }
  return tags;
}

export interface DataImport {
  binding: string;
  aggregate: string;
  /** Offset of the aggregate name inside the import's quotes. */
  offset: number;
}

/** `import x from '@data/<name>'` lines of the essay. */
export function dataImports(source: string): DataImport[] {
  return [...source.matchAll(/^import\s+(\w+)\s+from\s+(['"])@data\/([^'"]*)\2/gm)].map((m) => ({
    binding: m[1]!,
    aggregate: m[3]!,
    offset: m.index + m[0].lastIndexOf(m[3]!),
  }));
}

/** Props every component takes from Astro or MDX, whatever its docs say. */
const ALWAYS_ALLOWED = new Set(['slot', 'class', 'children', 'key']);

export function checkEssaySource(source: string, file: string, ctx: EssaySourceContext): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const at = (offset: number) => positionAt(source, offset);
  const add = (severity: SourceProblem['severity'], offset: number, field: string, message: string, hint: string) =>
    problems.push({ severity, file, ...at(offset), field, message, hint });

  const available = Object.keys(ctx.components);
  for (const u of findUnknownComponents(source, available)) {
    const offset = source.split('\n').slice(0, u.line - 1).join('\n').length + (u.line > 1 ? 1 : 0) + Math.max(0, source.split('\n')[u.line - 1]!.indexOf(`<${u.name}`));
    add('error', offset, u.name, `<${u.name}> is not a component essays can use${u.suggestion ? `: did you mean <${u.suggestion}>?` : ''}`,
      `use one of ${[...available].sort().map((n) => `<${n}>`).join(', ')} (catalog: /components/), or import your own component at the top of the essay`);
  }

  const imports = dataImports(source);
  const bindings = new Map<string, DataImport>();
  const names = [...ctx.aggregates.keys()].sort();
  for (const imp of imports) {
    bindings.set(imp.binding, imp);
    if (!ctx.aggregates.has(imp.aggregate)) {
      const guess = closestName(imp.aggregate, names);
      add('error', imp.offset, `@data/${imp.aggregate}`, `there is no aggregate "${imp.aggregate}"${guess ? `: did you mean @data/${guess}?` : ''}`,
        `import one of: ${names.join(', ')}; or add scripts/aggregates/${imp.aggregate}.ts and run npm run data (docs/data.md)`);
    }
  }
  if (ctx.publishing && !isDraft(source)) {
    for (const problem of emptyPublishFields(source)) add('error', problem.offset, problem.field, problem.message, problem.hint);
    const alt = source.indexOf(PLACEHOLDER_ALT);
    if (alt >= 0) add('error', alt, 'coverImgAlt', 'the cover is still the placeholder `npm run new` made, and so is its description', 'put the essay\'s own cover next to it (coverImg) and describe it in coverImgAlt, or keep the essay a draft (draft: true)');
    const excerpt = /^excerpt:.*$/m.exec(source);
    if (excerpt?.[0].includes(PLACEHOLDER_MARK)) add('error', excerpt.index, 'excerpt', 'the excerpt is still the one `npm run new` wrote', 'write one or two sentences for the home page and share cards, or keep the essay a draft (draft: true)');
    for (const imp of imports) {
      const u = ctx.unfinished?.get(imp.aggregate);
      if (!u) continue;
      add('error', imp.offset, `@data/${imp.aggregate}`, `this published essay uses "${imp.aggregate}", built from dataset "${u.id}" whose datasheet is unfinished (${u.fields.length} field(s) still say TODO: ${u.fields.slice(0, 6).join(', ')}${u.fields.length > 6 ? ', ...' : ''})`,
        `fill in ${u.file} (docs/data.md explains each field), or keep the essay a draft (draft: true)`);
    }
  }
  // Unused imports: the binding appears nowhere but its own import line.
  const body = withoutCode(source).replace(/^import\s.*$/gm, '');
  for (const imp of imports) {
    if (!new RegExp(`\\b${imp.binding}\\b`).test(body)) {
      add('warning', imp.offset, imp.binding, `"${imp.binding}" (@data/${imp.aggregate}) is imported but never used`, `use it (e.g. <Value of={${imp.binding}} at="..." />) or remove the import`);
    }
  }

  for (const tag of jsxTags(source)) {
    const allowed = ctx.components[tag.name];
    if (!allowed) continue;
    const id = tag.attributes.find((a) => a.name === 'id')?.value?.text;
    const label = `<${tag.name}${id ? ` id="${id}"` : ''}>`;
    for (const attr of tag.attributes) {
      if (ALWAYS_ALLOWED.has(attr.name) || attr.name.includes(':') || allowed.includes(attr.name)) continue;
      const sameLetters = allowed.find((p) => p.toLowerCase() === attr.name.toLowerCase());
      const guess = sameLetters ?? closestName(attr.name, allowed);
      add('error', attr.offset, `${tag.name}.${attr.name}`, `${label} has no prop "${attr.name}"${guess ? `: did you mean "${guess}"?` : ''}`,
        `use one of: ${allowed.join(', ')} (catalog: /components/${tag.name.toLowerCase()}/)`);
    }
    if (tag.name === 'Value') checkValue(tag, label, bindings, ctx, add);
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

type Add = (severity: SourceProblem['severity'], offset: number, field: string, message: string, hint: string) => void;

/** A <Value of={x} at="..."> whose `x` is a @data import: the path must reach a number. */
function checkValue(tag: JsxTag, label: string, bindings: Map<string, DataImport>, ctx: EssaySourceContext, add: Add): void {
  const of = tag.attributes.find((a) => a.name === 'of');
  const path = tag.attributes.find((a) => a.name === 'at' || a.name === 'path');
  if (!of?.value || of.value.kind !== 'expression' || !path?.value || path.value.kind !== 'string') return;
  const imp = bindings.get(of.value.text);
  if (!imp || !ctx.aggregates.has(imp.aggregate)) return;
  const found = lookupNumber(ctx.aggregates.get(imp.aggregate), path.value.text);
  if (!found.ok) add('error', path.value.offset, `Value.${path.name}`, `${label}: in aggregate "${imp.aggregate}", ${found.problem}`, found.hint);
}

/** One block of text for the terminal or the dev overlay: every problem with its fix. */
export function formatSourceProblems(problems: readonly SourceProblem[]): string {
  return problems
    .map((p) => `${p.file}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.field}: ${p.message}\n  fix: ${p.hint}`)
    .join('\n');
}

/** The frontmatter `index` of an essay's source and its offset, if it is a plain number. */
export function frontmatterIndex(source: string): { index: number; offset: number } | undefined {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  const m = front ? /^index:\s*(\d+)\s*(#.*)?$/m.exec(front[1]!) : null;
  return m ? { index: Number(m[1]), offset: front!.index + front![0].indexOf(front![1]!) + m.index } : undefined;
}

/**
 * Two essays with the same `index` have no defined order on the home page:
 * every essay after the first that repeats an index is an error at its line.
 */
export function repeatedIndexes(essays: readonly { file: string; source: string }[]): SourceProblem[] {
  const seen = new Map<number, string>();
  const problems: SourceProblem[] = [];
  for (const { file, source } of essays) {
    const found = frontmatterIndex(source);
    if (!found) continue;
    const first = seen.get(found.index);
    if (first) {
      problems.push({ severity: 'error', file, ...positionAt(source, found.offset), field: 'index', message: `index ${found.index} is also the index of ${first}, so the home page has no order for them`, hint: 'give each essay its own index (npm run new picks the next free one)' });
    } else seen.set(found.index, file);
  }
  return problems;
}
