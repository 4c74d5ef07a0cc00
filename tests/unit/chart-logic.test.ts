// Exact-number tests for the pure chart logic: binning, threshold splits,
// formats, states, scales, layouts, tree maths, SVG finishing and prop checks.
// All inputs are SYNTHETIC (made up here or in tests/fixtures/charts.ts).
import { describe, expect, it } from 'vitest';
import { binEdges, binValues, invalidBinsReason, nearestEdgeIndex, packBins, splitAtEdge, uniformEdges, unpackBins } from '../../src/lib/charts/bins.ts';
import { formatComplementShares, formatCount, formatLarge, formatRatio, formatShare } from '../../src/lib/charts/format.ts';
import { borrowLabel, changedStates, mergeStateSvgs, renderStates } from '../../src/lib/charts/states.ts';
import { renderDotRatio } from '../../src/lib/charts/dot-ratio.ts';
import { frameX, histogramFrame } from '../../src/lib/charts/histogram.ts';
import { axisEndMargin, labelMargin, rankRows } from '../../src/lib/charts/bar-chart.ts';
import { ratioDomain } from '../../src/lib/charts/dot-ratio.ts';
import { waffleSpans } from '../../src/lib/charts/waffle.ts';
import { logTicks, lookingTime } from '../../src/lib/charts/scale-timeline.ts';
import { labelSpot, layoutLineage, renderLineageGraph, listOrder, NODE_H, NODE_W, wrapLabel } from '../../src/lib/charts/lineage-graph.ts';
import { descendantCount, pathTo, summarizeTree } from '../../src/lib/charts/taxonomy.ts';
import { chartColors } from '../../src/lib/charts/chart-colors.ts';
import { boldMarkedTicks, categoryHighlight, categoryY, chartDocument, finishSvg, MARK, plotSvg, round, svgEl, valueLabels } from '../../src/lib/charts/svg.ts';
import { checkChartProps, pickRows } from '../../src/lib/charts/chart-props.ts';
import { AuthorError } from '../../src/lib/author-error.ts';
import { listValues } from '../../src/lib/charts/describe.ts';
import { syntheticBins, syntheticCategories, syntheticLineage, syntheticRatios, syntheticTree } from '../fixtures/charts.ts';

describe('bins', () => {
  it('makes exact uniform edges (0.26 is 0.26, not 0.26000000000000001)', () => {
    const edges = uniformEdges(0.2, 0.5, 30);
    expect(edges).toHaveLength(31);
    expect(edges[6]).toBe(0.26);
    expect(edges[8]).toBe(0.28);
    expect(edges[30]).toBe(0.5);
    expect(() => uniformEdges(1, 1, 3)).toThrow(/max > min/);
  });

  it('bins values with [x0, x1) bins, the top edge in the last bin, and reports values outside', () => {
    const { bins, outside } = binValues([0, 0.05, 0.1, 0.1, 0.19, 0.2, -1, 0.21, Number.NaN], [0, 0.1, 0.2]);
    expect(bins).toEqual([
      { x0: 0, x1: 0.1, count: 2 },
      { x0: 0.1, x1: 0.2, count: 4 },
    ]);
    expect(outside).toBe(3);
    expect(() => binValues([1], [0, 0])).toThrow(/edges must increase/);
  });

  it('splits exactly at every edge of the synthetic bins (total 124)', () => {
    expect(syntheticBins.reduce((s, b) => s + b.count, 0)).toBe(124);
    expect(splitAtEdge(syntheticBins, 0)).toEqual({ threshold: 0, below: 0, above: 124, total: 124 });
    expect(splitAtEdge(syntheticBins, 5)).toEqual({ threshold: 0.25, below: 80, above: 44, total: 124 });
    expect(splitAtEdge(syntheticBins, 6)).toEqual({ threshold: 0.3, below: 102, above: 22, total: 124 });
    expect(splitAtEdge(syntheticBins, 10)).toEqual({ threshold: 0.5, below: 124, above: 0, total: 124 });
  });

  it('finds edges and the nearest edge to a value', () => {
    const edges = binEdges(syntheticBins);
    expect(edges).toHaveLength(11);
    expect(nearestEdgeIndex(edges, 0.26)).toBe(5);
    expect(nearestEdgeIndex(edges, 0.28)).toBe(6);
    expect(nearestEdgeIndex(edges, 9)).toBe(10);
  });

  it('explains bad bins', () => {
    expect(invalidBinsReason(syntheticBins)).toBeUndefined();
    expect(invalidBinsReason([])).toBe('there are no bins');
    expect(invalidBinsReason([{ x0: 0, x1: 1, count: 1 }, { x0: 1.5, x1: 2, count: 1 }])).toBe('bin 1 starts at 1.5 but bin 0 ends at 1');
    expect(invalidBinsReason([{ x0: 0, x1: 1, count: 1.5 }])).toMatch(/not a whole number/);
  });
});

