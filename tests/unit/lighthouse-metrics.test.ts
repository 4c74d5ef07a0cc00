// The Lighthouse benchmark's reading of a report and its budget.
import { describe, expect, it } from 'vitest';
import { budgetMisses, lighthouseNumbers, medianRun, mergeResults } from '../../bench/lib/lighthouse-metrics.ts';

const lhr = {
  categories: {
    performance: { score: 0.99, auditRefs: [] },
    accessibility: { score: 0.98, auditRefs: [{ id: 'color-contrast', weight: 7 }, { id: 'image-alt', weight: 10 }] },
    'best-practices': { score: 1, auditRefs: [{ id: 'errors-in-console', weight: 1 }] },
    seo: { score: 1, auditRefs: [{ id: 'structured-data', weight: 0 }] },
  },
  audits: {
    'color-contrast': { score: 0 },
    'image-alt': { score: 1 },
    'errors-in-console': { score: 1 },
    'structured-data': { score: null, scoreDisplayMode: 'manual' },
    'largest-contentful-paint': { numericValue: 1234.56 },
    'cumulative-layout-shift': { numericValue: 0.00001 },
    'total-blocking-time': { numericValue: 0 },
    'network-requests': {
      details: {
        items: [
          { resourceType: 'Document', transferSize: 20_000 },
          { resourceType: 'Script', transferSize: 20_000 },
          { resourceType: 'Script', transferSize: 8_000 },
          { resourceType: 'Image', transferSize: 5_000 },
          { resourceType: 'Stylesheet', transferSize: 3_000 },
        ],
      },
    },
  },
};

describe('lighthouse numbers', () => {
  it('keeps scores, metrics, transfer sizes by type and the audits that failed', () => {
    const n = lighthouseNumbers(lhr);
    expect(n).toMatchObject({ performance: 99, accessibility: 98, bestPractices: 100, seo: 100, lcpMs: 1235, cls: 0, tbtMs: 0 });
    expect(n.onLoad).toEqual({ requests: 5, bytes: 56_000, jsBytes: 28_000, imageBytes: 5_000, cssBytes: 3_000, htmlBytes: 20_000 });
    expect(n.failedAudits).toEqual(['accessibility/color-contrast']);
  });

  it('holds essays to the JS budget and the benchmark essay to the grid request budget', () => {
    const n = lighthouseNumbers(lhr);
    expect(budgetMisses('home', n)).toEqual(['accessibility 98 < 100', 'on load 54.7 KB > 45.0 KB']);
    expect(budgetMisses('essay', n)).toContain('JS on load 27.3 KB > 25.0 KB');
    expect(budgetMisses('benchmark', n, 6)).toContain('grid image requests 6 > 5');
    expect(budgetMisses('benchmark', n, 5)).not.toContain('grid image requests 5 > 5');
  });

  it('reports the median of several runs, by score then blocking time', () => {
    const runs = [{ performance: 100, tbtMs: 20, id: 'a' }, { performance: 94, tbtMs: 280, id: 'b' }, { performance: 99, tbtMs: 90, id: 'c' }];
    expect(medianRun(runs).id).toBe('c');
    expect(medianRun([{ performance: 99, tbtMs: 60, id: 'x' }, { performance: 99, tbtMs: 120, id: 'y' }, { performance: 99, tbtMs: 90, id: 'z' }]).id).toBe('z');
    expect(medianRun([{ performance: 97, tbtMs: 150, id: 'lo' }, { performance: 100, tbtMs: 0, id: 'hi' }]).id).toBe('lo'); // even count: the lower middle
    expect(() => medianRun([])).toThrow(/no runs/);
  });

  it('merges a partial run into the last full one', () => {
    const old = [{ path: '/', v: 1 }, { path: '/a/', v: 1 }, { path: '/b/', v: 1 }];
    expect(mergeResults(old, [{ path: '/b/', v: 2 }, { path: '/c/', v: 2 }])).toEqual([{ path: '/', v: 1 }, { path: '/a/', v: 1 }, { path: '/b/', v: 2 }, { path: '/c/', v: 2 }]);
  });
});
