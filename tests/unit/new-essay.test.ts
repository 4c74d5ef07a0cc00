// `npm run new`: slugs, indexes, refusal to overwrite, and a scaffold that
// passes the frontmatter schema and builds with Astro.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { z } from 'zod';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
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
    mkdirSync(join(root, 'src/components'), { recursive: true });
    writeFileSync(join(root, 'src/components/essay-components.ts'), "export { default as Scrolly } from './S.astro';\nexport { default as Step } from './T.astro';\n");
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
    expect(plan.nextSteps[0]).toMatch(/^npm run dev, then open http:\/\/localhost:4321\/what-the-digits-hide\/ : the draft already shows a chart/);
    // The starter aggregate the essay's chart and numbers read.
    expect(readFileSync(join(root, 'scripts/aggregates/what-the-digits-hide-starter.ts'), 'utf8')).toContain("from: { package: 'vega-datasets', path: 'data/seattle-weather.csv' }");
    expect(mdx).toContain("import starter from '@data/what-the-digits-hide-starter';");
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

  it('refuses when the starter aggregate exists, and writes nothing', async () => {
    mkdirSync(join(root, 'scripts/aggregates'), { recursive: true });
    writeFileSync(join(root, 'scripts/aggregates/fresh-starter.ts'), '// mine\n');
    const before = tree(root);
    await expect(newEssay(root, 'Fresh')).rejects.toThrow(/scripts\/aggregates\/fresh-starter.ts already exists/);
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
  it('previews with the starter chart, is refused for publishing while its datasheet has TODOs, and publishes once filled', { timeout: 300_000 }, async () => {
    const copy = copyProject({ withoutEssays: true });
    try {
      const plan = await newEssay(copy.dir, 'A scaffold that builds');
      // The data step accepts the unfinished datasheet and builds the starter aggregate.
      const data = await copy.run('data');
      expect(data.code, data.output).toBe(0);
      expect(data.output).toContain(`unfinished datasheet (fine for a preview`);
      const file = join(copy.dir, plan.essayDir, 'index.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace('draft: true', 'draft: false'));
      const refused = await copy.astroBuild();
      expect(refused.code).not.toBe(0);
      expect(refused.output).toMatch(new RegExp(`${plan.essayDir}/index\\.mdx:\\d+:\\d+: @data/${plan.aggregate}: this published essay uses "${plan.aggregate}", built from dataset "${plan.datasetId}" whose datasheet is unfinished`));
      expect(refused.output).toContain(`fix: fill in ${plan.datasetDir}/datasheet.yaml`);
      // Filled with SYNTHETIC placeholder text (a test, not a real datasheet): now it publishes.
      const sheet = parseYaml(readFileSync(join(copy.dir, plan.datasetDir, 'datasheet.yaml'), 'utf8')) as Record<string, unknown>;
      const fill = (v: unknown): unknown => (typeof v === 'string' ? 'filled in by a test' : Array.isArray(v) ? v.map(fill) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)])) : v);
      writeFileSync(join(copy.dir, plan.datasetDir, 'datasheet.yaml'), stringifyYaml({ ...(fill(sheet) as object), title: 'Test fill', kind: 'derived', updated: '2026-11-25', source: { package: 'vega-datasets@3.2.1' }, license: { name: 'test' } }));
      // The scaffold's placeholder cover description and excerpt are refused too (see the essay source check's tests).
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^coverImgAlt: .*$/m, 'coverImgAlt: A test pattern.').replace(/^excerpt: .*$/m, 'excerpt: A test excerpt.'));
      expect((await copy.run('data')).code).toBe(0);
      // The placeholder cover itself (recognised by its pixels) is refused until replaced.
      const coverRefused = await copy.astroBuild();
      expect(coverRefused.code).not.toBe(0);
      expect(coverRefused.output).toMatch(new RegExp(`${plan.essayDir}/index\\.mdx:\\d+:\\d+: coverImg: \\./cover\\.png is still the placeholder cover`));
      // SYNTHETIC replacement cover for the test: a flat grey image, not the pattern.
      await sharp({ create: { width: 1280, height: 800, channels: 3, background: { r: 128, g: 128, b: 128 } } }).png().toFile(join(copy.dir, plan.essayDir, 'cover.png'));
      const build = await copy.astroBuild();
      expect(build.code, build.output).toBe(0);
      const html = readFileSync(join(copy.dir, 'dist', plan.slug, 'index.html'), 'utf8');
      expect(html).toContain('A scaffold that builds');
      // The sample scrolly is a real one with a chart of the starter data (print handout and embed come with it).
      expect(html).toContain('data-scrolly="first-look"');
      expect(html).toContain('id="first-look-chart"');
      expect(html).toMatch(/<data class="value" value="1461"/);
      expect(existsSync(join(copy.dir, 'dist/embed', plan.slug, 'first-look/index.html'))).toBe(true);
    } finally {
      copy.remove();
    }
  });
});
