// Unknown components in an essay's MDX: found with their line, explained
// with the closest component and the list to choose from.
import { describe, expect, it } from 'vitest';
import { assertKnownComponents, findUnknownComponents, importedNames } from '../../src/lib/mdx-components-check.ts';
import { assertImagesExist, findMissingImages } from '../../src/lib/essay-images-check.ts';

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

  it('explains where the image should be', () => {
    expect(() => assertImagesExist(mdx, () => false, 'content/essays/e/index.mdx')).toThrow(
      'content/essays/e/index.mdx:3: coverImg: image "./cover.png" not found next to the essay\n  fix: put the image at content/essays/e/cover.png',
    );
  });
});