describe('packed bins (the threshold island\'s props)', () => {
  it('round-trips bins through two short strings, exactly', () => {
    const bins = binValues([0.01, 0.26, 0.27, 0.99], uniformEdges(0, 1, 100)).bins;
    const packed = packBins(bins);
    // Evenly spaced: written as first+step*count, read back to the same numbers.
    expect(packed.edges).toBe('0+0.01*100');
    expect(packed.counts.split(' ').length).toBe(100);
    expect(unpackBins(packed.edges, packed.counts)).toEqual(bins);
    expect(unpackBins(packBins(syntheticBins).edges, packBins(syntheticBins).counts)).toEqual(syntheticBins);
    // Uneven edges are listed one by one.
    const uneven = [{ x0: 0, x1: 0.1, count: 2 }, { x0: 0.1, x1: 0.3, count: 5 }, { x0: 0.3, x1: 0.35, count: 1 }];
    expect(packBins(uneven)).toEqual({ edges: '0 0.1 0.3 0.35', counts: '2 5 1' });
    expect(unpackBins('0 0.1 0.3 0.35', '2 5 1')).toEqual(uneven);
  });
  it('refuses strings that do not fit together', () => {
    expect(() => unpackBins('0 1 2', '5')).toThrow(/3 edges and 1 counts/);
    expect(() => unpackBins('0 x', '5')).toThrow(RangeError);
    expect(() => unpackBins('0+0.1*3', '1 2')).toThrow(/4 edges and 2 counts/);
  });
});

describe('formats', () => {
  it('formats counts, shares, large numbers and ratios', () => {
    expect(formatCount(937489831)).toBe('937,489,831');
    expect(formatShare(1, 40)).toBe('2.5%');
    expect(formatShare(16, 100)).toBe('16%');
    expect(formatShare(1, 5000)).toBe('<0.1%');
    expect(formatShare(0, 0)).toBe('0%');
    // Kept and removed read as adding up: one precision for both.
    expect(formatComplementShares(987, 13, 1000)).toEqual(['98.7%', '1.3%']);
    expect(formatComplementShares(600, 400, 1000)).toEqual(['60%', '40%']);
    expect(formatComplementShares(99_990, 5, 99_995)).toEqual(['>99.9%', '<0.1%']);
    expect(formatComplementShares(0, 10, 10)).toEqual(['0%', '100%']);
    expect(formatComplementShares(95, 5, 100)).toEqual(['95.0%', '5.0%']);
    expect(formatLarge(5_850_000_000)).toBe('5.85 billion');
    expect(formatLarge(155_000_000)).toBe('155 million');
    expect(formatLarge(9_144)).toBe('9,144');
    expect(formatRatio(1.6, 'speaker')).toBe('1.6 per speaker');
    expect(formatRatio(1 / 35, 'speaker')).toBe('1 per 35 speakers');
    expect(formatRatio(0.5, 'speaker')).toBe('1 per 2 speakers');
    expect(formatRatio(1, 'speaker')).toBe('1 per speaker');
    // Near parity the difference stays visible (the MNIST split balance is 0.96 to 1.05).
    expect(formatRatio(1.0412, 'training share')).toBe('1.04 per training share');
    // Below 1 always "1 per N", so 0.967 never sits beside "1 per 2.6" in one chart.
    expect(formatRatio(0.9712, 'training share')).toBe('1 per 1.03 training shares');
    expect(formatRatio(0.7, 'speaker')).toBe('1 per 1.4 speakers');
    expect(formatRatio(1 / 2.6, 'dry day')).toBe('1 per 2.6 dry days');
  });
  it('lists values in words', () => {
    expect(listValues([{ label: 'a', value: 1 }, { label: 'b', value: 2 }], String)).toBe('a (1) and b (2)');
    expect(listValues([{ label: 'a', value: 1 }, { label: 'b', value: 2 }, { label: 'c', value: 3 }], String, 2)).toBe('a (1), b (2), and 1 more');
  });
});

