// Prop checks shared by the author-facing Astro components that are not charts
// (charts check theirs with src/lib/charts/chart-props.ts): which file the
// author fixes, unknown props, and the data + select pair.
import { AuthorError } from './author-error.ts';

/** The file an author fixes: the essay's MDX on an essay page, otherwise the page's path. */
export function usedIn(params: Record<string, string | undefined>, url: URL): string {
  return params['slug'] ? `content/essays/${params['slug']}/index.mdx` : url.pathname;
}

/** Throws for every prop outside `known` (`slot`, Astro's placement in a parent, is always allowed). */
export function checkKnownProps(component: string, props: object, known: readonly string[], file: string): void {
  const unknown = Object.keys(props).filter((k) => k !== 'slot' && !known.includes(k));
  if (unknown.length) {
    throw new AuthorError(`<${component}> has no prop ${unknown.map((k) => `"${k}"`).join(', ')}`, { file, field: component, hint: `use ${known.join(', ')}` });
  }
}

/** Throws unless `data` is an aggregate ({ provenance, data }) and `select` a function. */
export function checkDataSelect(component: string, id: string, data: unknown, select: unknown, file: string): void {
  if (!(data as { provenance?: unknown } | undefined)?.provenance || typeof select !== 'function') {
    throw new AuthorError(`<${component} id="${id}"> needs data={an aggregate} and select={(d) => rows}`, { file, field: 'data/select', hint: "import the aggregate with `import x from '@data/<name>'`" });
  }
}
