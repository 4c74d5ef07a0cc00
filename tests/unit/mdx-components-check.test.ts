// Unknown components in an essay's MDX: found with their line, explained
// with the closest component and the list to choose from. Missing images
// (the cover included) with their essay and line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertKnownComponents, findUnknownComponents, importedNames } from '../../src/lib/mdx-components-check.ts';
import { assertEssayImagesExist, assertImagesExist, findMissingImages } from '../../src/lib/essay-images-check.ts';

const available = ['Scrolly', 'Step', 'Notes', 'Histogram', 'BarChart'];

describe('unknown components in MDX', () => {
  const mdx = [
    '---', 'title: T', '---', "import Mine from './Mine.astro';", "import { A, B as Bee } from './x.ts';", '',
    '<Scrolly id="a">', '  <Step>text</Step>', '</Scrolly>',
    '<Histogramm data={x} />',
    '<Mine /> <A /> <Bee /> <Fragment />',
    '`<NotInCode />` and', '```mdx', '<AlsoNotInCode />', '```',
    '{/* <Commented /> */}',
    '<Wat>', '</Wat>',
  ].join('\n');

  it('finds tags that are neither exported nor imported, with their lines, skipping code and comments', () => {
    expect(findUnknownComponents(mdx, available)).toEqual([
      { name: 'Histogramm', line: 10, suggestion: 'Histogram' },
      { name: 'Wat', line: 17, suggestion: undefined },
    ]);
  });

  it('reads default, named, renamed and namespace imports', () => {
    expect([...importedNames("import D from 'd';\nimport { a, b as c } from 'e';\nimport * as NS from 'f';")].sort()).toEqual(['D', 'NS', 'a', 'c']);
  });

  it('throws an AuthorError naming the file, line, the likely fix and the catalog', () => {
    expect(() => assertKnownComponents(mdx, available, 'content/essays/e/index.mdx')).toThrow(
      /^content\/essays\/e\/index.mdx:10: Histogramm: <Histogramm> is not a component essays can use: did you mean <Histogram>\? \(also unknown: <Wat> line 17\)\n  fix: use one of <BarChart>, <Histogram>, <Notes>, <Scrolly>, <Step> \(catalog: \/components\/\)/,
    );
    expect(() => assertKnownComponents('<Step>ok</Step>', available, 'x')).not.toThrow();
  });
});

describe('missing images', () => {
  const mdx = ['---', 'title: T', 'coverImg: ./cover.png', '---', '', '![A chart](./chart.png)', '```md', '![not checked](./nope.png)', '```', '![remote](https://x.example/a.png) ![ok](./ok.png)'].join('\n');
  const present = new Set(['./ok.png']);

  it('finds the cover and Markdown images that do not exist, skipping code and remote URLs', () => {
    expect(findMissingImages(mdx, (p) => present.has(p))).toEqual([
      { ref: './cover.png', line: 3, field: 'coverImg' },
      { ref: './chart.png', line: 6, field: 'image' },
    ]);
  });

  it('reads quoted covers, skips remote ones and text after the frontmatter', () => {
    const essay = (cover: string) => `---\ntitle: T\nslug: t\ncoverImg: ${cover}\ncoverImgAlt: A\n---\nBody coverImg: ./nope.png\n`;
    expect(findMissingImages(essay('"./nope.png"'), () => false)).toEqual([{ ref: './nope.png', line: 4, field: 'coverImg' }]);
    expect(findMissingImages(essay("'./cover.png'"), (p) => p === './cover.png')).toEqual([]);
    expect(findMissingImages(essay('https://example.org/x.png'), () => false)).toEqual([]);
    expect(findMissingImages('no frontmatter\ncoverImg: ./nope.png', () => false)).toEqual([]);
  });

  it('checks every essay folder and names the essay with the missing cover (temporary fixture folders)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'essay-images-'));
    try {
      for (const slug of ['a', 'b']) mkdirSync(join(dir, slug));
      writeFileSync(join(dir, 'a', 'index.mdx'), '---\ncoverImg: ./cover.png\n---\n');
      writeFileSync(join(dir, 'a', 'cover.png'), '');
      writeFileSync(join(dir, 'b', 'index.mdx'), '---\ntitle: B\ncoverImg: ./cover.png\n---\n');
      expect(() => assertEssayImagesExist(dir)).toThrow(/^content\/essays\/b\/index.mdx:3: coverImg: image "\.\/cover.png" not found next to the essay/);
      writeFileSync(join(dir, 'b', 'cover.png'), '');
      expect(() => assertEssayImagesExist(dir)).not.toThrow();
      expect(() => assertEssayImagesExist(join(dir, 'none'))).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains where the image should be', () => {
    expect(() => assertImagesExist(mdx, () => false, 'content/essays/e/index.mdx')).toThrow(
      'content/essays/e/index.mdx:3: coverImg: image "./cover.png" not found next to the essay\n  fix: put the image at content/essays/e/cover.png',
    );
  });
});