describe('step states', () => {
  it('declares a state only where the settings change', () => {
    expect(changedStates([['a'], ['a'], ['b'], ['b'], []], [])).toEqual([
      { n: 0, settings: ['a'] },
      { n: 2, settings: ['b'] },
      { n: 4, settings: [] },
    ]);
    expect(changedStates(undefined, ['x'])).toEqual([{ n: 0, settings: ['x'] }]);
  });
  it('gives each state its own ids', () => {
    const { stepped, states } = renderStates('c', [1, 1, 2], 0, (s, id) => `${id}:${s}`);
    expect(stepped).toBe(true);
    expect(states).toEqual([{ n: 0, svg: 'c-s0:1' }, { n: 2, svg: 'c-s2:2' }]);
    expect(renderStates('c', undefined, 7, (s, id) => `${id}:${s}`).states).toEqual([{ n: 0, svg: 'c-svg:7' }]);
  });
  it('lets a compact twin borrow the wide SVG\'s title and desc instead of copying them', () => {
    const svg = (id: string, w?: number) => renderLineageGraph({ id, title: 'T', desc: 'A long description.', ...syntheticLineage, ...(w ? { width: w } : {}) });
    const { states } = renderStates('g', undefined, 0, (_, id, w) => svg(id, w), true);
    const narrow = states[0]!.narrow!;
    expect(narrow).toContain('aria-labelledby="g-svg-title g-svg-desc"');
    expect(narrow).not.toContain('<title');
    expect(narrow).not.toContain('A long description.');
    expect(states[0]!.svg).toContain('<desc id="g-svg-desc">A long description.</desc>');
    expect(() => borrowLabel('<svg></svg>', 'x-narrow', 'x')).toThrow(/no title and desc/);
  });
});

