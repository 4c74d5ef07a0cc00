// `npm run new -- "Essay title"`: scaffolds a draft essay, its placeholder
// cover, a dataset stub and a starter aggregate, then prints what to do next.
// Never overwrites.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import sharp from 'sharp';
import { planNewEssay, placeholderCover, ScaffoldError, type ExistingEssay, type NewEssayPlan } from '../src/lib/new-essay.ts';

function listDirs(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
}

/** Folder name and frontmatter index of every essay (index -1 if unreadable). */
export function readExistingEssays(root: string): ExistingEssay[] {
  const dir = join(root, 'content/essays');
  return listDirs(dir).map((slug) => {
    const file = join(dir, slug, 'index.mdx');
    let index = -1;
    if (existsSync(file)) {
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
      try {
        const data = match ? (parseYaml(match[1]!) as { index?: unknown }) : undefined;
        if (typeof data?.index === 'number') index = data.index;
      } catch {
        // A broken frontmatter is reported by the build; here it only means "no index".
      }
    }
    return { slug, index };
  });
}

export function barrelHasScrolly(root: string): boolean {
  const barrel = join(root, 'src/components/essay-components.ts');
  return existsSync(barrel) && /\bScrolly\b/.test(readFileSync(barrel, 'utf8')) && /\bStep\b/.test(readFileSync(barrel, 'utf8'));
}

/** Writes the plan's files, all or nothing: staged in a temp folder, then renamed into place. */
export async function writePlan(root: string, plan: NewEssayPlan): Promise<void> {
  const stage = join(root, `.new-essay-${process.pid}`);
  rmSync(stage, { recursive: true, force: true });
  try {
    for (const file of plan.files) {
      mkdirSync(dirname(join(stage, file.path)), { recursive: true });
      writeFileSync(join(stage, file.path), file.content);
    }
    const [w, h] = [1280, 800];
    await sharp(Buffer.from(placeholderCover(plan.slug, w, h)), { raw: { width: w, height: h, channels: 1 } })
      .png({ palette: true, colours: 2 })
      .toFile(join(stage, plan.coverPath));
    for (const dir of [plan.essayDir, plan.datasetDir]) {
      mkdirSync(dirname(join(root, dir)), { recursive: true });
      renameSync(join(stage, dir), join(root, dir));
    }
    for (const file of plan.files.filter((f) => f.path.startsWith('scripts/'))) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      renameSync(join(stage, file.path), join(root, file.path));
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

export async function newEssay(root: string, title: string, author?: string): Promise<NewEssayPlan> {
  const plan = planNewEssay({
    title,
    author,
    existing: readExistingEssays(root),
    existingDatasets: listDirs(join(root, 'content/datasets')),
    existingAggregates: existsSync(join(root, 'scripts/aggregates')) ? readdirSync(join(root, 'scripts/aggregates')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)) : [],
    hasScrolly: barrelHasScrolly(root),
  });
  await writePlan(root, plan);
  return plan;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const authorAt = args.indexOf('--author');
  const author = authorAt >= 0 ? args.splice(authorAt, 2)[1] : undefined;
  const title = args.join(' ');
  try {
    const plan = await newEssay(resolve('.'), title, author);
    console.log(`Created a draft essay "${title.trim()}":`);
    console.log(`${[`${plan.essayDir}/index.mdx`, plan.coverPath, ...plan.files.slice(1).map((f) => f.path)].map((f) => `  ${f}`).join('\n')}\n`);
    console.log('Next:');
    plan.nextSteps.forEach((step, i) => console.log(`  ${i + 1}. ${step}`));
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    console.error(`npm run new: ${error.message}`);
    process.exit(1);
  }
}
