// `npm run new`: slugs, indexes, refusal to overwrite, and a scaffold that
// passes the frontmatter schema and builds with Astro.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import sharp from 'sharp';
import { nextIndex, planNewEssay, slugify, ScaffoldError } from '../../src/lib/new-essay.ts';
import { newEssay } from '../../scripts/new-essay.ts';
import { copyProject } from '../../scripts/quality/project-copy.ts';
import { essayFrontmatter } from '../../src/lib/essay-frontmatter.ts';
import { parseDatasheet } from '../../src/lib/datasheet.ts';

function frontmatterOf(text: string): unknown {
  return parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!);
}

/** Every file under dir, relative, sorted: to prove "nothing written". */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('slugify and nextIndex', () => {
  it('makes URL-safe slugs from titles with punctuation and accents', () => {
    expect(slugify("Ways to See: ImageNet's People!")).toBe('ways-to-see-imagenets-people');
    expect(slugify('  Café   données  ')).toBe('cafe-donnees');
    expect(slugify('!!!')).toBe('');
  });
  it('takes the next free index', () => {
    expect(nextIndex([])).toBe(0);
    expect(nextIndex([{ slug: 'a', index: 3 }, { slug: 'b', index: 90 }])).toBe(91);
  });
  it('refuses a title with nothing to slug', () => {
    expect(() => planNewEssay({ title: '???', existing: [], existingDatasets: [], hasScrolly: false })).toThrow(ScaffoldError);
  });
  it('uses Scrolly and Step only when the barrel exports them', () => {
    const base = { title: 'T', existing: [], existingDatasets: [] };
    expect(planNewEssay({ ...base, hasScrolly: true }).files[0]!.content).toContain('<Scrolly id="first-look"');
    expect(planNewEssay({ ...base, hasScrolly: false }).files[0]!.content).not.toContain('<Scrolly');
  });
});

describe('npm run new (files on disk)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'new-essay-'));
    mkdirSync(join(root, 'content/essays/old'), { recursive: true });
    writeFileSync(join(root, 'content/essays/old/index.mdx'), '---\ntitle: Old\nindex: 4\n---\nText\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes a draft essay that passes the frontmatter schema, a real cover and a datasheet stub', async () => {
    const plan = await newEssay(root, 'What the "digits" hide', 'Ada Lovelace');
    expect(plan.slug).toBe('what-the-digits-hide');
    const mdx = readFileSync(join(root, 'content/essays/what-the-digits-hide/index.mdx'), 'utf8');
    const data = essayFrontmatter(z.string()).parse(frontmatterOf(mdx));
    expect(data).toMatchObject({ title: 'What the "digits" hide', slug: plan.slug, index: 5, draft: true, authors: ['Ada Lovelace'] });
    const cover = await sharp(join(root, data.coverImg.replace('./', 'content/essays/what-the-digits-hide/'))).metadata();
    expect([cover.width, cover.height, cover.format]).toEqual([1280, 800, 'png']);
    const sheet = readFileSync(join(root, 'content/datasets/what-the-digits-hide-data/datasheet.yaml'), 'utf8');
    expect((parseYaml(sheet) as { title: string }).title).toMatch(/^TODO: /);
    expect(sheet.match(/TODO/g)!.length).toBeGreaterThanOrEqual(5);
    // The datasheet schema rejects the unfilled stub, naming the file, line and field.
    expect(() => parseDatasheet(sheet, 'content/datasets/what-the-digits-hide-data/datasheet.yaml')).toThrow(
      /^content\/datasets\/what-the-digits-hide-data\/datasheet.yaml:\d+: \w+: .*TODO/s,
    );
    expect(plan.nextSteps[0]).toMatch(/^fill in content\/datasets\/what-the-digits-hide-data\/datasheet.yaml first/);
  });

  it('refuses to overwrite an existing essay and writes nothing', async () => {
    mkdirSync(join(root, 'content/essays/taken'));
    writeFileSync(join(root, 'content/essays/taken/index.mdx'), '---\nindex: 1\n---\nmine\n');
    const before = tree(root);
    await expect(newEssay(root, 'Taken')).rejects.toThrow(/content\/essays\/taken\/ already exists: nothing was written/);
    expect(tree(root)).toEqual(before);
    expect(readFileSync(join(root, 'content/essays/taken/index.mdx'), 'utf8')).toBe('---\nindex: 1\n---\nmine\n');
  });

  it('refuses when the dataset folder exists, and writes nothing', async () => {
    mkdirSync(join(root, 'content/datasets/fresh-data'), { recursive: true });
    const before = tree(root);
    await expect(newEssay(root, 'Fresh')).rejects.toThrow(/content\/datasets\/fresh-data\/ already exists/);
    expect(tree(root)).toEqual(before);
  });

  it('exits 1 with a clear message from the command line', () => {
    mkdirSync(join(root, 'content/essays/taken'));
    const run = spawnSync(process.execPath, [resolve('scripts/new-essay.ts'), 'Taken'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm run new: content/essays/taken/ already exists');
  });
});

describe('a scaffolded essay builds', () => {
  it('astro build of a copy of the project publishes it', { timeout: 180_000 }, async () => {
    const copy = copyProject({ withoutEssays: true });
    try {
      const plan = await newEssay(copy.dir, 'A scaffold that builds');
      const file = join(copy.dir, plan.essayDir, 'index.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace('draft: true', 'draft: false'));
      const build = await copy.astroBuild();
      expect(build.code, build.output).toBe(0);
      const html = readFileSync(join(copy.dir, 'dist', plan.slug, 'index.html'), 'utf8');
      expect(html).toContain('A scaffold that builds');
      // The sample scrolly is a real one (print handout and embed come with it).
      expect(html).toContain('data-scrolly="first-look"');
      expect(existsSync(join(copy.dir, 'dist/embed', plan.slug, 'first-look/index.html'))).toBe(true);
    } finally {
      copy.remove();
    }
  });
});
