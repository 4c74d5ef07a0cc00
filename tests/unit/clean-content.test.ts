// The repository's own content builds without notices a newcomer would take
// for errors: the see:set layout names no stray file, no essay declares a
// widget it does not place, and no two essays share an index. The warnings
// themselves are tested on synthetic cases (seeset-series, seeset-published).
// A check of the build log's [WARN] lines would cover more, but no build
// log is kept to read.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeesetEssay, seesetLayout } from '../../src/loaders/seeset-files.ts';
import { repeatedIndexWarnings } from '../../src/lib/seeset/published.ts';

const layout = seesetLayout();
const mdxEssays = readdirSync('content/essays').map((slug) => join('content/essays', slug, 'index.mdx'));

describe("the repository's own content", () => {
  it('has see:set essays and a series, and the layout names no file it does not publish', () => {
    expect(layout.essays.length).toBeGreaterThan(0);
    expect(layout.series.map((s) => s.folder)).toContain('9-ways-to-see');
    expect(layout.notices).toEqual([]);
  });

  it.each(layout.essays.map((e) => [e.id, e] as const))('%s places every widget it declares', (_id, location) => {
    expect(readSeesetEssay(location).unplaced).toEqual([]);
  });

  it('gives every essay its own index', () => {
    const mdx = mdxEssays.map((file) => ({ file, index: Number(/^index:\s*(\d+)/m.exec(readFileSync(file, 'utf8'))![1]) }));
    const seeset = layout.essays.map((e) => { const essay = readSeesetEssay(e); return { file: essay.file, index: Number(essay.raw['index']) }; });
    expect(mdx.length + seeset.length).toBeGreaterThan(5);
    expect(repeatedIndexWarnings([...mdx, ...seeset])).toEqual([]);
  });
});
