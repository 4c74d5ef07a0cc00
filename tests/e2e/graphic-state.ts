// What a scrolly graphic shows, read from the page, so that the same step can
// be compared between the essay, an embed, a slide and the offline copy
// (same-state.test.ts): which pre-rendered states are visible, the visible
// text, and the visible SVG marks with their box normalised to their own
// <svg> (so a chart drawn larger on a slide reads the same) and the
// attributes that carry meaning (fill, weight, text).
import type { Page } from 'playwright-core';

export interface Mark {
  /** Which drawing: the <svg>'s place among the visible ones, its variant (wide/narrow) and tag. */
  key: string;
  text: string;
  fill: string;
  weight: string;
  /** x, y, width, height as shares of the <svg>'s box. */
  box: [number, number, number, number];
}

export interface GraphicState {
  /** "<group>:<n>" for every visible data-state element (group: its parent's place among state parents). */
  states: string[];
  /** Visible text outside SVG (readouts, summaries, HTML charts), whitespace collapsed. */
  text: string;
  marks: Mark[];
  /** Island state where it is not in the DOM text: a threshold's edge, a grid's drawn view. */
  islands: string[];
}

/**
 * Reads the state of the graphic at `selector` (the first match). Figure
 * captions, source lines, data tables and text for screen readers only are
 * left out: a slide moves the captions beside the graphic. Text in a closed
 * <details> (a tree's folded branch) is not visible, so it does not count.
 */
export function readGraphic(page: Page, selector: string): Promise<GraphicState> {
  return page.locator(selector).first().evaluate((root) => {
    // A chart has a wide and a narrow drawing and CSS shows the one that
    // fits the box: both are read (each in the state of the step), with the
    // style forced for the time of this synchronous read only.
    // (A constructed sheet: the pages' CSP allows no <style> element.)
    const both = new CSSStyleSheet();
    both.replaceSync('.chart-wide, .chart-narrow { display: block !important; }');
    const before = document.adoptedStyleSheets;
    document.adoptedStyleSheets = [...before, both];
    try {
      return read(root);
    } finally {
      document.adoptedStyleSheets = before;
    }
    function read(root: Element) {
    // Controls and back-links are hidden on projected slides (deck.css): not part of the state.
    const EXCLUDED = 'figcaption, .chart-source, .source-line, .chart-table, table, .visually-hidden, template, [hidden], .scrolly-keys, '
      + '.chart-table-label, .grid-controls, .carousel-controls, a[data-footnote-backref], .copy-link';
    const shown = (el: Element) =>
      !el.closest(EXCLUDED) && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const boxed = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 || r.height > 0;
    };

    const parents: Element[] = [];
    const states: string[] = [];
    for (const el of Array.from(root.querySelectorAll('[data-state]'))) {
      if (el.closest('[data-step]')) continue;
      const parent = el.parentElement!;
      if (!parents.includes(parent)) parents.push(parent);
      if (shown(el) && boxed(el)) states.push(`${parents.indexOf(parent)}:${el.getAttribute('data-state')}`);
    }

    const parts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (parent.closest('svg, style, script') || !shown(parent)) continue;
      const t = node.textContent!.replace(/\s+/g, ' ').trim();
      if (t) parts.push(t);
    }

    const marks: GraphicState['marks'] = [];
    const svgs = Array.from(root.querySelectorAll('svg')).filter((s) => !s.parentElement?.closest('svg') && shown(s) && boxed(s));
    svgs.forEach((svg, k) => {
      // In the <svg>'s own units (its viewBox), so letterboxing and scale do not count.
      const view = svg.viewBox.baseVal;
      const [vw, vh] = view && view.width > 0 ? [view.width, view.height] : [svg.getBoundingClientRect().width, svg.getBoundingClientRect().height];
      const toSvg = svg.getScreenCTM()!.inverse();
      const variant = svg.closest('.chart-narrow') ? 'narrow' : svg.closest('.chart-wide') ? 'wide' : '';
      for (const el of Array.from(svg.querySelectorAll<SVGGraphicsElement>('rect, circle, ellipse, line, path, polygon, polyline, text, image, use'))) {
        if (el.closest('defs, clipPath, mask, pattern, symbol, title, desc') || !shown(el) || !boxed(el)) continue;
        const b = el.getBBox();
        const m = toSvg.multiply(el.getScreenCTM()!);
        const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
        const xs = corners.map((p) => p.x);
        const ys = corners.map((p) => p.y);
        const style = getComputedStyle(el);
        marks.push({
          key: `${k}${variant}:${el.tagName}`,
          text: el.tagName === 'text' ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : '',
          fill: style.fill,
          weight: el.tagName === 'text' ? style.fontWeight : '',
          box: [(Math.min(...xs) - view.x) / vw, (Math.min(...ys) - view.y) / vh, (Math.max(...xs) - Math.min(...xs)) / vw, (Math.max(...ys) - Math.min(...ys)) / vh],
        });
      }
    });

    const islands: string[] = [];
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('.threshold[data-edge]'))) if (shown(el)) islands.push(`threshold edge ${el.dataset['edge']}`);
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('.grid-island'))) {
      if (shown(el)) islands.push(`grid of ${el.dataset['cells']} cells: ${el.querySelector('.grid-summary')?.textContent?.trim() ?? ''}`);
    }
    return { states, text: parts.join(' '), marks, islands };
    }
  });
}

/** Differences between two states, as readable lines ([] = the same); boxes may differ by `tolerance` of their frame. */
export function diffGraphic(expected: GraphicState, actual: GraphicState, tolerance = 0.01): string[] {
  const out: string[] = [];
  if (expected.states.join(' ') !== actual.states.join(' ')) out.push(`states: expected [${expected.states.join(' ')}], got [${actual.states.join(' ')}]`);
  if (expected.text !== actual.text) out.push(`text: expected "${expected.text}", got "${actual.text}"`);
  if (expected.islands.join('|') !== actual.islands.join('|')) out.push(`islands: expected ${JSON.stringify(expected.islands)}, got ${JSON.stringify(actual.islands)}`);
  if (expected.marks.length !== actual.marks.length) {
    out.push(`marks: expected ${expected.marks.length}, got ${actual.marks.length}`);
    return out;
  }
  expected.marks.forEach((e, i) => {
    const a = actual.marks[i]!;
    const far = e.box.some((v, j) => Math.abs(v - a.box[j]!) > tolerance);
    if (e.key !== a.key || e.text !== a.text || e.fill !== a.fill || e.weight !== a.weight || far) {
      const show = (m: Mark) => `${m.key} "${m.text}" fill ${m.fill}${m.weight ? ` weight ${m.weight}` : ''} at ${m.box.map((v) => v.toFixed(3)).join(',')}`;
      if (out.length < 8) out.push(`mark ${i}: expected ${show(e)}, got ${show(a)}`);
    }
  });
  return out;
}