describe('states merged into one SVG', () => {
  const steps = [[], ['three'], ['three'], ['one', 'two']];
  const dots = (h: readonly string[], svgId: string, width?: number) =>
    renderDotRatio({ id: svgId, width, title: 'T', desc: 'D', rows: syntheticRatios, highlight: h, reserve: steps.flat(), xLabel: 'X', format: String, referenceLabel: 'ref' });
  const parse = (svg: string) => {
    const doc = chartDocument();
    doc.body.innerHTML = svg;
    return doc.body.firstElementChild!;
  };

  it('writes the parts every state shares once, and variants only for the parts that change', () => {
    const { states, said } = renderStates('d', steps, [] as string[], dots, true, (h) => h.join(' and '));
    expect(said).toEqual([{ n: 0, text: '' }, { n: 1, text: 'three' }, { n: 3, text: 'one and two' }]);
    expect(states.map((s) => [s.n, s.merged])).toEqual([[0, true]]);
    for (const svg of [states[0]!.svg, states[0]!.narrow!]) {
      const root = parse(svg);
      expect(root.querySelectorAll('title').length).toBe(svg === states[0]!.svg ? 1 : 0);
      // The grid and axes do not change with the highlight: one copy each.
      const grid = root.querySelectorAll('g[stroke-opacity="0.1"]');
      expect(grid.length).toBe(1);
      expect(grid[0]!.closest('[data-state]')).toBeNull();
      // The dots change: one variant per state, in order.
      const dotVariants = Array.from(root.querySelectorAll('[data-state] > g:has(> circle)')).map((g) => g.parentElement!.getAttribute('data-state'));
      expect(dotVariants).toEqual(['0', '1', '3']);
      if (svg !== states[0]!.svg) continue;
      // Each state's SVG is what mergeStateSvgs was given, part for part.
      for (const [k, n] of [0, 1, 3].entries()) {
        const alone = parse(dots(steps[n]!, 'd-svg'));
        const shown = Array.from(root.children).map((part) => (part.firstElementChild?.hasAttribute('data-state')
          ? [...part.children].filter((v) => Number(v.getAttribute('data-state')) <= n).at(-1)!.innerHTML
          : part.outerHTML)).join('');
        expect(shown, `state ${k}`).toBe(Array.from(alone.children).map((c) => c.outerHTML).join(''));
      }
    }
  });

  it('keeps separate SVGs when the states cannot be matched or a changing part defines an id', () => {
    const svg = (inner: string) => `<svg viewBox="0 0 10 10">${inner}</svg>`;
    expect(mergeStateSvgs([{ n: 0, svg: svg('<g aria-label="a"></g>') }, { n: 1, svg: '<svg viewBox="0 0 20 10"><g aria-label="a"></g></svg>' }])).toBeUndefined();
    expect(mergeStateSvgs([{ n: 0, svg: svg('<g></g><text></text>') }, { n: 1, svg: svg('<text></text><g></g>') }])).toBeUndefined();
    expect(mergeStateSvgs([{ n: 0, svg: svg('<g aria-label="a"><rect id="p"></rect></g>') }, { n: 1, svg: svg('<g aria-label="a"><rect id="p" x="1"></rect></g>') }])).toBeUndefined();
    // A part one state lacks is an empty variant there.
    const merged = parse(mergeStateSvgs([{ n: 0, svg: svg('<g aria-label="a"></g>') }, { n: 2, svg: svg('<g aria-label="a"></g><g aria-label="b"><rect></rect></g>') }])!);
    expect(merged.innerHTML).toBe('<g aria-label="a" /><g><g data-state="0" /><g data-state="2"><g aria-label="b"><rect /></g></g></g>');
  });
});

