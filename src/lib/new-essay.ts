// The pure core of `npm run new`: from a title and what already exists, the
// files of a new draft essay and its dataset stub, and what to do next.
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

/**
 * The datasheet stub, in the shape of the datasheet schema (src/lib/datasheet.ts,
 * docs/data.md). Every value the author must write says TODO. The schema
 * rejects the stub as long as any value still says TODO, so an unfilled
 * datasheet cannot reach a page.
 */
export function datasheetStub(title: string): string {
  return [
    `# Datasheet for the data behind "${title.replace(/"/g, "'")}".`,
    '# Fill in every TODO (see docs/data.md for each field). `npm run data` rejects',
    '# this file (and so `npm run dev` and `npm run build` stop) while any TODO is left.',
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

function scrollySample(): string {
  return `
## A first look

Each step below is a paragraph; the graphic beside it shows the state whose
\`data-state\` matches the active step. Replace the placeholders with a chart
from the component catalog (/components/).

<Scrolly id="first-look" label="A first look at the dataset">
  <Fragment slot="graphic">
    <div class="scrolly-states">
      <p data-state="0">The graphic in its first state.</p>
      <p data-state="1">The graphic after the second step.</p>
    </div>
  </Fragment>
  <Step>Start with the whole dataset: what is it, and how big?</Step>
  <Step>Then show one thing inside it that a reader would not expect.</Step>
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
export function essayMdx(p: { title: string; slug: string; index: number; author: string; datasetId: string; hasScrolly: boolean }): string {
  return (
    frontmatter({
      title: p.title,
      slug: p.slug,
      index: p.index,
      draft: true,
      contentType: 'essay',
      coverImg: './cover.png',
      coverImgAlt: 'A placeholder pattern of black and white squares generated from the title; replace it with the essay’s own cover.',
      preposition: 'by',
      authors: [p.author],
      excerpt: `${p.title}: one or two sentences for the home page and share cards (replace this).`,
    }) +
    `
{/* Draft: \`npm run dev\` shows it at /${p.slug}/; set draft: false to publish.
    Its data lives in content/datasets/${p.datasetId}/ (fill in the datasheet). */}

Write the opening paragraph here: why should a reader care about this dataset?
${p.hasScrolly ? scrollySample() : plainSample()}
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
  const essayDir = `content/essays/${slug}`;
  const datasetDir = `content/datasets/${datasetId}`;
  if (input.existing.some((e) => e.slug === slug)) {
    throw new ScaffoldError(`${essayDir}/ already exists: nothing was written. Choose another title, or edit ${essayDir}/index.mdx.`);
  }
  if (input.existingDatasets.includes(datasetId)) {
    throw new ScaffoldError(`${datasetDir}/ already exists: nothing was written. Choose another title, or remove that dataset first.`);
  }
  const index = nextIndex(input.existing);
  const author = input.author?.trim() || 'Your Name';
  return {
    slug,
    datasetId,
    index,
    essayDir,
    datasetDir,
    coverPath: `${essayDir}/cover.png`,
    files: [
      { path: `${essayDir}/index.mdx`, content: essayMdx({ title, slug, index, author, datasetId, hasScrolly: input.hasScrolly }) },
      { path: `${datasetDir}/datasheet.yaml`, content: datasheetStub(title) },
    ],
    nextSteps: [
      `fill in ${datasetDir}/datasheet.yaml first: \`npm run dev\` and \`npm run build\` check every datasheet and stop at this one (file, line, field) while any TODO is left`,
      `npm run dev, then open http://localhost:4321/${slug}/ (drafts show in dev only)`,
      `write in ${essayDir}/index.mdx; components: http://localhost:4321/components/`,
      `replace ${essayDir}/cover.png (a generated placeholder) and its coverImgAlt`,
      `add the data beside the datasheet (from a package or a publication: see docs/data.md)`,
      `add an aggregate script in scripts/aggregates/ (see docs/authoring.md), then npm run data`,
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
