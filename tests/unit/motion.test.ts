// Scrolly motion from the emitted SVG: each chart kind's states, rendered by
// the real renderers on SYNTHETIC fixtures, tweened at t = 0, 0.5 and 1.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { axisMap, interpolateValue, pairChildren, pathMorph, pathPoints, positionOn, splitNumbers, tweenToward } from '../../src/lib/scrolly/tween-all.ts';
import { easeInOut } from '../../src/lib/scrolly/motion-bridge.ts';
import { motionProgress } from '../../src/lib/scrolly/motion-progress.ts';
import { motionParts } from '../../src/lib/scrolly/render.ts';
import { rankRows, renderBarChart } from '../../src/lib/charts/bar-chart.ts';
import { renderDotRatio } from '../../src/lib/charts/dot-ratio.ts';
import { renderScaleTimeline, timelineDomain } from '../../src/lib/charts/scale-timeline.ts';
import { renderLineageGraph } from '../../src/lib/charts/lineage-graph.ts';
import { renderHistogram } from '../../src/lib/charts/histogram.ts';
import { renderWaffle } from '../../src/lib/charts/waffle.ts';
import { renderStates } from '../../src/lib/charts/states.ts';
import { formatCount, formatRatio, formatShare } from '../../src/lib/charts/format.ts';
import { syntheticBins, syntheticCategories, syntheticLineage, syntheticRatios, syntheticScales } from '../fixtures/charts.ts';

const label = (id: string) => ({ id, title: `Synthetic ${id}`, desc: `Synthetic test figure ${id}.` });

/** Puts HTML in a fresh document and returns its root element. */
function mount(html: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return document.getElementById('root')!;
}

/** The two state variants of one merged SVG's changing part (`part`: a selector inside the variants). */
function variants(svg: string, part: string, from: number, to: number): [Element, Element, Element] {
  const root = mount(svg);
  const group = Array.from(root.querySelectorAll('svg > g')).find((g) => g.querySelector(`[data-state] ${part}`))!;
  const at = (n: number) => group.querySelector(`:scope > [data-state="${n}"]`)!;
  return [root, at(from), at(to)];
}

/** A colour's channels: #rgb, #rrggbb or rgb(r, g, b) (what the charts and the tween write). */
const rgb = (value: string | null) => {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value ?? '')?.[1];
  if (hex) return (hex.length === 3 ? [...hex].map((c) => c + c) : [hex.slice(0, 2), hex.slice(2, 4), hex.slice(4)]).map((h) => parseInt(h, 16));
  return /^rgb\(/.test(value ?? '') ? splitNumbers(value!).numbers : [NaN, NaN, NaN];
};
const between = (x: number, a: number, b: number) => x > Math.min(a, b) && x < Math.max(a, b);

describe('interpolating values', () => {
  it('moves numbers of values that share their commands', () => {
    expect(interpolateValue('M0,10h20v-5z', 'M10,30h40v-5z', 0.5)).toBe('M5,20h30v-5z');
    expect(interpolateValue('translate(0,10)', 'translate(10,0)', 0.25)).toBe('translate(2.5,7.5)');
    expect(interpolateValue('4', '8', 0)).toBe('4');
    expect(interpolateValue('4', '8', 1)).toBe('8');
  });
  it('blends colours', () => {
    expect(interpolateValue('#000000', '#ffffff', 0.5)).toBe('rgb(128,128,128)');
    expect(interpolateValue('#fff', 'rgb(0, 0, 0)', 1)).toBe('rgb(0,0,0)');
  });
  it('refuses what it cannot interpolate (the mark cross-fades instead)', () => {
    expect(interpolateValue('M0,0h10z', 'M0,0v10h5z', 0.5)).toBeUndefined();
    expect(interpolateValue('none', '#000', 0.5)).toBeUndefined();
    expect(interpolateValue('translate(1,2)', 'scale(2)', 0.5)).toBeUndefined();
    expect(splitNumbers('m-1.5,2e2').numbers).toEqual([-1.5, 200]);
  });
  it('pairs children by key, else by tag and order', () => {
    const keyed = mount('<svg><g id="a"><rect data-key="x"/><rect data-key="y"/></g><g id="b"><rect data-key="y"/><rect data-key="z"/></g></svg>');
    const k = pairChildren(keyed.querySelector('#a')!, keyed.querySelector('#b')!);
    expect(k.pairs.map(([a, b]) => [a.getAttribute('data-key'), b.getAttribute('data-key')])).toEqual([['y', 'y']]);
    expect(k.onlyA.map((e) => e.getAttribute('data-key'))).toEqual(['x']);
    expect(k.onlyB.map((e) => e.getAttribute('data-key'))).toEqual(['z']);
    const plain = mount('<svg><g id="a"><rect/><text/></g><g id="b"><text/><rect/><rect/></g></svg>');
    const p = pairChildren(plain.querySelector('#a')!, plain.querySelector('#b')!);
    expect(p.pairs.map(([a, b]) => `${a.tagName}-${b.tagName}`.toLowerCase())).toEqual(['rect-rect', 'text-text']);
    expect(p.onlyB).toHaveLength(1);
  });
});

