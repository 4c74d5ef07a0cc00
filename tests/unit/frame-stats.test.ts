// The scroll benchmark's statistics (synthetic samples).
import { describe, expect, it } from 'vitest';
import { percentile, summariseFrames } from '../../bench/lib/frame-stats.ts';

describe('frame statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const xs = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(xs, 50)).toBe(5);
    expect(percentile(xs, 95)).toBe(10);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
  it('summarises frames and counts missed ones', () => {
    const s = summariseFrames([16.66, 16.7, 16.68, 33.4, 16.65]);
    expect(s).toEqual({ frames: 5, p50: 16.7, p95: 33.4, max: 33.4, missed: 1, dropped: 1 });
  });
  it('counts every refresh a long frame dropped', () => {
    // 50 ms is three refreshes at 60 Hz: two of them showed nothing new; 20 ms rounds to one.
    expect(summariseFrames([16.7, 50, 20, 83.3]).dropped).toBe(2 + 0 + 4);
  });
});