describe('scales and layouts', () => {
  it('maps histogram values to x in the viewBox (the island uses the same maths)', () => {
    const frame = histogramFrame(syntheticBins, 640, 300);
    expect(frameX(frame, 0)).toBe(64);
    expect(frameX(frame, 0.5)).toBe(608);
    expect(frameX(frame, 0.25)).toBe(336);
  });
  it('ranks rows by value, keeping input order on ties, and sizes the label margin', () => {
    expect(rankRows(syntheticCategories).map((r) => r.label)).toEqual(['beta <b>&', 'delta', 'alpha', 'gamma']);
    expect(rankRows([{ label: 'x', value: 1 }, { label: 'y', value: 1 }]).map((r) => r.label)).toEqual(['x', 'y']);
    // A last tick near the right edge gets room for half its label; one well inside needs none.
    const billions = (v: number) => `${v / 1e9} billion`;
    expect(axisEndMargin(4.06e9, 2, billions, 120, 360)).toBeGreaterThan(16);
    const m = axisEndMargin(4.06e9, 2, billions, 120, 360);
    expect(120 + (4 / 4.06) * (360 - 120 - m) + (billions(4e9).length * 6.2) / 2).toBeLessThanOrEqual(360);
    expect(axisEndMargin(5e9, 2, billions, 120, 360)).toBe(16);
    expect(labelMargin(['abcd'])).toBe(46);
    expect(labelMargin(['x'.repeat(100)])).toBe(220);
  });
  it('pads ratio domains to powers of ten around 1, or tightly when the ratios are close to 1', () => {
    expect(ratioDomain([1.6, 0.5, 1 / 35, 7])).toEqual({ domain: [0.01, 10], decades: true });
    expect(ratioDomain([0.96, 1.04])).toEqual({ domain: [0.8348, 1.196], decades: false });
    expect(ratioDomain([2, 3])).toEqual({ domain: [0.8696, 3.45], decades: false });
    expect(() => ratioDomain([0, 1])).toThrow(/above 0/);
  });
  it('spans waffle parts in cells, fractions included', () => {
    expect(waffleSpans([{ label: 'a', value: 1 }, { label: 'b', value: 0.5 }], 40, 40)).toEqual([
      { label: 'a', start: 0, end: 1 },
      { label: 'b', start: 1, end: 1.5 },
    ]);
    expect(() => waffleSpans([{ label: 'a', value: 50 }], 40, 40)).toThrow(/more than the total/);
  });
  it('computes the time to look at every item', () => {
    // 5.0 billion images at 10 s each: the 1,584 years of [KM-9WAYS].
    expect(lookingTime(5_000_000_000, 10).text).toBe('1,584 years');
    expect(lookingTime(5_850_000_000, 10).text).toBe('1,854 years');
    expect(lookingTime(14_197_122, 10).text).toBe('4.5 years');
    expect(lookingTime(9_144, 10).text).toBe('25 hours');
    expect(lookingTime(100_000, 10).text).toBe('12 days');
    expect(logTicks([1e3, 1e11])).toEqual([1e3, 1e5, 1e7, 1e9, 1e11]);
  });
  it('lays out lineage in layers from inputs to outputs', () => {
    const { nodes, layers } = layoutLineage(syntheticLineage.nodes, syntheticLineage.edges);
    const layer = Object.fromEntries(nodes.map((n) => [n.id, n.layer]));
    expect(layers).toBe(4);
    expect(layer).toEqual({ crawl: 0, raters: 0, pairs: 1, model: 2, subset: 3 });
    expect(() => layoutLineage(syntheticLineage.nodes, [{ from: 'model', to: 'pairs', relation: 'trained on' }, { from: 'pairs', to: 'model', relation: 'trained on' }])).toThrow(/cycle/);
    expect(() => layoutLineage(syntheticLineage.nodes, [{ from: 'nope', to: 'model', relation: 'trained on' }])).toThrow(/unknown node "nope"/);
    expect(wrapLabel('A filtered subset of the crawl')).toEqual(['A filtered subset', 'of the crawl']);
    expect(wrapLabel('Simulacra Aesthetic Captions (SAC) and more words here')).toEqual(['Simulacra', 'Aesthetic', 'Captions (SAC)…']);
  });
  it('orders the narrow lineage list with every node after its inputs', () => {
    const order = listOrder(syntheticLineage.nodes, syntheticLineage.edges);
    // The deeper input (model) comes first, so crawl, which feeds only the subset, sits right above it.
    expect(order).toEqual(['raters', 'pairs', 'model', 'crawl', 'subset']);
    for (const e of syntheticLineage.edges) expect(order.indexOf(e.from)).toBeLessThan(order.indexOf(e.to));
  });
  it('puts an edge label where it covers no node, or nowhere', () => {
    // An edge from (0, 100) to (400, 100) whose middle crosses a node.
    const blocker = { x: 200 - NODE_W / 2, y: 100 - NODE_H / 2 };
    const spot = labelSpot([0, 100], [400, 100], 60, [blocker])!;
    expect(spot).toBeDefined();
    expect(spot[0] + 33 < blocker.x || spot[0] - 33 > blocker.x + NODE_W).toBe(true);
    expect(labelSpot([0, 100], [400, 100], 60, [])).toEqual([200, 100]);
    expect(labelSpot([0, 100], [130, 100], 60, [{ x: 0, y: 60 }, { x: 60, y: 60 }])).toBeUndefined();
  });
});

describe('taxonomy', () => {
  it('counts, summarises and finds paths', () => {
    expect(descendantCount(syntheticTree)).toBe(7);
    expect(descendantCount({ label: 'pruned', below: 41, children: [{ label: 'x' }] })).toBe(41);
    expect(summarizeTree(syntheticTree)).toEqual({ nodes: 8, leaves: 4, depth: 3, perDepth: [1, 2, 4, 1] });
    expect(pathTo(syntheticTree, 'a21')?.map((n) => n.label)).toEqual(['thing', 'animal', 'dog', 'puppy']);
    expect(pathTo(syntheticTree, 'saw')?.map((n) => n.id)).toEqual(['root', 'b', 'b2']);
    expect(pathTo(syntheticTree, 'nothing')).toBeUndefined();
  });
});

