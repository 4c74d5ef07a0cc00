// Compositor scrolling's band plan (src/lib/images/grid-bands.ts): which
// bands of a tall grid are painted at once, which ahead of the scroll in idle
// time, and which are freed.
import { describe, expect, it } from 'vitest';
import { bandHeight, bandsIn, planBands } from '../../../src/lib/images/grid-bands.ts';

// A 2,000 px layout in 256 px bands (0..7, the last 208 px), a 560 px viewport.
const view = (top: number) => ({ top, viewHeight: 560, layoutHeight: 2000, band: 256, margin: 560 });

describe('grid bands', () => {
  it('lists the bands a span touches, clipped to the layout', () => {
    expect(bandsIn(0, 560, 2000, 256)).toEqual([0, 1, 2]);
    expect(bandsIn(256, 512, 2000, 256)).toEqual([1]);
    expect(bandsIn(-500, 100, 2000, 256)).toEqual([0]);
    expect(bandsIn(1900, 5000, 2000, 256)).toEqual([7]);
    expect(bandHeight(7, 2000, 256)).toBe(208);
    expect(bandHeight(3, 2000, 256)).toBe(256);
  });

  it('paints the visible bands now and the next screen later, nearest first', () => {
    const plan = planBands(view(0), new Set());
    expect(plan.now).toEqual([0, 1, 2]);
    expect(plan.later).toEqual([3, 4]); // 560 px below the viewport's bottom
    expect(plan.drop).toEqual([]);
  });

  it('scrolling within painted bands needs no painting in the frame', () => {
    const painted = new Set([0, 1, 2, 3, 4]);
    const plan = planBands(view(300), painted);
    expect(plan.now).toEqual([]);
    expect(plan.later).toEqual([5]);
  });

  it('frees bands more than two screens away', () => {
    const plan = planBands(view(1440), new Set([0, 1, 2, 3, 4, 5, 6, 7]));
    expect(plan.now).toEqual([]);
    // Keep [1440 - 1120, 2000 + 1120): bands 1 and up; band 0 ends at 256.
    expect(plan.drop).toEqual([0]);
  });
});
