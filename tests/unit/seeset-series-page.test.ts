// A see:set series page (/<series>/, made from the folder's intro.md): its
// title, and the refusal of a series URL that an essay or one of the site's
// pages already has, naming both files; the blurb is sanitised like an
// essay body. The layout cases run on a temporary copy of the committed
// test fixture; the hostile blurb is synthetic.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import SeesetSeriesIntro from '../../src/components/seeset/SeesetSeriesIntro.astro';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { authorError } from '../fixtures/author-error.ts';
import { assertSeriesUrlsFree, seriesIntro } from '../../src/lib/seeset/series.ts';
import { seesetLayout } from '../../src/loaders/seeset-files.ts';

describe('the series title', () => {
  it('reads the folder name as words when the blurb has no heading, and keeps the blurb whole', () => {
    const source = 'A blurb.\n\nSecond paragraph.\n';
    expect(seriesIntro('9-ways-to-see', source)).toEqual({ title: '9 ways to see', body: source });
    expect(seriesIntro('ways_of_seeing', 'x').title).toBe('Ways of seeing');
  });

  it('takes a leading "# Heading" as the title and blanks its line, so later lines keep their numbers', () => {
    const { title, body } = seriesIntro('9-ways-to-see', '\n# Nine Ways to See a Dataset #\nThe blurb.\n');
    expect(title).toBe('Nine Ways to See a Dataset');
    expect(body.split('\n')).toEqual(['', '', 'The blurb.', '']);
    // A second-level heading is part of the blurb, not its title.
    expect(seriesIntro('s', '## Part one\n').title).toBe('S');
  });
});

describe('the series URL', () => {
  const series = [{ folder: '9-ways-to-see', file: 'content/seeset/9-ways-to-see/intro.md' }];

  it('accepts a folder no essay or page uses', () => {
    expect(() => assertSeriesUrlsFree(series, [{ slug: 'c4', file: 'content/seeset/9-ways-to-see/C4.md' }], ['datasets', 'search'])).not.toThrow();
  });

  it('refuses a folder named like an essay slug (letter case aside), naming both files', () => {
    const error = authorError(() => assertSeriesUrlsFree([{ folder: '9-Ways-To-See', file: 'content/seeset/9-Ways-To-See/intro.md' }], [{ slug: '9-ways-to-see', file: 'content/essays/9-ways-to-see/index.mdx' }]));
    expect(error.file).toBe('content/seeset/9-Ways-To-See/intro.md');
    expect(error.message).toMatch(/the series page \/9-Ways-To-See\/ would take the URL of the essay content\/essays\/9-ways-to-see\/index\.mdx/);
    expect(error.hint).toMatch(/rename the series folder or change the slug of content\/essays\/9-ways-to-see\/index\.mdx/);
  });

  it('refuses a folder named like one of the site\'s own pages', () => {
    expect(authorError(() => assertSeriesUrlsFree([{ folder: 'datasets', file: 'content/seeset/datasets/intro.md' }], [], ['datasets'])).message).toMatch(/site's own \/datasets\/ page/);
  });
});

describe('a dropped-in series whose essay takes the series URL', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seeset-series-page-'));
    for (const part of ['9-ways-to-see', 'public']) cpSync(join('content/seeset', part), join(root, part), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is refused with the blurb and the essay named', () => {
    const posters = join(root, '9-ways-to-see/Posters.md');
    writeFileSync(posters, readFileSync(posters, 'utf8').replace('slug: "posters-fixture"', 'slug: "9-Ways-To-See"'));
    const { series, essays } = seesetLayout(root);
    const rel = (path: string) => relative(process.cwd(), path);
    const error = authorError(() => assertSeriesUrlsFree(
      series.map((s) => ({ folder: s.folder, file: rel(s.intro!) })),
      essays.map((e) => ({ slug: e.id, file: rel(e.path) })),
    ));
    expect(error.file).toMatch(/9-ways-to-see\/intro\.md$/);
    expect(error.message).toMatch(/would take the URL of the essay .*9-ways-to-see\/Posters\.md \(slug "9-ways-to-see"\)/);
  });
});

describe('the rendered blurb', () => {
  it('is untrusted data: raw HTML goes through the essay allow-list, old series URLs go to the essays', async () => {
    const container = await AstroContainer.create();
    const hostile = '<p onclick="steal()">Read <a href="/9-ways-to-see/Gulls">the gulls</a> or <a href="javascript:alert(1)">this</a>.</p><script>alert(1)</script><style>body{display:none}</style><iframe src="https://example.org/"></iframe>';
    const html = await container.renderToString(SeesetSeriesIntro, {
      props: { location: { path: 'content/seeset/9-ways-to-see/intro.md', publicRoot: undefined } },
      slots: { default: hostile },
    });
    expect(html).toContain('Read <a href="/gulls-fixture/">the gulls</a>');
    expect(html).not.toMatch(/<script|<style|<iframe|onclick|javascript:/i);
  });
});