describe('lineage graph states', () => {
  const states = [{ n: 0, highlight: [] }, { n: 1, highlight: ['raters', 'pairs', 'model'] }, { n: 3, highlight: ['crawl', 'subset'] }];
  const parse = (svg: string) => {
    const doc = chartDocument();
    doc.body.innerHTML = svg;
    return doc.body.firstElementChild!;
  };
  it('draws each node and edge once, and per state an overlay that reuses the highlighted ones', () => {
    for (const width of [undefined, 360]) {
      const svg = parse(renderLineageGraph({ id: 'g', title: 'T', desc: 'D', ...syntheticLineage, states, active: 1, width }));
      expect(svg.querySelectorAll('.lineage-node').length).toBe(syntheticLineage.nodes.length);
      expect(svg.querySelectorAll('.lineage-edge').length).toBe(syntheticLineage.edges.length);
      // Two overlays per state (edges under the nodes, nodes over them), in order.
      const overlays = Array.from(svg.querySelectorAll('.lineage-lit'));
      expect(overlays.map((g) => g.getAttribute('data-state'))).toEqual(['0', '1', '3', '0', '1', '3']);
      expect(overlays.filter((g) => g.hasAttribute('data-state-active')).map((g) => g.getAttribute('data-state'))).toEqual(['1', '1']);
      const shown = (n: string) =>
        svg.querySelectorAll(`.lineage-lit[data-state="${n}"] use`).length === 0
          ? []
          : Array.from(svg.querySelectorAll(`.lineage-lit[data-state="${n}"] use`)).map((u) => {
              const el = svg.querySelector(u.getAttribute('href')!)!;
              return el.matches('.lineage-node') ? Array.from(el.querySelectorAll('.lineage-label')).map((t) => t.textContent).join(' ') : 'edge';
            });
      expect(shown('0')).toEqual([]);
      // raters -> pairs -> model: two edges, three nodes.
      expect(shown('1').filter((x) => x === 'edge').length).toBe(2);
      expect(shown('1').filter((x) => x !== 'edge').sort()).toEqual(['A few raters', 'A scoring model', 'Caption pairs']);
      expect(shown('3').filter((x) => x === 'edge').length).toBe(1);
      expect(shown('3').filter((x) => x !== 'edge').sort()).toEqual(['A filtered subset of the crawl', 'A web crawl']);
    }
  });
  it('names a highlighted relation in words where there is room (wide layout)', () => {
    const svg = parse(renderLineageGraph({ id: 'g', title: 'T', desc: 'D', ...syntheticLineage, states, active: 0 }));
    expect(Array.from(svg.querySelectorAll('.lineage-lit[data-state="3"] .lineage-relation')).map((t) => t.textContent)).toEqual(['drawn from']);
    expect(svg.querySelectorAll('.lineage-lit[data-state="0"] .lineage-relation').length).toBe(0);
  });
  it('draws a fixed highlight as one overlay without a state, and none without a highlight', () => {
    const lit = parse(renderLineageGraph({ id: 'g', title: 'T', desc: 'D', ...syntheticLineage, highlight: ['pairs', 'model'] }));
    expect(Array.from(lit.querySelectorAll('.lineage-lit')).map((g) => [g.hasAttribute('data-state'), g.querySelectorAll('use').length])).toEqual([[false, 1], [false, 2]]);
    expect(parse(renderLineageGraph({ id: 'g', title: 'T', desc: 'D', ...syntheticLineage })).querySelectorAll('.lineage-lit').length).toBe(0);
  });
});

