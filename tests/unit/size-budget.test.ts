// Issue 16, defect 9: a huge collection or essay grew the site and the build
// without a word. The build now warns with the number, the budget and a fix.
import { describe, expect, it } from 'vitest';
import { SIZE_BUDGETS, sizeWarnings } from '../../src/lib/size-budget.ts';

const MB = 1024 * 1024;
const page = (path: string, htmlGzipBytes = 20_000, images = 10) => ({ path, htmlGzipBytes, images });

describe('size budgets', () => {
  it('says nothing for a site within its budgets', () => {
    expect(sizeWarnings({ pages: [page('index.html'), page('mnist/index.html')], siteBytes: 24 * MB, previousSiteBytes: 23 * MB })).toEqual([]);
  });

  it('names a page over 100 KB of gzip HTML and one with more than 10,000 images', () => {
    const warnings = sizeWarnings({ pages: [page('big/index.html', 150 * 1024), page('many/index.html', 50_000, 10_001)], siteBytes: 24 * MB });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^big\/index\.html: 150 KB of gzip HTML, over the 100 KB budget/);
    expect(warnings[1]).toMatch(/^many\/index\.html: 10,001 <img> elements, over 10,000: .*<ImageGrid>/);
  });

  it('warns when the site outgrows its budget or grows by more than the set factor', () => {
    // The case: a 100,020-item collection took the site from 24 MB to 109 MB.
    const warnings = sizeWarnings({ pages: [], siteBytes: 109 * MB, previousSiteBytes: 24 * MB });
    expect(warnings).toEqual([expect.stringMatching(/^site: 109\.0 MB on disk, over the 60\.0 MB budget/), expect.stringMatching(/^site: grew from 24\.0 MB to 109\.0 MB \(x4\.5\)/)]);
    expect(sizeWarnings({ pages: [], siteBytes: 24 * MB * SIZE_BUDGETS.siteGrowthFactor, previousSiteBytes: 24 * MB })).toEqual([]);
  });
});
