// The Lighthouse benchmark's reading of a report and its budget.
import { describe, expect, it } from 'vitest';
import { budgetMisses, lighthouseNumbers } from '../../bench/lib/lighthouse-metrics.ts';

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
});
