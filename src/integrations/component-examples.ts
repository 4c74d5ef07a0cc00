// Writes each component's documented MDX example (the `example` of every
// src/components/**/<Name>.docs.ts) to src/generated/component-examples/<Name>.mdx
// before a build or dev server starts, so the /components/ catalog renders the
// very example authors copy: an example that stops compiling fails the build.
import type { AstroIntegration } from 'astro';
import { mkdirSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ComponentDocs } from '../lib/component-docs.ts';
import { AuthorError } from '../lib/author-error.ts';
import { writeFileAtomic } from '../lib/atomic-write.ts';

export const EXAMPLES_DIR = 'src/generated/component-examples';
/** Examples that cannot compile, by component name, with the reason (read by the catalog). */
export const PROBLEMS_FILE = 'problems.json';

/** The aggregates an example imports (`@data/<name>`) that `npm run data` has not produced. */
export function missingAggregates(example: string, root: string): string[] {
  return [...example.matchAll(/from\s+['"]@data\/([^'"]+)['"]/g)]
    .map((m) => m[1]!)
    .filter((name) => !existsSync(join(root, 'src/generated/data', `${name}.ts`)));
}

export function findDocsFiles(root: string): string[] {
  const dir = join(root, 'src/components');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.docs.ts'))
    .map((f) => join(dir, f))
    .sort();
}

function writeIfChanged(file: string, text: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  writeFileAtomic(file, text);
}

export interface ExamplesReport {
  written: string[];
  /** Component name -> why its example is not compiled. */
  problems: Record<string, string>;
}

export async function writeComponentExamples(root: string): Promise<ExamplesReport> {
  const out = join(root, EXAMPLES_DIR);
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  const problems: Record<string, string> = {};
  for (const file of findDocsFiles(root)) {
    const { docs } = (await import(pathToFileURL(file).href)) as { docs?: ComponentDocs };
    const where = relative(root, file);
    if (!docs?.name || typeof docs.example !== 'string') {
      throw new AuthorError('does not export `docs: ComponentDocs` with a name and an example', { file: where, hint: 'see src/lib/component-docs.ts' });
    }
    const missing = missingAggregates(docs.example, root);
    if (missing.length) {
      // Compiling it would stop the whole site's build: the catalog shows the problem instead.
      problems[docs.name] = `${where}: the example imports ${missing.map((m) => `@data/${m}`).join(', ')}, which \`npm run data\` does not produce (no scripts/aggregates/<name>.ts for it): point the example at an existing aggregate`;
      continue;
    }
    const name = `${docs.name}.mdx`;
    writeIfChanged(join(out, name), `${docs.example.trim()}\n`);
    written.push(name);
  }
  writeIfChanged(join(out, PROBLEMS_FILE), `${JSON.stringify(problems, null, 2)}\n`);
  for (const stale of readdirSync(out)) if (!written.includes(stale) && stale !== PROBLEMS_FILE) rmSync(join(out, stale), { force: true });
  return { written, problems };
}

export function componentExamples(): AstroIntegration {
  return {
    name: 'dataset-essays:component-examples',
    hooks: {
      'astro:config:setup': async ({ config, addWatchFile, logger }) => {
        const root = fileURLToPath(config.root);
        const { written, problems } = await writeComponentExamples(root);
        for (const file of findDocsFiles(root)) addWatchFile(file);
        logger.info(`${written.length} component example(s) for /components/`);
        for (const problem of Object.values(problems)) logger.warn(`example not compiled: ${problem}`);
      },
    },
  };
}
