// Checks the props an author wrote on a chart in MDX, so a typo or a missing
// aggregate stops the build with the essay's file and line, the prop and the fix.
import { existsSync } from 'node:fs';
import { AuthorError, type AuthorErrorDetails } from '../author-error.ts';
import { closestName } from '../did-you-mean.ts';
import type { Aggregate } from '../provenance.ts';
import { locateInFile } from '../source-location.ts';

/**
 * Where the author fixes a chart on `page`: the essay whose slug is a segment
 * of the page's path (/<slug>/, /<slug>/present/, /embed/<slug>/<id>/), at the
 * line of the chart's id="..." when given; otherwise the page itself.
 */
export function chartPlace(page: string, id?: unknown): Pick<AuthorErrorDetails, 'file' | 'line' | 'column'> {
  const slug = page.split('/').find((seg) => seg && existsSync(`content/essays/${seg}/index.mdx`));
  if (!slug) return { file: `page ${page}` };
  const file = `content/essays/${slug}/index.mdx`;
  return { file, ...(typeof id === 'string' ? locateInFile(file, `id="${id}"`) : undefined) };
}

/** Props every chart takes. */
export interface ChartBaseProps<T> {
  /** Unique in the page: the figure's id (and anchor, and embed id). */
  id: string;
  /** Short title above the chart; also the SVG's <title>. */
  title: string;
  /** The aggregate ({ provenance, data }) the chart draws. */
  data: Aggregate<T>;
  /** The step shown in the server render (0-based). */
  step?: number;
  caption?: string;
  /** A sentence under the caption, e.g. what is measured and what is illustrative. */
  note?: string;
  /** Let the figure break out of the text column. */
  wide?: boolean;
}

export const BASE_PROPS = ['id', 'title', 'data', 'step', 'caption', 'note', 'wide'] as const;

export interface PropCheck {
  /** Component name as written in MDX, e.g. "Histogram". */
  component: string;
  /** The page being built (Astro.url.pathname): the best location we have. */
  page: string;
  props: object;
  /** Props beyond BASE_PROPS. */
  known: readonly string[];
  required: readonly string[];
}

/** Throws an AuthorError for an unknown or missing prop, or data that is not an aggregate. */
export function checkChartProps({ component, page, props: given, known, required }: PropCheck): void {
  const props = given as Record<string, unknown>;
  const place = chartPlace(page, props['id']);
  const id = typeof props['id'] === 'string' ? ` id="${props['id']}"` : '';
  for (const name of Object.keys(props)) {
    // Astro passes `slot` (placement in a parent such as <Scrolly>) as a prop.
    if (name === 'children' || name === 'class' || name === 'slot') continue;
    if (!known.includes(name) && !(BASE_PROPS as readonly string[]).includes(name)) {
      throw new AuthorError(`<${component}${id}> has an unknown prop "${name}"`, {
        ...place,
        field: name,
        hint: `use one of: ${[...BASE_PROPS, ...known].join(', ')} (see docs/charts.md)`,
      });
    }
  }
  for (const name of required) {
    if (props[name] === undefined) {
      throw new AuthorError(`<${component}${id}> is missing the prop "${name}"`, { ...place, field: name, hint: `add ${name}={...} (see docs/charts.md)` });
    }
  }
  const data = props['data'];
  if (data !== undefined && !isAggregate(data)) {
    throw new AuthorError(`<${component}${id}> got data that is not an aggregate ({ provenance, data })`, {
      ...place,
      field: 'data',
      hint: "import it from '@data/<name>' so the chart can show its source line",
    });
  }
}

export function isAggregate(value: unknown): value is Aggregate<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const p = v['provenance'] as Record<string, unknown> | undefined;
  return 'data' in v && typeof p === 'object' && p !== null && typeof p['source'] === 'string' && Array.isArray(p['datasets']);
}

/** Throws an AuthorError about one prop's value (at the chart's line when its id is given). */
export function propError(component: string, page: string, field: string, message: string, hint: string, id?: string): never {
  throw new AuthorError(`<${component}${id ? ` id="${id}"` : ''}> ${message}`, { ...chartPlace(page, id), field, hint });
}

/**
 * Every highlighted label (in `highlight` and in each of `steps`) must be a
 * category the chart draws: a label that matches nothing would highlight
 * nothing while the screen-reader text claims it.
 */
export function checkHighlights(component: string, page: string, id: string, drawn: readonly string[], highlight: readonly string[], steps: readonly (readonly string[])[] | undefined): void {
  const lists: [string, readonly string[]][] = [['highlight', highlight], ...(steps ?? []).map((s, i): [string, readonly string[]] => [`steps[${i}]`, s])];
  for (const [field, labels] of lists) {
    for (const label of labels) {
      if (drawn.includes(label)) continue;
      const guess = closestName(label, drawn) ?? drawn.find((d) => d.toLowerCase().startsWith(label.toLowerCase().slice(0, 3)));
      propError(component, page, field, `highlights "${label}", which is not a category of the chart${guess ? `: did you mean "${guess}"?` : ''}`,
        `use the labels as the data spells them: ${drawn.slice(0, 20).join(', ')}${drawn.length > 20 ? ', ...' : ''}`, id);
    }
  }
}

/**
 * Reads `{label, value}` rows out of an aggregate: `select` picks the array
 * (default: the data itself), `labelKey`/`valueKey` name the fields.
 */
export function pickRows(
  component: string,
  page: string,
  data: unknown,
  select: ((data: any) => unknown) | undefined,
  labelKey = 'label',
  valueKey = 'value',
): { label: string; value: number }[] {
  const picked = select ? select(data) : data;
  if (!Array.isArray(picked) || picked.length === 0) {
    propError(component, page, select ? 'select' : 'data', 'found no rows in the data', 'make `select` return an array of rows');
  }
  return picked.map((row: Record<string, unknown>, i: number) => {
    const label = row?.[labelKey];
    const value = row?.[valueKey];
    if (typeof label !== 'string' || typeof value !== 'number' || !Number.isFinite(value)) {
      propError(component, page, `row ${i}`, `row ${i} has no text "${labelKey}" and number "${valueKey}" (got ${JSON.stringify(row).slice(0, 80)})`,
        'set label="..." and value="..." to the field names of the rows, or pass select={(d) => rows}');
    }
    return { label, value };
  });
}
