// The pure core of `npm run new`: from a title and what already exists, the
// files of a new draft essay, its dataset stub, a starter aggregate over data
// already installed (vega-datasets' Seattle weather), and what to do next:
// the first `npm run dev` shows data -> aggregate -> chart with no edits.
import { stringify } from 'yaml';

export interface ExistingEssay {
  slug: string;
  index: number;
}

export interface NewEssayInput {
  title: string;
  /** Essays already in content/essays (folder name and frontmatter index). */
  existing: readonly ExistingEssay[];
  /** Dataset folders already in content/datasets. */
  existingDatasets: readonly string[];
  /** Aggregate names already in scripts/aggregates (file names without .ts). */
  existingAggregates?: readonly string[];
  /** Whether the component barrel exports Scrolly/Step (then the sample uses them). */
  hasScrolly: boolean;
  author?: string | undefined;
}

export interface PlannedFile {
  /** Path relative to the project root. */
  path: string;
  /** Text content; the cover (binary) is produced by the shell. */
  content: string;
}

export interface NewEssayPlan {
  slug: string;
  datasetId: string;
  /** The starter aggregate's name (scripts/aggregates/<name>.ts, imported as @data/<name>). */
  aggregate: string;
  index: number;
  essayDir: string;
  datasetDir: string;
  coverPath: string;
  files: PlannedFile[];
  nextSteps: string[];
}

export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaffoldError';
  }
}

/** "Ways to See: ImageNet's People!" -> "ways-to-see-imagenets-people". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** One more than the largest index in use (0 when there is none). */
export function nextIndex(existing: readonly ExistingEssay[]): number {
  return existing.reduce((max, e) => Math.max(max, e.index + 1), 0);
}

const TODO = 'TODO';

/** The scaffold's cover description and excerpt marker: the build refuses to publish them. */
export const PLACEHOLDER_ALT = 'A placeholder pattern of black and white squares generated from the title; replace it with the essay’s own cover.';
export const PLACEHOLDER_MARK = '(replace this)';

/**
 * The datasheet stub, in the shape of the datasheet schema (src/lib/datasheet.ts,
 * docs/data.md). Every value the author must write says TODO. The schema
 * rejects the stub as long as any value still says TODO, so an unfilled
 * datasheet cannot reach a page.
 */
export function datasheetStub(title: string): string {
  return [
    `# Datasheet for the data behind "${title.replace(/"/g, "'")}".`,
    '# Fill in every TODO (see docs/data.md for each field). While any TODO is left',
    '# the essay previews in `npm run dev` (with a banner), and `npm run build`',
    '# refuses to publish an essay (draft: false) that uses this data.',
    stringify(
      {
        title: `${TODO}: the dataset's name, e.g. "MNIST test set"`,
        summary: `${TODO}: one or two sentences saying what the dataset is`,
        kind: `${TODO}: raw, derived or published-figures`,
        credit: `${TODO}: the short line printed under charts, after "Source:"`,
        creators: [`${TODO}: who made the original dataset`],
        motivation: `${TODO}: why its creators made it`,
        source: { url: `${TODO}: https://... where the data or the publication is` },
        license: { name: `${TODO}: the licence, e.g. CC-BY-4.0` },
        collection: `${TODO}: how the data was collected (scraped, donated, labelled by whom)`,
        preprocessing: `${TODO}: what this project does to it, and how to redo it`,
        composition: `${TODO}: what one instance is; counts, fields, units`,
        caveats: [`${TODO}: what is known to be wrong or missing`],
        citations: [],
        files: [],
        maintainer: `${TODO}: who keeps this datasheet up to date`,
        updated: `${TODO}: the date you last checked it, e.g. 2026-11-25`,
      },
      { lineWidth: 0 },
    ).trimEnd(),
    '',
  ].join('\n');
}

function frontmatter(fields: Record<string, unknown>): string {
  return `---\n${stringify(fields, { lineWidth: 0 }).trimEnd()}\n---\n`;
}

/**
 * A working aggregate over data every install has (vega-datasets' daily
 * Seattle weather, NOAA records), counted per weather type: a stand-in the
 * author swaps for their own data (inputs, SQL, schema).
 */
export function starterAggregate(name: string, datasetId: string): string {
  return `// Starter aggregate written by \`npm run new\`: days of each weather type in
// vega-datasets' seattle-weather.csv (daily NOAA records for Seattle), a
// stand-in so the first preview already shows data -> aggregate -> chart.
// Swap it for your data: point \`inputs\` at a file in content/datasets/${datasetId}/,
// change the SQL and the schema (docs/data.md), and rename the file if you like.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';

export default defineAggregate({
  name: '${name}',
  description: 'Days of each weather type in Seattle (starter data from vega-datasets; replace it).',
  datasets: ['${datasetId}'],
  inputs: {
    weather: {
      kind: 'csv',
      from: { package: 'vega-datasets', path: 'data/seattle-weather.csv' },
      columns: { date: 'DATE', precipitation: 'DOUBLE', temp_max: 'DOUBLE', temp_min: 'DOUBLE', wind: 'DOUBLE', weather: 'VARCHAR' },
    },
  },
  queries: {
    labels: {
      sql: 'SELECT weather AS label, count(*)::INTEGER AS days FROM weather GROUP BY weather ORDER BY days DESC, label',
      row: z.object({ label: z.string(), days: z.number() }),
    },
  },
  schema: z.strictObject({
    labels: z.array(z.strictObject({ label: z.string(), days: z.number().int() })),
    totalDays: z.number().int(),
  }),
  transform: ({ rows }) => ({
    labels: rows.labels,
    totalDays: rows.labels.reduce((sum, r) => sum + r.days, 0),
  }),
});
`;
}