describe('category chart helpers', () => {
  it('marks and bolds highlighted labels, and fades the other value labels only when some row is highlighted', () => {
    const rows = [{ label: 'a', value: 1 }, { label: 'b', value: 2 }];
    const { on, any } = categoryHighlight(['b']);
    expect([...on, any]).toEqual(['b', true]);
    expect(categoryHighlight(undefined).any).toBe(false);
    const y = categoryY(rows, on);
    expect(y.domain).toEqual(['a', 'b']);
    expect(rows.map((r) => (y.tickFormat as (l: string) => string)(r.label))).toEqual(['a', `${MARK}b`]);
    const svg = plotSvg({ width: 300, height: 100, y, x: { domain: [0, 3] }, marks: valueLabels(rows, on, (v) => `${v} items`, { dx: 5 }) });
    expect(svg.getAttribute('class')).toBe('chart-plot');
    boldMarkedTicks(svg);
    const ticks = Array.from(svg.querySelectorAll('g[aria-label="y-axis tick label"] text')).map((t) => [t.textContent, t.getAttribute('font-weight')]);
    expect(ticks).toEqual([['a', null], [`${MARK}b`, '700']]);
    const labels = Array.from(svg.querySelectorAll('g[aria-label="text"]')).map((g) => [g.getAttribute('fill'), g.getAttribute('font-weight'), g.textContent]);
    expect(labels).toEqual([[chartColors.ink, '700', '2 items'], [chartColors.muted, '400', '1 items']]);
    const plain = plotSvg({ width: 300, height: 100, y: categoryY(rows, new Set()), marks: valueLabels(rows, new Set(), String, {}) });
    expect(Array.from(plain.querySelectorAll('g[aria-label="text"]')).map((g) => [g.getAttribute('fill'), g.textContent])).toEqual([[chartColors.ink, '12']]);
  });
});

describe('finishSvg', () => {
  it('removes <style>, labels the SVG as one image, rounds numbers and escapes text', () => {
    const doc = chartDocument();
    const svg = svgEl(doc, 'svg', { width: 100, height: 50, viewBox: '0 0 100 50' }, [
      svgEl(doc, 'style', {}, ['.x{fill:red}']),
      svgEl(doc, 'g', { 'aria-label': 'bar', transform: 'translate(1.23456789,2)' }, [svgEl(doc, 'text', { y: '0.32em', 'fill-opacity': '0.7251' }, ['<img src=x onerror=alert(1)>'])]),
    ]);
    const out = finishSvg(svg, { id: 'f', title: 'A & B', desc: '<desc>' });
    expect(out).not.toContain('<style');
    expect(out).not.toMatch(/ width=| height=/);
    expect(out).toContain('role="img"');
    expect(out).toContain('aria-labelledby="f-title f-desc"');
    expect(out).toContain('<title id="f-title">A &amp; B</title>');
    expect(out).toContain('<desc id="f-desc">&lt;desc&gt;</desc>');
    // Positions to a tenth of a unit; ems and opacities keep two decimals.
    // One image: its parts carry no names or roles of their own.
    expect(out).toContain('<g transform="translate(1.2,2)">');
    expect(out).not.toMatch(/role="group"|aria-label=/);
    expect(out).toContain('fill-opacity="0.73" y="0.32em"');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(round(-0.0001)).toBe(0);
  });
});

