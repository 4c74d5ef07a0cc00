// A see:set series dropped in as the series keeps it (one .md per essay in
// content/seeset/9-ways-to-see/, the public tree in content/seeset/public/):
// found, read, resolved, and every broken reference an AuthorError at the
// essay's file:line. Runs on a temporary copy of the committed test fixture.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorError, authorErrorOf } from '../fixtures/author-error.ts';
import { bodyReferences, rewriteUrls } from '../../src/lib/seeset/body-assets.ts';
import { unplacedWarning } from '../../src/lib/seeset/markers.ts';
import { canonicalFor, checkBodyReferences, checkCoverImage, essayCollections, oldUrls, readSeesetEssay, resolveSeesetEssay, rewriteBody, seesetLayout } from '../../src/loaders/seeset-files.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'seeset-series-'));
  for (const part of ['9-ways-to-see', 'public', 'bring-your-own-seeset']) cpSync(join('content/seeset', part), join(root, part), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const essay = (id: string) => seesetLayout(root).essays.find((e) => e.id === id)!;
const edit = (path: string, change: (text: string) => string) => writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));
const lineOf = (path: string, needle: string) => readFileSync(join(root, path), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('finding a dropped-in series', () => {
  it('finds both layouts, ids from the lower-cased slug, old URLs from the file names; intro.md is the series blurb, with no notice', () => {
    const { essays, series, notices } = seesetLayout(root);
    expect(essays.map((e) => [e.id, e.layout, e.oldUrl])).toEqual([
      ['gulls-fixture', 'series', '/9-ways-to-see/Gulls'],
      ['posters-fixture', 'series', '/9-ways-to-see/Posters'],
      ['inaturalist-fixture', 'series', '/9-ways-to-see/iNaturalist-Fixture'],
      ['bring-your-own-seeset', 'folder', undefined],
    ]);
    expect(series).toEqual([{ folder: '9-ways-to-see', intro: join(root, '9-ways-to-see/intro.md'), essays: ['gulls-fixture', 'posters-fixture', 'inaturalist-fixture'], publicRoot: join(root, 'public') }]);
    expect(notices).toEqual([]);
  });

  it('names in a notice a blurb-less .md other than intro.md, a series with a blurb and no essays, and a folder with neither', () => {
    writeFileSync(join(root, '9-ways-to-see/notes.md'), 'Notes to self, no frontmatter.\n');
    mkdirSync(join(root, 'only-intro'));
    writeFileSync(join(root, 'only-intro/intro.md'), 'A blurb with nothing beside it.\n');
    mkdirSync(join(root, 'empty-series'));
    writeFileSync(join(root, 'empty-series/readme.txt'), 'not Markdown\n');
    const { series, notices } = seesetLayout(root);
    expect(series.map((s) => s.folder)).toEqual(['9-ways-to-see']);
    expect(notices).toEqual([
      expect.stringMatching(/9-ways-to-see\/notes\.md: has no frontmatter, so it is not an essay and is not published/),
      expect.stringMatching(/empty-series: holds no essay \(no index\.md, no <Name>\.md with frontmatter\) and no intro\.md; nothing in it is published$/),
      expect.stringMatching(/only-intro\/intro\.md: the series has no essays .*so no series page is published$/),
    ]);
  });

  it('refuses two essays whose slugs differ only in letter case', () => {
    edit('9-ways-to-see/Posters.md', (t) => t.replace('slug: "posters-fixture"', 'slug: "GULLS-fixture"'));
    expect(authorError(() => seesetLayout(root)).message).toMatch(/slug "gulls-fixture" is used by .*Gulls\.md too/);
  });
});

describe('reading a series essay', () => {
  it('resolves the absolute coverImg in the public tree, relative to the essay for the image pipeline', () => {
    expect(readSeesetEssay(essay('gulls-fixture')).raw['coverImg']).toBe('../public/img/9_ways/gulls-cover.png');
  });

  it('leaves an unplaced widget out with a warning, reading collection 5 and dataset 5 as different things', () => {
    // The published series declares widgets it never places; the committed
    // fixture does not (a clean build prints no warnings), so one is added here.
    const path = '9-ways-to-see/Gulls.md';
    edit(path, (t) => t.replace('image-1:\n', 'image-2:\n  caption: "Declared but never placed"\n  imagePath: "/n-ways-to-see-a-dataset/datasets/5/991"\nimage-1:\n'));
    const source = readSeesetEssay(essay('gulls-fixture'));
    expect(source.unplaced).toEqual([{ key: 'image-2', line: lineOf(path, 'image-2:') }]);
    expect(unplacedWarning(source.file, source.unplaced[0]!)).toMatch(/9-ways-to-see\/Gulls\.md:\d+: image-2 is declared but no \[:image-2\] marker places it/);
    const widgets = resolveSeesetEssay(essay('gulls-fixture'));
    expect([...widgets.keys()]).toEqual(['grid-1', 'grid-2', 'image-1']);
    const grid = widgets.get('grid-1')!;
    const image = widgets.get('image-1')!;
    expect(grid.collection.id).toBe('5');
    expect(grid.kind === 'grid' && grid.items.map((s) => s.item.dataset)).toEqual(Array(8).fill('fixture-photos'));
    expect(image.collection.id).toBe('datasets-5');
    expect(image.kind === 'image' && [image.item.item.id, image.item.fileIndex, image.item.file.name]).toEqual([991, 1, '1F99A-black.png']);
    expect([...essayCollections(essay('gulls-fixture')).keys()].sort()).toEqual(['5', '9', 'datasets-5']);
  });

  it('accepts a file listed twice with two hashes when the one on disk matches one; names both and what it got otherwise', () => {
    expect(() => resolveSeesetEssay(essay('gulls-fixture'))).not.toThrow();
    writeFileSync(join(root, 'public/n-ways-to-see-a-dataset/collections/5/files/photo-04.jpg'), 'replaced');
    const error = authorError(() => resolveSeesetEssay(essay('gulls-fixture')));
    expect(error.message).toMatch(/photo-04\.jpg does not match any of its 2 listed hashes \([0-9a-f]{64}, [0-9a-f]{64}\); the file on disk has [0-9a-f]{64}/);
    expect(error.file).toMatch(/collections\/5\.json$/);
  });

  it('fails on a coverImg missing from the public tree, at its line', () => {
    edit('9-ways-to-see/Gulls.md', (t) => t.replace('gulls-cover.png', 'gone.png'));
    expect(authorError(() => readSeesetEssay(essay('gulls-fixture')))).toMatchObject({ line: lineOf('9-ways-to-see/Gulls.md', 'coverImg:'), field: 'coverImg' });
  });

  // The shared gate (src/lib/contained-path.ts, tested on its own) sees site paths relative to the public tree.
  it.each(['/../../etc/passwd', '/img/%2e%2e/%2e%2e/secret.png', '/img\\..\\x.png'])('refuses a path leaving the public tree: %s', (path) => {
    edit('9-ways-to-see/Gulls.md', (t) => t.replace('"/img/9_ways/gulls-cover.png"', JSON.stringify(path)));
    expect(authorError(() => readSeesetEssay(essay('gulls-fixture'))).message).toMatch(/must stay inside .*public\//);
  });
});

describe('the body', () => {
  it('finds images, raw HTML media and links with their lines', () => {
    const refs = bodyReferences('Text\n![a](/img/a.png "t")\n<video controls><source src="/media/x.mp4" type="video/mp4" /></video>\nSee [b](/9-ways-to-see/C4). <img alt="" src="https://h.example/p.png">', 10);
    expect(refs).toEqual([
      { url: '/img/a.png', line: 11, kind: 'asset', image: true },
      { url: '/media/x.mp4', line: 12, kind: 'asset', image: false },
      { url: 'https://h.example/p.png', line: 13, kind: 'asset', image: true },
      { url: '/9-ways-to-see/C4', line: 13, kind: 'link', image: false },
    ]);
  });

  it('fails on a body image missing from the public tree, and on remote video, at its line with the fix', async () => {
    const path = '9-ways-to-see/Gulls.md';
    edit(path, (t) => t.replace('/img/9_ways/graph.png', '/img/9_ways/missing.png'));
    const location = essay('gulls-fixture');
    expect(await authorErrorOf(checkBodyReferences(location, readSeesetEssay(location)))).toMatchObject({ line: lineOf(path, 'missing.png') });
    edit(path, (t) => t.replace('![A wide generated colour field', '<video controls><source src="https://example.org/clip.mp4" type="video/mp4"></video>\n\n![A wide generated colour field'));
    const error = await authorErrorOf(checkBodyReferences(location, readSeesetEssay(location)));
    expect(error).toMatchObject({ line: lineOf(path, 'https://example.org/clip.mp4') });
    expect(error.message).toMatch(/Content Security Policy would block it, and only images are downloaded/);
    expect(error.hint).toMatch(/download it into content\/seeset\/public\//);
  });

  it('fails on a truncated cover or body image (valid header, damaged pixels) at its frontmatter or body line', async () => {
    const path = '9-ways-to-see/Gulls.md';
    const location = essay('gulls-fixture');
    const truncate = (file: string) => writeFileSync(join(root, file), readFileSync(join(root, file)).subarray(0, Math.floor(readFileSync(join(root, file)).length / 2)));
    await expect(checkCoverImage(location, readSeesetEssay(location))).resolves.toBeUndefined();
    truncate('public/img/9_ways/gulls-cover.png');
    const cover = await authorErrorOf(checkCoverImage(location, readSeesetEssay(location)));
    expect(cover).toMatchObject({ line: lineOf(path, 'coverImg:'), field: 'coverImg' });
    expect(cover.message).toMatch(/Gulls\.md:\d+: coverImg: image "\/img\/9_ways\/gulls-cover\.png" is damaged: its pixels cannot be read/);
    expect(cover.hint).toMatch(/truncated/);
    truncate('public/img/9_ways/graph.png');
    const body = await authorErrorOf(checkBodyReferences(location, readSeesetEssay(location)));
    expect(body).toMatchObject({ line: lineOf(path, '/img/9_ways/graph.png') });
    expect(body.message).toMatch(/image "\/img\/9_ways\/graph\.png" is damaged/);
  });

  it('serves public-tree files through the build and points old series URLs at the canonical pages', () => {
    const location = essay('gulls-fixture');
    const registered: string[] = [];
    const html = rewriteBody('<p><img src="/img/9_ways/graph.png" alt=""> <a href="/9-ways-to-see/Posters">x</a> <a href="/9-ways-to-see/Posters/#top">y</a> <a href="https://example.org/">z</a></p>', location, (p) => {
      registered.push(p);
      return '/generated/seeset/graph.abc.png';
    }, oldUrls(root));
    expect(html).toBe('<p><img loading="lazy" decoding="async" src="/generated/seeset/graph.abc.png" alt=""> <a href="/posters-fixture/">x</a> <a href="/posters-fixture/#top">y</a> <a href="https://example.org/">z</a></p>');
    expect(registered).toEqual([join(root, 'public/img/9_ways/graph.png')]);
    expect(rewriteBody('<img loading="eager" src="/img/9_ways/graph.png" alt="">', location, () => '/g.png', oldUrls(root))).toBe('<img loading="eager" src="/g.png" alt="">');
    // A remote image the loader has not downloaded is never left in the page (tests/unit/seeset-remote.test.ts: downloaded ones).
    const notCached = authorError(() => rewriteBody('<img src="https://example.org/a.png" alt="">', location, () => '', oldUrls(root), { cacheDir: join(root, 'no-cache') }));
    expect(notCached.message).toMatch(/https:\/\/example\.org\/a\.png is not in the download cache/);
    expect(canonicalFor('/9-ways-to-see/iNaturalist-Fixture', oldUrls(root))).toBe('/inaturalist-fixture/');
    expect(canonicalFor('/9-ways-to-see/Other', oldUrls(root))).toBeUndefined();
    expect(rewriteUrls('<a href="/a?x=1&amp;y=2">', (u) => `${u}#z`)).toBe('<a href="/a?x=1&amp;y=2#z">');
  });
});

describe('licences in plain words', () => {
  it('reads "?" and empty licences as not stated, falling back to a written datasheet', async () => {
    const { itemLicence } = await import('../../src/lib/seeset/datasheet.ts');
    const generated = { license: 'not stated (no datasheet.yaml was supplied with this collection)' };
    expect(itemLicence({ license: '?' }, generated)).toBe('licence not stated in the export');
    expect(itemLicence({ license: ' ' }, generated)).toBe('licence not stated in the export');
    expect(itemLicence({}, { license: 'as recorded per item: CC0' })).toBe('licence not stated in the export');
    expect(itemLicence({ license: '?' }, { license: 'CC BY 4.0' })).toBe('CC BY 4.0');
    expect(itemLicence({ license: 'CC0 1.0' }, generated)).toBe('CC0 1.0');
  });
});