function scrollySample(aggregate: string): string {
  return `
## A first look

The chart beside the steps is drawn from \`@data/${aggregate}\`, a starter
aggregate over a small weather dataset that comes with every install
(scripts/aggregates/${aggregate}.ts). Each \`<Step>\` below moves the chart
to its next state; swap the data for yours and keep the shape.

<Scrolly id="first-look" label="A first look at the data">
  <Fragment slot="graphic">
    <BarChart id="first-look-chart" title="Days of each weather type" data={starter}
      select={(d) => d.labels} value="days" xLabel="Days"
      steps={[[], ['rain'], ['sun']]} />
  </Fragment>
  <Step>Start with the whole dataset: <Value of={starter} at="totalDays" format="integer" /> days, one bar per kind of weather.</Step>
  <Step>Then point at one thing: rain, on <Value of={starter} at="labels[label=rain].days" format="integer" /> of them.</Step>
  <Step>And one a reader may not expect: sun, on <Value of={starter} at="labels[label=sun].days" format="integer" />, nearly as many.</Step>
</Scrolly>
`;
}

function plainSample(): string {
  return `
## A first look

Start with the whole dataset: what is it, and how big? Every number you write
here should come from an aggregate (see docs/authoring.md), not be typed in.

## What is inside

Then show one thing inside it that a reader would not expect.
`;
}

/** The MDX of a new draft essay. */
export function essayMdx(p: { title: string; slug: string; index: number; author: string; datasetId: string; aggregate: string; hasScrolly: boolean }): string {
  return (
    frontmatter({
      title: p.title,
      slug: p.slug,
      index: p.index,
      draft: true,
      contentType: 'essay',
      coverImg: './cover.png',
      coverImgAlt: PLACEHOLDER_ALT,
      preposition: 'by',
      authors: [p.author],
      excerpt: `${p.title}: one or two sentences for the home page and share cards ${PLACEHOLDER_MARK}.`,
    }) +
    `${p.hasScrolly ? `import starter from '@data/${p.aggregate}';\n` : ''}
{/* Draft: \`npm run dev\` shows it at /${p.slug}/; set draft: false to publish.
    Its data lives in content/datasets/${p.datasetId}/ (fill in the datasheet). */}

Write the opening paragraph here: why should a reader care about this dataset?
${p.hasScrolly ? scrollySample(p.aggregate) : plainSample()}
## References

1. The datasheet of the dataset this essay reads (content/datasets/${p.datasetId}/datasheet.yaml).
`
  );
}

/** Plans the scaffold, or throws ScaffoldError (nothing written yet). */
export function planNewEssay(input: NewEssayInput): NewEssayPlan {
  const title = input.title.trim();
  if (!title) throw new ScaffoldError('Give the essay a title: npm run new -- "What the digits hide"');
  const slug = slugify(title);
  if (!slug) throw new ScaffoldError(`"${title}" has no letters or digits to make a URL from: choose a title with some`);
  const datasetId = `${slug}-data`;
  const aggregate = `${slug}-starter`;
  const essayDir = `content/essays/${slug}`;
  const datasetDir = `content/datasets/${datasetId}`;
  if (input.existing.some((e) => e.slug === slug)) {
    throw new ScaffoldError(`${essayDir}/ already exists: nothing was written. Choose another title, or edit ${essayDir}/index.mdx.`);
  }
  if (input.existingDatasets.includes(datasetId)) {
    throw new ScaffoldError(`${datasetDir}/ already exists: nothing was written. Choose another title, or remove that dataset first.`);
  }
  if (input.existingAggregates?.includes(aggregate)) {
    throw new ScaffoldError(`scripts/aggregates/${aggregate}.ts already exists: nothing was written. Choose another title, or remove that aggregate first.`);
  }
  const index = nextIndex(input.existing);
  const author = input.author?.trim() || 'Your Name';
  return {
    slug,
    datasetId,
    aggregate,
    index,
    essayDir,
    datasetDir,
    coverPath: `${essayDir}/cover.png`,
    files: [
      { path: `${essayDir}/index.mdx`, content: essayMdx({ title, slug, index, author, datasetId, aggregate, hasScrolly: input.hasScrolly }) },
      { path: `${datasetDir}/datasheet.yaml`, content: datasheetStub(title) },
      ...(input.hasScrolly ? [{ path: `scripts/aggregates/${aggregate}.ts`, content: starterAggregate(aggregate, datasetId) }] : []),
    ],
    nextSteps: [
      `npm run dev, then open http://localhost:4321/${slug}/ : the draft already shows a chart of starter data (drafts show in dev only)`,
      `write in ${essayDir}/index.mdx; components: http://localhost:4321/components/`,
      `add your data to ${datasetDir}/ (from a package or a publication: see docs/data.md) and point scripts/aggregates/${aggregate}.ts at it; the page updates on save`,
      `fill in ${datasetDir}/datasheet.yaml: until no TODO is left the preview shows a banner and \`npm run build\` refuses to publish the essay`,
      `replace ${essayDir}/cover.png (a generated placeholder) and its coverImgAlt`,
      `when ready: set draft: false and npm run build`,
    ],
  };
}

/**
 * A neutral placeholder cover: a grid of black and white cells whose pattern
 * comes from the slug (so two drafts look different), as 8-bit greyscale.
 */
export function placeholderCover(slug: string, width = 1280, height = 800, cell = 40): Uint8Array {
  let seed = 2166136261;
  for (const ch of slug) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619) >>> 0;
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const on: boolean[] = [];
  for (let i = 0; i < cols * rows; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    on.push(seed >>> 24 < 90);
  }
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inset = x % cell > 2 && y % cell > 2;
      if (inset && on[Math.floor(y / cell) * cols + Math.floor(x / cell)]) pixels[y * width + x] = 0;
    }
  }
  return pixels;
}
