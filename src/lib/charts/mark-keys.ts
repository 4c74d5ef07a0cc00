// Stable identities for Plot's marks: every drawn element gets data-key, the
// identity of its datum (a category, a dataset), so scrolly motion
// (src/lib/scrolly/tween.ts) pairs a bar, dot or label with the same one in
// the chart's next state instead of guessing by order.
import type * as Plot from '@observablehq/plot';

/** A Plot render transform that writes `key(datum)` on each element the mark draws. */
export function keyMarks<T>(data: readonly T[], key: (datum: T) => string): Plot.RenderFunction {
  return function (index, scales, values, dimensions, context, next) {
    const g = next!(index, scales, values, dimensions, context) as unknown as Element | null;
    const drawn = g ? Array.from(g.children) : [];
    // One element per datum in index order; anything else is left unkeyed.
    // Keys are percent-encoded: dataset text never reaches markup unescaped.
    if (drawn.length === index.length) drawn.forEach((el, i) => el.setAttribute('data-key', encodeURIComponent(key(data[index[i]!]!))));
    return g as unknown as SVGElement | null;
  };
}

/**
 * Keys an axis's ticks by their labels, for a chart whose scale changes
 * between states: the tick marks, grid lines and tick labels Plot drew for
 * one scale each get `data-key` (the label, percent-encoded) and their group
 * `data-axis` (x or y), so scrolly motion slides a shared tick ("1 million")
 * from its old place to its new one and fades the ticks only one state has.
 * Plot draws the three from the same ticks in the same order; a group whose
 * count differs from the labels' is left as it is. Run before finishSvg drops
 * Plot's aria-labels (it names the groups); keyed shapes are not merged into
 * one path, so only charts whose scale moves should ask for it.
 */
export function keyAxisTicks(svg: Element): void {
  for (const axis of ['x', 'y']) {
    const labels = svg.querySelector(`g[aria-label="${axis}-axis tick label"]`);
    const keys = labels ? Array.from(labels.children, (text) => encodeURIComponent(text.textContent ?? '')) : [];
    if (keys.length === 0 || new Set(keys).size !== keys.length) continue;
    for (const part of ['axis tick label', 'axis tick', 'grid']) {
      const g = svg.querySelector(`g[aria-label="${axis}-${part}"]`);
      if (!g || g.children.length !== keys.length) continue;
      g.setAttribute('data-axis', axis);
      Array.from(g.children).forEach((el, i) => el.setAttribute('data-key', keys[i]!));
    }
  }
}