describe('paths whose commands differ', () => {
  it('reads every command as absolute polylines', () => {
    expect(pathPoints('m1,1h4v2H1z')).toEqual([{ pts: [[1, 1], [5, 1], [5, 3], [1, 3], [1, 1]], closed: true }]);
    expect(pathPoints('M0,0L2,0 4,0M9,9l1,1')).toEqual([{ pts: [[0, 0], [2, 0], [4, 0]], closed: false }, { pts: [[9, 9], [10, 10]], closed: false }]);
    // A curve or arc counts as a line to its end point.
    expect(pathPoints('M0,0Q5,10,10,0c1,1,2,2,3,0A5,5,0,0,1,20,0')[0]!.pts).toEqual([[0, 0], [10, 0], [13, 0], [20, 0]]);
  });
  it('morphs a line into a line with a peak, resampled at both corners', () => {
    const morph = pathMorph('M0,0L10,0', 'M0,0L5,8L10,0')!;
    const at = (t: number) => pathPoints(morph(t))[0]!.pts;
    expect(at(0)).toEqual([[0, 0], [5, 0], [10, 0]]);
    expect(at(0.5)).toEqual([[0, 0], [5, 4], [10, 0]]);
    expect(at(1)).toEqual([[0, 0], [5, 8], [10, 0]]);
    expect(pathMorph('', 'M0,0L1,1')).toBeUndefined();
  });
  it('pairs subpaths in order when their numbers differ (bars split and merge)', () => {
    const morph = pathMorph('M0,0h10v10h-10z', 'M0,0h4v10h-4zM6,0h4v10h-4z')!;
    const subs = (t: number) => pathPoints(morph(t));
    expect(subs(0)).toHaveLength(2);
    expect(subs(0).every((s) => s.closed && s.pts.every(([x]) => x >= 0 && x <= 10))).toBe(true);
    const widths = (t: number) => subs(t).map((s) => Math.max(...s.pts.map((p) => p[0])) - Math.min(...s.pts.map((p) => p[0])));
    expect(widths(0)).toEqual([10, 10]);
    expect(widths(0.5)).toEqual([7, 7]);
    expect(widths(1)).toEqual([4, 4]);
  });
});

describe('scrubbed progress from step geometry', () => {
  // Two cards 100 px tall with a 300 px gap: card 0 at 0..100, card 1 at 400..500 (relative to the trigger at y = 500 - scroll).
  const boxes = (scroll: number) => [{ top: 0 - scroll, height: 100 }, { top: 400 - scroll, height: 100 }];
  it('holds the exact state inside a card and at a step link', () => {
    expect(motionProgress(boxes(-10), 50)).toEqual({ step: 0, t: 0 });
    expect(motionProgress(boxes(0), 50)).toEqual({ step: 0, t: 0 });
    // A deep link puts card 1's top just above the trigger line: step 1, no motion.
    expect(motionProgress(boxes(360), 400)).toEqual({ step: 1, t: 0 });
  });
  it('moves across the gap between two cards, and back', () => {
    expect(motionProgress(boxes(0), 250)).toEqual({ step: 0, t: 0.5 });
    expect(motionProgress(boxes(0), 175).t).toBeCloseTo(0.25);
    expect(motionProgress(boxes(0), 399.9).t).toBeGreaterThan(0.99);
    expect(motionProgress(boxes(0), 401).step).toBe(1);
    expect([0, 0.5, 1].map(easeInOut)).toEqual([0, 0.5, 1]);
  });
});

