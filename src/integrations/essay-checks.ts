// Checks every MDX essay before Vite sees it, so the common mistakes stop the
// build with the essay's file and line, all of them in one run: images it
// points to that are missing, unknown components and props, `@data` imports
// of aggregates that do not exist, and <Value> paths that lead nowhere.
// In `npm run dev` the same source check runs per page
// (src/components/essay/EssayBody.astro), so it shows in the error overlay
// and updates on every save; here it only prints, so the server still starts.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ComponentDocs } from '../lib/component-docs.ts';
import { assertEssayImagesUsable } from '../lib/essay-images-check.ts';
import { checkEssaySource, formatSourceProblems, repeatedIndexes, type SourceProblem } from '../lib/essay-source-check.ts';
import { essaySourceContext } from '../lib/essay-source-context.ts';
import { placeholderCoverProblems } from '../lib/placeholder-cover.ts';
import { findDocsFiles } from './component-examples.ts';

/** Every problem the source check finds in every essay, in essay order. */
export async function essaySourceProblems(root: string, publishing: boolean): Promise<SourceProblem[]> {
  const docs: ComponentDocs[] = [];
  for (const file of findDocsFiles(root)) docs.push((await import(pathToFileURL(file).href) as { docs: ComponentDocs }).docs);
  const ctx = essaySourceContext(root, docs, publishing);
  const dir = join(root, 'content/essays');
  if (!existsSync(dir)) return [];
  const essays = readdirSync(dir).sort().flatMap((slug) => {
    const file = join(dir, slug, 'index.mdx');
    return existsSync(file) ? [{ file: `content/essays/${slug}/index.mdx`, source: readFileSync(file, 'utf8') }] : [];
  });
  return [...essays.flatMap((e) => checkEssaySource(e.source, e.file, ctx)), ...repeatedIndexes(essays)];
}

/** Prints warnings; throws one error listing every error (build) or prints them (dev). */
export async function checkEssays(root: string, logger: Pick<AstroIntegrationLogger, 'warn' | 'error'>, command: string): Promise<void> {
  // Images outside the essay's folder, missing, empty, corrupt or gigantic stop here, before any image work.
  await assertEssayImagesUsable(join(root, 'content/essays'), 'index.mdx');
  await assertEssayImagesUsable(join(root, 'content/seeset'), 'index.md');
  const problems = await essaySourceProblems(root, command === 'build');
  // Publishing only: a cover still the scaffold's placeholder, recognised by its pixels.
  if (command === 'build') problems.push(...await placeholderCoverProblems(join(root, 'content/essays')));
  const warnings = problems.filter((p) => p.severity === 'warning');
  const errors = problems.filter((p) => p.severity === 'error');
  if (warnings.length) logger.warn(formatSourceProblems(warnings));
  if (!errors.length) return;
  const text = `${errors.length} problem(s) in essays:\n${formatSourceProblems(errors)}`;
  if (command === 'build') throw new EssaySourceError(text);
  logger.error(text);
}

/** Several author problems at once; its message is the whole list. */
export class EssaySourceError extends Error {
  override name = 'EssaySourceError';
}

export function essayChecks(): AstroIntegration {
  return {
    name: 'dataset-essays:essay-checks',
    hooks: {
      'astro:config:setup': ({ config, logger, command }) => checkEssays(fileURLToPath(config.root), logger, command),
    },
  };
}
