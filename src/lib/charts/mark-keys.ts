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
