// What an author sees for the common mistakes, through a real `astro build`
// of a copy of the project: the message names the essay file and the fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, type ProjectCopy } from '../../scripts/quality/project-copy.ts';

const FRONT = {
  title: 'Broken on purpose',
  slug: 'broken',
  index: 999,
  draft: 'false',
  contentType: 'essay',
  coverImg: './cover.png',
  coverImgAlt: 'A test cover.',
  preposition: 'by',
  authors: '["Test"]',
  excerpt: 'A fixture essay with one mistake.',
};

function essay(front: Partial<Record<keyof typeof FRONT, string | number>>, body: string): string {
  const fields = { ...FRONT, ...front };
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n${body}\n`;
}

describe('author errors in a real build', { timeout: 180_000 }, () => {
  let copy: ProjectCopy;
  const dir = () => join(copy.dir, 'content/essays/broken');
  function buildWith(mdx: string) {
    rmSync(dir(), { recursive: true, force: true });
    mkdirSync(dir(), { recursive: true });
    copyFileSync('content/essays/reading-a-datasheet/cover.png', join(dir(), 'cover.png')); // any real image
    writeFileSync(join(dir(), 'index.mdx'), mdx);
    return copy.astroBuild();
  }
  beforeAll(() => {
    copy = copyProject({ withoutEssays: true });
  });
  afterAll(() => copy?.remove());

  it('unknown component: names the file, the line, the likely component and the catalog', async () => {
    const { code, output } = await buildWith(essay({}, 'Some text.\n\n<Scroly id="a">\n  <Step>x</Step>\n</Scroly>'));
    expect(code).not.toBe(0);
    expect(output).toContain('content/essays/broken/index.mdx:16:1: Scroly: <Scroly> is not a component essays can use: did you mean <Scrolly>?');
    expect(output).toMatch(/fix: use one of .*<Scrolly>.*\(catalog: \/components\/\)/);
  });

  it('every source mistake of the essay in one run, each at its line and column, before anything renders', async () => {
    const body = [
      "import scale from '@data/dataset-scal';", // line 14
      "import laion from '@data/laion-figures';",
      '',
      'About <Value of={laion} at="pairsAbove5" format="integer" /> pairs.', // line 17
      '',
      '<BarChart id="b" title="t" data={laion} xlabel="x" />', // line 19
    ].join('\n');
    const { code, output } = await buildWith(essay({}, body));
    expect(code).not.toBe(0);
    expect(output).toContain('3 problem(s) in essays:');
    expect(output).toContain('content/essays/broken/index.mdx:14:26: @data/dataset-scal: there is no aggregate "dataset-scal": did you mean @data/dataset-scale?');
    expect(output).toMatch(/content\/essays\/broken\/index\.mdx:17:29: Value\.at: <Value>: in aggregate "laion-figures", there is no "pairsAbove5"\n  fix: at the top level there is: .*pairsAbove05/);
    expect(output).toContain('content/essays/broken/index.mdx:19:41: BarChart.xlabel: <BarChart id="b"> has no prop "xlabel": did you mean "xLabel"?');
    expect(existsSync(join(copy.dir, 'dist.staging'))).toBe(false);
  });

  it('wrong prop value: names the component, the prop and what is allowed', async () => {
    const { code, output } = await buildWith(essay({}, '<Scrolly id="a" offset={2}>\n  <Step>x</Step>\n</Scrolly>'));
    expect(code).not.toBe(0);
    expect(output).toContain('content/essays/broken/index.mdx: Scrolly.offset: <Scrolly id="a"> offset must be a number from 0 to 1');
  });

  it('missing image: names the image the essay points to', async () => {
    const { code, output } = await buildWith(essay({ coverImg: './no-such-cover.png' }, 'Text.'));
    expect(code).not.toBe(0);
    expect(output).toContain('content/essays/broken/index.mdx:7: coverImg: image "./no-such-cover.png" not found next to the essay');
    expect(output).toContain('fix: put the image at content/essays/broken/no-such-cover.png');
  });

  it('bad frontmatter: names the file, the field and what is expected', async () => {
    const { code, output } = await buildWith(essay({ index: '"first"' }, 'Text.'));
    expect(code).not.toBe(0);
    expect(output).toContain('index must be a number (the position on the home page, e.g. 1)');
    expect(output).toMatch(/content\/essays\/broken\/index\.mdx/);
  });
});
