// Finds capitalised tags in an essay's MDX that name no component: neither
// exported by the essay-components barrel nor imported by the essay. MDX only
// says "Expected component X to be defined" at render time; this names the
// file, the line, the closest component and the list to choose from.
import { AuthorError } from './author-error.ts';
import { closestName } from './did-you-mean.ts';

export interface UnknownComponent {
  name: string;
  /** 1-based line in the file. */
  line: number;
  suggestion: string | undefined;
}

const BUILT_IN = new Set(['Fragment']);

/** Blanks out code (fenced and inline) and MDX comments, keeping line breaks. */
export function withoutCode(source: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return source
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank);
}

/** Names bound by the essay's own import statements. */
export function importedNames(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/^import\s+([\s\S]*?)\s+from\s+['"][^'"]+['"]/gm)) {
    const clause = m[1]!;
    const ns = /\*\s+as\s+(\w+)/.exec(clause);
    if (ns) names.add(ns[1]!);
    const braces = /\{([^}]*)\}/.exec(clause);
    for (const part of braces?.[1]?.split(',') ?? []) {
      const name = part.trim().split(/\s+as\s+/).pop();
      if (name) names.add(name);
    }
    const def = /^(\w+)/.exec(clause.trim());
    if (def && !clause.trim().startsWith('{') && !clause.trim().startsWith('*')) names.add(def[1]!);
  }
  return names;
}

export function findUnknownComponents(source: string, available: readonly string[]): UnknownComponent[] {
  const text = withoutCode(source);
  const known = new Set([...available, ...BUILT_IN, ...importedNames(source)]);
  const found: UnknownComponent[] = [];
  for (const m of text.matchAll(/<([A-Z][A-Za-z0-9_]*)(?=[\s/>])/g)) {
    const name = m[1]!;
    if (known.has(name) || found.some((f) => f.name === name)) continue;
    const line = text.slice(0, m.index).split('\n').length;
    found.push({ name, line, suggestion: closestName(name, available) });
  }
  return found;
}

/** Throws one AuthorError for the first unknown component, listing what exists. */
export function assertKnownComponents(source: string, available: readonly string[], file: string): void {
  const [first, ...rest] = findUnknownComponents(source, available);
  if (!first) return;
  const also = rest.length ? ` (also unknown: ${rest.map((r) => `<${r.name}> line ${r.line}`).join(', ')})` : '';
  throw new AuthorError(
    `<${first.name}> is not a component essays can use${first.suggestion ? `: did you mean <${first.suggestion}>?` : ''}${also}`,
    {
      file,
      line: first.line,
      field: first.name,
      hint: `use one of ${[...available].sort().map((n) => `<${n}>`).join(', ')} (catalog: /components/), or import your own component at the top of the essay`,
    },
  );
}
