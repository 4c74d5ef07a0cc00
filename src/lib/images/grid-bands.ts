// Compositor scrolling for image grids (issue 18 item 4): the grid is painted
// into horizontal bands, one canvas each, laid out at their place in the
// scrolled content. Scrolling moves them on the compositor, like the
// <img> elements of a plain page; JavaScript only paints bands before they
// come into view (in idle time, a screen ahead) and drops those far away.
// Pure: which bands to paint now, which later and which to drop.

/** Height of a band (CSS px). */
export const BAND_PX = 256;

export interface BandView {
  /** Scroll offset and height of the grid's viewport (CSS px). */
  top: number;
  viewHeight: number;
  /** Height of the whole layout (CSS px). */
  layoutHeight: number;
  /** Band height (CSS px). */
  band: number;
  /** Bands within this distance of the viewport (CSS px) are painted ahead. */
  margin: number;
}

/** Bands (indexes) intersecting [y0, y1), clipped to the layout. */
export function bandsIn(y0: number, y1: number, layoutHeight: number, band: number): number[] {
  const first = Math.max(0, Math.floor(y0 / band));
  const last = Math.min(Math.ceil(layoutHeight / band) - 1, Math.ceil(y1 / band) - 1);
  const out: number[] = [];
  for (let k = first; k <= last; k++) out.push(k);
  return out;
}

export interface BandPlan {
  /** On screen and not painted: paint in this frame (else the reader sees a hole). */
  now: number[];
  /** Within the margin and not painted: paint when idle, the nearest first. */
  later: number[];
  /** Painted but more than two margins away: free their canvases. */
  drop: number[];
}

/** What to paint and drop for a view, given the bands already painted with the current picture. */
export function planBands(v: BandView, painted: ReadonlySet<number>): BandPlan {
  const visible = bandsIn(v.top, v.top + v.viewHeight, v.layoutHeight, v.band);
  const near = bandsIn(v.top - v.margin, v.top + v.viewHeight + v.margin, v.layoutHeight, v.band);
  const keep = new Set(bandsIn(v.top - 2 * v.margin, v.top + v.viewHeight + 2 * v.margin, v.layoutHeight, v.band));
  const centre = v.top + v.viewHeight / 2;
  const distance = (k: number) => Math.abs((k + 0.5) * v.band - centre);
  return {
    now: visible.filter((k) => !painted.has(k)),
    later: near.filter((k) => !painted.has(k) && !visible.includes(k)).sort((a, b) => distance(a) - distance(b)),
    drop: [...painted].filter((k) => !keep.has(k)).sort((a, b) => a - b),
  };
}

/** Height of band k (CSS px): the last one ends with the layout. */
export function bandHeight(k: number, layoutHeight: number, band: number): number {
  return Math.max(0, Math.min(band, layoutHeight - k * band));
}