describe('each chart kind moves between its emitted states', () => {
  it('BarChart: the highlight passes from bar to bar in colour', () => {
    const rows = rankRows(syntheticCategories);
    const { states } = renderStates('b', [['gamma'], ['alpha']], [] as string[],
      (h, svgId, width) => renderBarChart({ ...label(svgId), width, rows, highlight: h, reserve: ['gamma', 'alpha'], xLabel: 'Items', format: formatCount }), false, (h) => h.join());
    const [root, a, b] = variants(states[0]!.svg, 'rect', 0, 1);
    const before = root.innerHTML;
    const bar = (el: Element, key: string) => el.querySelector(`rect[data-key="${key}"]`)!;
    const [g0, g1] = [rgb(bar(a, 'gamma').getAttribute('fill')), rgb(bar(b, 'gamma').getAttribute('fill'))];
    const tween = tweenToward(a, b);
    expect(tween.moves).toBeGreaterThanOrEqual(2);
    tween.apply(0);
    expect(rgb(bar(a, 'gamma').getAttribute('fill'))).toEqual(g0);
    tween.apply(0.5);
    const mid = rgb(bar(a, 'gamma').getAttribute('fill'));
    expect(mid.some((c, i) => between(c, g0[i]!, g1[i]!))).toBe(true);
    expect(rgb(bar(a, 'alpha').getAttribute('fill'))).not.toEqual(rgb(bar(b, 'alpha').getAttribute('fill')));
    tween.apply(1);
    expect(rgb(bar(a, 'gamma').getAttribute('fill'))).toEqual(g1);
    expect(rgb(bar(a, 'alpha').getAttribute('fill'))).toEqual(rgb(bar(b, 'alpha').getAttribute('fill')));
    tween.reset();
    expect(root.innerHTML).toBe(before);
  });

  it('DotRatio: the highlighted dot grows and the others shrink', () => {
    const { states } = renderStates('d', [['three'], ['one']], [] as string[],
      (h, svgId, width) => renderDotRatio({ ...label(svgId), width, rows: syntheticRatios, highlight: h, reserve: ['three', 'one'], xLabel: 'Per person', format: (v) => formatRatio(v, 'person'), referenceLabel: '1 per person' }), false, (h) => h.join());
    const [root, a, b] = variants(states[0]!.svg, 'circle', 0, 1);
    const before = root.innerHTML;
    const r = (el: Element, key: string) => Number(el.querySelector(`circle[data-key="${key}"]`)!.getAttribute('r'));
    const [r0, r1] = [r(a, 'one'), r(b, 'one')];
    expect(r1).toBeGreaterThan(r0);
    const tween = tweenToward(a, b);
    tween.apply(0);
    expect(r(a, 'one')).toBe(r0);
    tween.apply(0.5);
    expect(between(r(a, 'one'), r0, r1)).toBe(true);
    expect(between(r(a, 'three'), r(b, 'three'), r1)).toBe(true);
    tween.apply(1);
    expect(r(a, 'one')).toBe(r1);
    tween.reset();
    expect(root.innerHTML).toBe(before);
  });

  it('ScaleTimeline: the next dataset fades in, the last one hands over its accent', () => {
    const svgs = [2, 3].map((shown) => renderScaleTimeline({ ...label(`t${shown}`), rows: syntheticScales, shown, secondsEach: 10, unit: 'Images' }));
    const root = mount(`<div id="a">${svgs[0]}</div><div id="b">${svgs[1]}</div>`);
    const [a, b] = [root.querySelector('#a')!, root.querySelector('#b')!];
    const before = a.innerHTML;
    const dot = (el: Element, key: string) => el.querySelector(`circle[data-key="${encodeURIComponent(key)}"]:not([data-motion-copy])`);
    const [m0, m1] = [rgb(dot(a, '2008 · Medium set')!.getAttribute('fill')), rgb(dot(b, '2008 · Medium set')!.getAttribute('fill'))];
    expect(dot(a, '2020 · Large set')).toBeNull();
    const tween = tweenToward(a, b);
    expect(tween.fades).toBeGreaterThan(0);
    const entering = () => a.querySelector<HTMLElement>(`circle[data-key="${encodeURIComponent('2020 · Large set')}"][data-motion-copy]`);
    tween.apply(0);
    expect(entering()!.style.opacity).toBe('0');
    tween.apply(0.5);
    expect(entering()!.style.opacity).toBe('0.5');
    // Labels swap half-way rather than overlap or vanish.
    const textCopies = () => Array.from(a.querySelectorAll<HTMLElement>('text[data-motion-copy], g[data-motion-copy]')).filter((el) => el.tagName.toLowerCase() === 'text' || el.querySelector('text'));
    expect(textCopies().length).toBeGreaterThan(0);
    tween.apply(0.4);
    expect(textCopies().every((el) => el.style.opacity === '0')).toBe(true);
    tween.apply(0.6);
    expect(textCopies().every((el) => el.style.opacity === '1')).toBe(true);
    expect(rgb(dot(a, '2008 · Medium set')!.getAttribute('fill')).some((c, i) => between(c, m0[i]!, m1[i]!))).toBe(true);
    tween.apply(1);
    expect(entering()!.style.opacity).toBe('1');
    expect(rgb(dot(a, '2008 · Medium set')!.getAttribute('fill'))).toEqual(m1);
    // Copies carry no ids: the page never gets two elements with one id.
    expect(a.querySelectorAll('[data-motion-copy] [id], [data-motion-copy][id]')).toHaveLength(0);
    tween.reset();
    expect(a.innerHTML).toBe(before);
  });

  it('Histogram: bars grow to new counts (same bins, path commands match)', () => {
    const other = syntheticBins.map((bin, i) => ({ ...bin, count: bin.count + (i % 3) * 4 }));
    const [one, two] = [syntheticBins, other].map((bins) => renderHistogram({ ...label('h'), bins, xLabel: 'Score', yLabel: 'Items' }).svg);
    const root = mount(`<div id="a">${one}</div><div id="b">${two}</div>`);
    const [a, b] = [root.querySelector('#a')!, root.querySelector('#b')!];
    const bars = (el: Element) => Array.from(el.querySelectorAll('path')).find((p) => (p.getAttribute('d') ?? '').split('z').length > syntheticBins.length)!;
    const [d0, d1] = [bars(a).getAttribute('d')!, bars(b).getAttribute('d')!];
    expect(d0).not.toBe(d1);
    const tween = tweenToward(a, b);
    tween.apply(0.5);
    const mid = splitNumbers(bars(a).getAttribute('d')!).numbers;
    const [n0, n1] = [splitNumbers(d0).numbers, splitNumbers(d1).numbers];
    expect(mid.some((x, i) => between(x, n0[i]!, n1[i]!))).toBe(true);
    expect(mid.every((x, i) => x >= Math.min(n0[i]!, n1[i]!) && x <= Math.max(n0[i]!, n1[i]!))).toBe(true);
    tween.apply(1);
    expect(splitNumbers(bars(a).getAttribute('d')!).numbers).toEqual(n1);
    tween.reset();
    expect(bars(a).getAttribute('d')).toBe(d0);
  });

  it('Histogram: bars morph when the bins change (path commands differ)', () => {
    // Twice as wide bins: pairs of neighbours merged.
    const fewer = syntheticBins.filter((_, i) => i % 2 === 0).map((bin, i) => ({ x0: bin.x0, x1: syntheticBins[2 * i + 1]!.x1, count: bin.count + syntheticBins[2 * i + 1]!.count }));
    const [one, two] = [syntheticBins, fewer].map((bins) => renderHistogram({ ...label('h'), bins, xLabel: 'Score', yLabel: 'Items' }).svg);
    const root = mount(`<div id="a">${one}</div><div id="b">${two}</div>`);
    const [a, b] = [root.querySelector('#a')!, root.querySelector('#b')!];
    const bars = (el: Element) => Array.from(el.querySelectorAll('path')).filter((p) => !p.hasAttribute('data-motion-copy')).sort((x, y) => (y.getAttribute('d') ?? '').length - (x.getAttribute('d') ?? '').length)[0]!;
    const [d0, d1] = [bars(a).getAttribute('d')!, bars(b).getAttribute('d')!];
    expect(interpolateValue(d0, d1, 0.5)).toBeUndefined();
    const tween = tweenToward(a, b);
    // Moved, not cross-faded: no copy of the bars is added.
    const height = (d: string) => Math.max(...pathPoints(d).flatMap((s) => s.pts.map((p) => p[1]))) - Math.min(...pathPoints(d).flatMap((s) => s.pts.map((p) => p[1])));
    tween.apply(0);
    expect(height(bars(a).getAttribute('d')!)).toBeCloseTo(height(d0), 1);
    tween.apply(0.5);
    expect(a.querySelectorAll('path[data-motion-copy]').length).toBe(0);
    expect(pathPoints(bars(a).getAttribute('d')!)).toHaveLength(Math.max(pathPoints(d0).length, pathPoints(d1).length));
    const mid = height(bars(a).getAttribute('d')!);
    expect(mid).toBeGreaterThanOrEqual(Math.min(height(d0), height(d1)) - 0.01);
    expect(mid).toBeLessThanOrEqual(Math.max(height(d0), height(d1)) + 0.01);
    tween.apply(1);
    expect(height(bars(a).getAttribute('d')!)).toBeCloseTo(height(d1), 1);
    tween.reset();
    expect(bars(a).getAttribute('d')).toBe(d0);
  });

  it('Waffle: cells change category in colour', () => {
    const parts = [{ label: 'first', value: 25 }, { label: 'second', value: 12.5 }];
    const { states } = renderStates('w', [['first'], ['second']], [] as string[],
      (h, svgId, width) => renderWaffle({ ...label(svgId), width, parts, total: 1000, cells: 40, highlight: h, legend: (p) => `${p.label}: ${formatShare(p.value, 1000)}`, restLabel: 'rest' }), false, (h) => h.join());
    expect(states).toHaveLength(1);
    const root = mount(states[0]!.svg);
    const [a, b] = [root.querySelector('[data-state="0"]')!, root.querySelector('[data-state="1"]')!];
    const before = root.innerHTML;
    const tween = tweenToward(a, b);
    expect(tween.moves + tween.fades).toBeGreaterThan(0);
    tween.apply(1);
    tween.reset();
    expect(root.innerHTML).toBe(before);
  });

  it("Waffle: a part's cells travel to its new place as units when another part leaves", () => {
    const parts = [{ label: 'first', value: 25 }, { label: 'second', value: 12.5 }, { label: 'third', value: 10 }];
    const { states } = renderStates('w', [{ show: ['first', 'second'] }, { show: ['second'] }], { show: undefined as string[] | undefined },
      (s, svgId, width) => renderWaffle({ ...label(svgId), width, parts, total: 100, cells: 40, shown: s.show, legend: (p) => `${p.label}: ${p.value}`, restLabel: 'rest' }), false, (s) => String(s.show));
    // Both states in one SVG: the grid and the legend are parts that change.
    expect(states).toHaveLength(1);
    const [root, a, b] = variants(states[0]!.svg, 'rect[data-part]', 0, 1);
    const before = root.innerHTML;
    const cell = (el: Element, key: string, copy = false) => el.querySelector<HTMLElement>(`rect[data-key="${key}"]${copy ? '[data-motion-copy]' : ':not([data-motion-copy])'}`);
    const at = (el: Element | null) => [Number(el!.getAttribute('x')), Number(el!.getAttribute('y'))];
    // "second" fills cells 10-14 after "first", then cells 0-4 on its own; "third" is never drawn.
    expect(a.querySelectorAll('rect[data-part="second"]')).toHaveLength(5);
    expect(a.querySelectorAll('rect[data-part="third"]')).toHaveLength(0);
    const [from, to] = [at(cell(a, 'p1.0')), at(cell(b, 'p1.0'))];
    expect(from).not.toEqual(to);
    const tween = tweenToward(a, b);
    tween.apply(0.5);
    // The same cell travels: it moves, no copy of it fades in.
    const mid = at(cell(a, 'p1.0'));
    expect(mid.every((v, i) => v === (from[i]! + to[i]!) / 2)).toBe(true);
    expect(cell(a, 'p1.0', true)).toBeNull();
    expect(cell(a, 'p1.4')!.getAttribute('fill')).toBe(cell(b, 'p1.4')!.getAttribute('fill'));
    // The part that leaves fades as units, in place.
    expect(cell(a, 'p0.0')!.style.opacity).toBe('0.5');
    expect(at(cell(a, 'p0.0'))).toEqual(at(root.querySelector('[data-state="0"] rect[data-key="p0.0"]')));
    tween.apply(1);
    for (let k = 0; k < 5; k++) expect(at(cell(a, `p1.${k}`))).toEqual(at(cell(b, `p1.${k}`)));
    expect(cell(a, 'p0.0')!.style.opacity).toBe('0');
    tween.reset();
    expect(root.innerHTML).toBe(before);
    // In the legend, the leaving part's line fades and the next one moves up into its row.
    const [legendRoot, la, lb] = variants(states[0]!.svg, 'text', 0, 1);
    const legend = tweenToward(la, lb);
    legend.apply(0.5);
    expect(at(cell(la, 'p1'))[1]).toBe(13);
    expect(cell(la, 'p0')!.style.opacity).toBe('0.5');
    legend.apply(1);
    expect(at(cell(la, 'p1'))).toEqual(at(cell(lb, 'p1')));
    legend.reset();
    expect(legendRoot.innerHTML).toBe(mount(states[0]!.svg).innerHTML);
  });

  it('Waffle: legend labels never overlap while lines come, go and shift', () => {
    const parts = [{ label: 'first', value: 25 }, { label: 'second', value: 12.5 }, { label: 'third', value: 10 }];
    const shows = [['first'], ['first', 'second'], ['second'], ['first', 'second', 'third'], ['third']];
    const { states } = renderStates('w', shows.map((show) => ({ show })), { show: undefined as string[] | undefined },
      (s, svgId, width) => renderWaffle({ ...label(svgId), width, parts, total: 100, cells: 40, shown: s.show, legend: (p) => `${p.label}: ${p.value}`, restLabel: 'rest' }), false, (s) => String(s.show));
    let checked = 0;
    for (let n = 0; n < shows.length; n++) {
      for (const m of [n - 1, n + 1]) {
        if (m < 0 || m >= shows.length) continue;
        const [, la] = variants(states[0]!.svg, 'text', n, m);
        const lb = la.parentElement!.querySelector(`:scope > [data-state="${m}"]`)!;
        const tween = tweenToward(la, lb);
        for (let k = 0; k <= 50; k++) {
          tween.apply(k / 50);
          const ys = Array.from(la.querySelectorAll<HTMLElement>('text'))
            .filter((t) => t.style.opacity !== '0')
            .map((t) => Number(t.getAttribute('y')))
            .sort((x, y) => x - y);
          // One label per line at every frame: 13 px text, lines 26 px apart.
          ys.slice(1).forEach((y, i) => expect(y - ys[i]!, `${shows[n]} -> ${shows[m]} at ${k / 50}`).toBeGreaterThanOrEqual(13));
          // Every line of a state is named at its end: all of the shown state's labels at 0, all of the other's at 1.
          if (k === 0) expect(ys).toHaveLength(la.querySelectorAll('text:not([data-motion-copy])').length);
          if (k === 50) expect(ys).toHaveLength(lb.querySelectorAll('text').length);
          checked++;
        }
        tween.reset();
      }
    }
    expect(checked).toBe(8 * 51);
  });

  it('LineageGraph: the highlight travels (old overlay fades out, new fades in)', () => {
    const svg = renderLineageGraph({ ...label('l'), nodes: syntheticLineage.nodes, edges: syntheticLineage.edges,
      states: [{ n: 0, highlight: ['pairs', 'model'] }, { n: 1, highlight: ['model', 'subset'] }], active: 0 });
    const root = mount(svg);
    // The overlay of highlighted nodes (the other one repeats edges).
    const nodes = (n: number) => Array.from(root.querySelectorAll(`.lineage-lit[data-state="${n}"]`)).find((g) => g.querySelector('use[href^="#l-n"]'))!;
    const [a, b] = [nodes(0), nodes(1)];
    const before = root.innerHTML;
    const tween = tweenToward(a, b);
    expect(tween.fades).toBeGreaterThan(0);
    tween.apply(0.5);
    // The node highlighted in both states stays; the one left behind fades out first, the new one in after.
    const uses = (href: string) => Array.from(a.querySelectorAll<HTMLElement>(`use[href="${href}"]`));
    expect(uses('#l-n3').map((el) => el.style.opacity)).toEqual(['']);
    tween.apply(0.25);
    expect(uses('#l-n2').map((el) => el.style.opacity)).toEqual(['0.5']);
    expect(uses('#l-n4').map((el) => el.style.opacity)).toEqual(['0']);
    tween.apply(0.75);
    expect(uses('#l-n2').map((el) => el.style.opacity)).toEqual(['0']);
    expect(uses('#l-n4').map((el) => el.style.opacity)).toEqual(['0.5']);
    tween.reset();
    expect(root.innerHTML).toBe(before);
  });
});