describe('finishSvg draws groups of plain shapes as one path', () => {
  const finish = (children: Element[], doc: Document) => {
    const svg = svgEl(doc, 'svg', { viewBox: '0 0 100 50' }, children);
    const out = chartDocument();
    out.body.innerHTML = finishSvg(svg, { id: 'f', title: 'T', desc: 'D' });
    return out.body.firstElementChild!;
  };
  it('merges bars, grid lines and Plot ticks, keeping the paint on the group', () => {
    const doc = chartDocument();
    const svg = finish([
      svgEl(doc, 'g', { fill: '#4a4a55', 'aria-label': 'rect' }, [
        svgEl(doc, 'rect', { x: 1.04, y: 10, width: 4.5, height: 40 }),
        svgEl(doc, 'rect', { x: 6, y: 50, width: 4.5, height: 0 }),
        svgEl(doc, 'rect', { x: 11, y: 20, width: 4.5, height: 30 }),
      ]),
      svgEl(doc, 'g', { stroke: 'currentColor', 'aria-label': 'grid' }, [svgEl(doc, 'line', { x1: 0, x2: 100, y1: 5, y2: 5 }), svgEl(doc, 'line', { x1: 3, x2: 3, y1: 0, y2: 50 })]),
      svgEl(doc, 'g', { 'aria-label': 'tick' }, [svgEl(doc, 'path', { d: 'M0,0L0,6', transform: 'translate(64.25,40)' }), svgEl(doc, 'path', { d: 'M0,0L-6,0', transform: 'translate(2,3)' })]),
    ], doc);
    const groups = Array.from(svg.querySelectorAll(':scope > g'));
    const d = (label: string) => Array.from(groups[['rect', 'grid', 'tick'].indexOf(label)]!.children).map((el) => [el.tagName.toLowerCase(), el.getAttribute('d')]);
    // A zero-height bar draws nothing, and is left out.
    // Bars from their bottom-left corner, each moving there from the last one's.
    expect(d('rect')).toEqual([['path', 'M1,50v-40h4.5v40zm10,0v-30h4.5v30z']]);
    expect(groups[0]!.getAttribute('fill')).toBe('#4a4a55');
    expect(d('grid')).toEqual([['path', 'M0,5H100M3,0V50']]);
    expect(d('tick')).toEqual([['path', 'M64.3,40v6M2,3h-6']]);
  });
  it('keeps shapes with their own paint, single shapes and dashed groups as they are', () => {
    const doc = chartDocument();
    const svg = finish([
      svgEl(doc, 'g', { 'aria-label': 'own' }, [svgEl(doc, 'rect', { x: 0, y: 0, width: 5, height: 5, fill: 'red' }), svgEl(doc, 'rect', { x: 5, y: 0, width: 5, height: 5 })]),
      svgEl(doc, 'g', { 'aria-label': 'one' }, [svgEl(doc, 'line', { x1: 0, x2: 1, y1: 0, y2: 1 })]),
      svgEl(doc, 'g', { 'aria-label': 'dashed', 'stroke-dasharray': '4 3' }, [svgEl(doc, 'line', { x1: 0, x2: 1, y1: 0, y2: 0 }), svgEl(doc, 'line', { x1: 0, x2: 1, y1: 2, y2: 2 })]),
    ], doc);
    const groups = Array.from(svg.querySelectorAll(':scope > g'));
    const tags = (label: string) => Array.from(groups[['own', 'one', 'dashed'].indexOf(label)]!.children).map((el) => el.tagName.toLowerCase());
    expect([tags('own'), tags('one'), tags('dashed')]).toEqual([['rect', 'rect'], ['line'], ['line', 'line']]);
  });
});

describe('author errors for chart props', () => {
  const aggregate = { provenance: { aggregate: 'a', datasets: ['d'], script: 's', inputs: [], source: 'Synthetic' }, data: [] };
  it('names the unknown prop and lists the known ones', () => {
    const call = () => checkChartProps({ component: 'BarChart', page: '/x/', props: { id: 'b', data: aggregate, hightlight: [] }, known: ['highlight'], required: ['id'] });
    expect(call).toThrow(AuthorError);
    expect(call).toThrow('page /x/: hightlight: <BarChart id="b"> has an unknown prop "hightlight"\n  fix: use one of: id, title, data, step, caption, note, wide, highlight (see docs/charts.md)');
  });
  it('rejects data that is not an aggregate, and missing props', () => {
    expect(() => checkChartProps({ component: 'Waffle', page: '/x/', props: { data: [1, 2] }, known: ['total'], required: [] })).toThrow(/not an aggregate/);
    expect(() => checkChartProps({ component: 'Waffle', page: '/x/', props: { data: aggregate }, known: ['total'], required: ['total'] })).toThrow(/missing the prop "total"/);
  });
  it('reads rows by field names and names a bad row', () => {
    expect(pickRows('BarChart', '/x/', [{ d: 'a', n: 1 }], undefined, 'd', 'n')).toEqual([{ label: 'a', value: 1 }]);
    expect(() => pickRows('BarChart', '/x/', [{ d: 'a', n: 1 }, { d: 'b' }], undefined, 'd', 'n')).toThrow(/row 1 has no text "d" and number "n"/);
  });
});
