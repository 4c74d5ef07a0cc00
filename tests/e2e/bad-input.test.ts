// Gate: every author-facing mistake stops the build with a message that names
// the file, the field or line, and the fix, and loses nothing: the last good
// dist/ and every file under content/ are byte-identical afterwards.
// Each case breaks one file in a throwaway copy of the project and builds it.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, diffTrees, hashTree, type ProjectCopy } from '../../scripts/quality/project-copy.ts';

interface BadInput {
  name: string;
  /** File to break, relative to the project root. */
  file: string;
  /** Turns the good text into the broken one; null deletes the file. */
  breakIt: (good: string) => string | null;
  /** What the output must say (the file, the field or line, the fix). */
  says: RegExp[];
  /** The step that must refuse it: the site build (default) or the data engine (`npm run data -- --only <aggregate>`). */
  step?: 'site' | { data: string };
}

const ESSAY = 'content/essays/reading-a-datasheet/index.mdx';

const CASES: BadInput[] = [
  {
    name: 'frontmatter field of the wrong type',
    file: ESSAY,
    breakIt: (mdx) => mdx.replace(/^index: .*$/m, 'index: ninety'),
    says: [/content\/essays\/reading-a-datasheet\/index\.mdx/, /index: index must be a number \(the position on the home page, e\.g\. 1\)/],
  },
  {
    name: 'unknown frontmatter field',
    file: ESSAY,
    breakIt: (mdx) => mdx.replace(/^draft: .*$/m, '$&\ncolour: red'),
    says: [/content\/essays\/reading-a-datasheet\/index\.mdx/, /unknown field\(s\) colour: the allowed fields are title, slug/],
  },
  {
    name: 'missing cover image',
    file: ESSAY,
    breakIt: (mdx) => mdx.replace(/^coverImg: .*$/m, 'coverImg: ./no-such-cover.png'),
    says: [/content\/essays\/reading-a-datasheet\/index\.mdx:\d+: coverImg: .*no-such-cover\.png/, /fix: put the image/],
  },
  {
    name: 'slug that does not match the folder',
    file: ESSAY,
    breakIt: (mdx) => mdx.replace(/^slug: .*$/m, 'slug: reading-datasheets'),
    says: [/content\/essays\/reading-a-datasheet\/index\.mdx: slug: slug "reading-datasheets" does not match the folder name/, /fix: rename the folder/],
  },
  {
    name: 'unknown component in an essay',
    file: ESSAY,
    breakIt: (mdx) => `${mdx}\n<NoSuchChart data={1} />\n`,
    says: [/content\/essays\/reading-a-datasheet\/index\.mdx:\d+/, /NoSuchChart/],
  },
  {
    name: 'malformed CSV row',
    file: 'content/datasets/dataset-scale/sizes.csv',
    breakIt: (csv) => `${csv.trimEnd()}\nBroken row,2020,1,2,3,4,5,6,7\n`,
    says: [/content\/datasets\/dataset-scale\/sizes\.csv:\d+/, /row has \d+ values but the header has 7 columns/, /fix: quote values that contain commas/],
    step: { data: 'dataset-scale' },
  },
  {
    name: 'missing datasheet',
    file: 'content/datasets/dataset-scale/datasheet.yaml',
    breakIt: () => null,
    says: [/content\/datasets\/dataset-scale\/datasheet\.yaml: dataset has no datasheet/, /fix: create datasheet\.yaml/],
    step: { data: 'dataset-scale' },
  },
];

describe('bad input', () => {
  let project: ProjectCopy;
  let goodDist: Map<string, string>;
  let goodData: Map<string, string>;
  beforeAll(() => {
    project = copyProject({ withDist: true });
    goodDist = hashTree(join(project.dir, 'dist'));
    goodData = hashTree(join(project.dir, 'src/generated/data'));
  });
  afterAll(() => project?.remove());

  it('starts from a built site', () => {
    expect(goodDist.has('index.html'), 'dist/ is missing: run `npm run build` first').toBe(true);
  });

  it.each(CASES)('$name: clear error, earlier output and authors\' files intact', async ({ file, breakIt, says, step = 'site' }) => {
    const path = join(project.dir, file);
    const good = readFileSync(path, 'utf8');
    const broken = breakIt(good);
    expect(broken, 'the case must change the file').not.toBe(good);
    if (broken === null) rmSync(path);
    else writeFileSync(path, broken);
    const content = hashTree(join(project.dir, 'content'));
    try {
      const { code, output } = step === 'site' ? await project.astroBuild() : await project.run('data', ['--only', step.data]);
      expect(code, `it should fail:\n${output}`).not.toBe(0);
      for (const pattern of says) expect(output).toMatch(pattern);
      expect(diffTrees(goodDist, hashTree(join(project.dir, 'dist'))), 'dist/ changed after a failed build').toEqual([]);
      expect(existsSync(join(project.dir, 'dist.staging')), 'a failed build left dist.staging/ behind').toBe(false);
      expect(diffTrees(goodData, hashTree(join(project.dir, 'src/generated/data'))), 'generated data changed after a failure').toEqual([]);
      expect(diffTrees(content, hashTree(join(project.dir, 'content'))), 'the build wrote under content/').toEqual([]);
      if (broken === null) expect(existsSync(path), 'the build recreated a deleted file').toBe(false);
    } finally {
      writeFileSync(path, good);
    }
  }, 300_000);
});
