import { describe, expect, it } from 'vitest';
import { atOrBetter, goalMisses, median, ratios, type AnchorMetrics } from '../../bench/lib/anchor-ratios.ts';

// Made-up figures, shaped like one round of bench:anchors.
const anchor: AnchorMetrics = { performance: 62, lcpMs: 3000, tbtMs: 1300, cls: 0.07, bytes: 217_000, jsBytes: 199_000, requests: 43 };
const ours: AnchorMetrics = { performance: 99, lcpMs: 1200, tbtMs: 60, cls: 0, bytes: 23_000, jsBytes: 7_000, requests: 8 };

describe('anchor ratios', () => {
  it('divides ours by the anchor and leaves no ratio where the anchor is 0', () => {
    const r = ratios(ours, anchor);
    expect(r.lcpMs).toBe(0.4);
    expect(r.tbtMs).toBe(0.046);
    expect(ratios(ours, { ...anchor, cls: 0 }).cls).toBeNull();
  });

  it('counts a higher score and lower times and bytes as better', () => {
    expect(Object.values(atOrBetter(ours, anchor)).every(Boolean)).toBe(true);
    const worse = atOrBetter({ ...ours, performance: 50, tbtMs: 2000 }, anchor);
    expect(worse.performance).toBe(false);
    expect(worse.tbtMs).toBe(false);
    expect(worse.lcpMs).toBe(true);
  });

  it('names each missed goal, and holds the score goal only at low load', () => {
    expect(goalMisses(ours, anchor, 2, 4)).toEqual([]);
    const slow = { ...ours, tbtMs: 179, lcpMs: 2000, performance: 97 };
    expect(goalMisses(slow, anchor, 2, 4)).toEqual([
      'TBT 179 ms > 90 ms',
      'TBT 179 ms > 0.1 x anchor 1300 ms',
      'LCP 2000 ms > 0.6 x anchor 3000 ms',
      'performance 97 < 99 at load 2',
    ]);
    expect(goalMisses(slow, anchor, 6, 4)).not.toContain('performance 97 < 99 at load 6');
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