describe('axes that ease to a new domain', () => {
  // The synthetic timeline zoomed to its first two rows, then to all three: the scale stretches from 10^7 to 10^10.
  const zoomed = (shown: number, width?: number) => renderScaleTimeline({ ...label(`z${shown}`), rows: syntheticScales, shown, secondsEach: 10, unit: 'Images', zoom: true, width });
  const ticks = (el: Element) => Array.from(el.querySelectorAll('[data-axis="x"] > text:not([data-motion-copy])'));
  const tick = (el: Element, key: string, copy = false) => el.querySelector<HTMLElement>(`[data-axis="x"] > text[data-key="${encodeURIComponent(key)}"]${copy ? '[data-motion-copy]' : ':not([data-motion-copy])'}`)!;
  const x = (el: Element) => positionOn(el, 'x')!;

  it('fits the zoomed scale to the rows shown, at least two decades wide', () => {
    expect(timelineDomain(syntheticScales, 1, true)).toEqual([1e3, 1e5]);
    expect(timelineDomain(syntheticScales, 2, true)).toEqual([1e3, 1e7]);
    expect(timelineDomain(syntheticScales, 2)).toEqual([1e3, 1e10]);
  });

  it('keys tick labels, tick marks and grid lines by label (only when the scale moves)', () => {
    const root = mount(zoomed(3));
    const keys = (part: string) => Array.from(root.querySelectorAll(`[data-axis="x"] > ${part}`), (el) => decodeURIComponent(el.getAttribute('data-key')!));
    expect(keys('text')).toEqual(['1,000', '100,000', '10 million', '1 billion']);
    expect(keys('path')).toEqual(keys('text'));
    expect(keys('line')).toEqual(keys('text'));
    // A fixed scale keeps its ticks as one compact path, unkeyed.
    const fixed = mount(renderScaleTimeline({ ...label('f'), rows: syntheticScales, shown: 2, secondsEach: 10, unit: 'Images' }));
    expect(fixed.querySelectorAll('[data-axis]')).toHaveLength(0);
  });

  it('fits the map between two scales to the shared ticks', () => {
    const map = axisMap([[100, 50], [0, 0], [50, 25]])!;
    expect([map.to(200), map.back(100)]).toEqual([100, 200]);
    expect(axisMap([[10, 20]])).toBeUndefined();
    expect(axisMap([[10, 20], [10, 30]])).toBeUndefined();
  });

  it('slides shared ticks to their new places and brings new ones in with the scale, fading', () => {
    const root = mount(`<div id="a">${zoomed(2)}</div><div id="b">${zoomed(3)}</div>`);
    const [a, b] = [root.querySelector('#a')!, root.querySelector('#b')!];
    const before = a.innerHTML;
    const desc = a.querySelector('desc')!.textContent;
    expect(ticks(a).map((t) => t.textContent)).toEqual(['1,000', '100,000', '10 million']);
    const [from, to] = [x(tick(a, '10 million')), x(tick(b, '10 million'))];
    expect(to).toBeLessThan(from);
    const tween = tweenToward(a, b);
    tween.apply(0);
    expect(x(tick(a, '10 million'))).toBe(from);
    // The arriving tick starts where the old scale puts 1 billion: past the right edge, unseen.
    const arriving = () => tick(a, '1 billion', true);
    expect(x(arriving())).toBeGreaterThan(x(tick(b, '1 billion')));
    expect(arriving().style.opacity).toBe('0');
    tween.apply(0.5);
    expect(between(x(tick(a, '10 million')), from, to)).toBe(true);
    expect(between(x(arriving()), x(tick(b, '1 billion')), 10_000)).toBe(true);
    expect(arriving().style.opacity).toBe('0.5');
    // Its tick mark and grid line travel with it.
    const mark = a.querySelector(`[data-axis="x"] > path[data-key="${encodeURIComponent('1 billion')}"][data-motion-copy]`)!;
    expect(x(mark)).toBe(x(arriving()));
    const grid = a.querySelector(`[data-axis="x"] > line[data-key="${encodeURIComponent('10 million')}"]`)!;
    expect(x(grid)).toBe(x(tick(a, '10 million')));
    // The description is the shown state's, never a frame's.
    expect(a.querySelector('desc')!.textContent).toBe(desc);
    tween.apply(1);
    expect(x(tick(a, '10 million'))).toBe(to);
    expect(x(arriving())).toBe(x(tick(b, '1 billion')));
    expect(arriving().style.opacity).toBe('1');
    tween.reset();
    expect(a.innerHTML).toBe(before);
  });

  it('slides leaving ticks out with the scale as it shrinks (running back)', () => {
    const root = mount(`<div id="a">${zoomed(3)}</div><div id="b">${zoomed(2)}</div>`);
    const [a, b] = [root.querySelector('#a')!, root.querySelector('#b')!];
    const leaving = tick(a, '1 billion');
    const [start, shared] = [x(leaving), x(tick(a, '100,000'))];
    const tween = tweenToward(a, b);
    tween.apply(0.5);
    expect(x(leaving)).toBeGreaterThan(start);
    expect(leaving.style.opacity).toBe('0.5');
    expect(between(x(tick(a, '100,000')), shared, x(tick(b, '100,000')))).toBe(true);
    tween.reset();
    expect(x(leaving)).toBe(start);
  });
});

describe('ScaleTimeline on a phone', () => {
  it('leaves out a tick on the top end of the domain (its label would run past the edge)', async () => {
    const { narrowTicks } = await import('../../src/lib/charts/scale-timeline.ts');
    expect(narrowTicks([1e3, 1e7])).toEqual([1e3]);
    expect(narrowTicks([1e3, 1e8])).toEqual([1e3, 1e7]);
    expect(narrowTicks([1e3, 1e5])).toEqual([1e3]);
  });
});

describe('the refinements a graphic needs (the build writes them in data-motion-parts)', () => {
  const asStates = (...svgs: string[]) => svgs.map((svg, n) => `<div data-state="${n}">${svg}</div>`).join('');
  it('none for a highlight that moves in colour: the shared core does it', () => {
    const rows = rankRows(syntheticCategories);
    const { states } = renderStates('b', [['gamma'], ['alpha']], [] as string[],
      (h, svgId, width) => renderBarChart({ ...label(svgId), width, rows, highlight: h, reserve: ['gamma', 'alpha'], xLabel: 'Items', format: formatCount }), false, (h) => h.join());
    expect(motionParts(states[0]!.svg)).toEqual([]);
  });
  it('axis for a timeline that zooms, morph for bins that merge, labels for a legend whose lines shift', () => {
    const zoomed = (shown: number) => renderScaleTimeline({ ...label(`z${shown}`), rows: syntheticScales, shown, secondsEach: 10, unit: 'Images', zoom: true });
    expect(motionParts(asStates(zoomed(2), zoomed(3)))).toContain('axis');
    const fewer = syntheticBins.filter((_, i) => i % 2 === 0).map((bin, i) => ({ x0: bin.x0, x1: syntheticBins[2 * i + 1]!.x1, count: bin.count + syntheticBins[2 * i + 1]!.count }));
    const [one, two] = [syntheticBins, fewer].map((bins) => renderHistogram({ ...label('h'), bins, xLabel: 'Score', yLabel: 'Items' }).svg);
    expect(motionParts(asStates(one!, two!))).toEqual(['morph']);
    const parts = [{ label: 'first', value: 25 }, { label: 'second', value: 12.5 }];
    const { states } = renderStates('w', [{ show: ['first'] }, { show: ['first', 'second'] }, { show: ['second'] }], { show: undefined as string[] | undefined },
      (s, svgId, width) => renderWaffle({ ...label(svgId), width, parts, total: 100, cells: 40, shown: s.show, legend: (p) => `${p.label}: ${p.value}`, restLabel: 'rest' }), false, (s) => String(s.show));
    expect(motionParts(states[0]!.svg)).toContain('labels');
    // A graphic without states needs nothing.
    expect(motionParts(one!)).toEqual([]);
  });
  it('without a refinement the core still lands on both exact states (bins that merge cross-fade instead of morphing)', async () => {
    const core = await import('../../src/lib/scrolly/tween.ts');
    const morph = core.parts.morph!;
    delete core.parts.morph;
    try {
      const fewer = syntheticBins.filter((_, i) => i % 2 === 0).map((bin, i) => ({ x0: bin.x0, x1: syntheticBins[2 * i + 1]!.x1, count: bin.count + syntheticBins[2 * i + 1]!.count }));
      const [one, two] = [syntheticBins, fewer].map((bins) => renderHistogram({ ...label('h'), bins, xLabel: 'Score', yLabel: 'Items' }).svg);
      const root = mount(`<div id="a">${one}</div><div id="b">${two}</div>`);
      const [a, b] = [root.querySelector('#a')!, root.querySelector('#b')!];
      const before = a.innerHTML;
      const tween = core.tweenToward(a, b);
      expect(tween.uses.size).toBe(0);
      tween.apply(0.5);
      expect(a.querySelectorAll('path[data-motion-copy]').length).toBeGreaterThan(0);
      tween.reset();
      expect(a.innerHTML).toBe(before);
    } finally {
      core.parts.morph = morph;
    }
  });
});
