// Snapshot tests of every chart's server-rendered SVG on SYNTHETIC fixtures
// (tests/fixtures/charts.ts); reviewed files live in tests/snapshots/output/.
import { describe, expect, it } from 'vitest';
import { expectSvgSnapshot } from '../snapshots/svg-snapshot.ts';
import { renderHistogram } from '../../src/lib/charts/histogram.ts';
import { renderBarChart, rankRows } from '../../src/lib/charts/bar-chart.ts';
import { renderDotRatio } from '../../src/lib/charts/dot-ratio.ts';
import { renderWaffle } from '../../src/lib/charts/waffle.ts';
import { renderScaleTimeline } from '../../src/lib/charts/scale-timeline.ts';
import { renderLineageGraph } from '../../src/lib/charts/lineage-graph.ts';
import { formatCount, formatRatio, formatShare } from '../../src/lib/charts/format.ts';
import { syntheticBins, syntheticCategories, syntheticLineage, syntheticRatios, syntheticScales } from '../fixtures/charts.ts';

const label = (id: string) => ({ id, title: `Synthetic ${id}`, desc: `Synthetic test figure ${id}.` });

describe('chart SVG snapshots (synthetic data)', () => {
  it('thresholdHistogram', () => {
    const { svg } = renderHistogram({ ...label('thresholdHistogram'), bins: syntheticBins, xLabel: 'Score', yLabel: 'Items' });
    expectSvgSnapshot('thresholdHistogram', svg);
  });
  it('barChart', () => {
    expectSvgSnapshot('barChart', renderBarChart({ ...label('barChart'), rows: rankRows(syntheticCategories), xLabel: 'Items', format: formatCount }));
  });
  it('barChartHighlight', () => {
    expectSvgSnapshot('barChartHighlight', renderBarChart({ ...label('barChartHighlight'), rows: rankRows(syntheticCategories), highlight: ['gamma'], xLabel: 'Items', format: formatCount }));
  });
  it('dotRatio', () => {
    expectSvgSnapshot('dotRatio', renderDotRatio({ ...label('dotRatio'), rows: syntheticRatios, highlight: ['three'], xLabel: 'Per person', format: (v) => formatRatio(v, 'person'), referenceLabel: '1 per person' }));
  });
  it('waffle', () => {
    const parts = [{ label: 'first', value: 25 }, { label: 'second', value: 12.5 }];
    expectSvgSnapshot('waffle', renderWaffle({ ...label('waffle'), parts, total: 1000, cells: 40, highlight: ['second'], legend: (p) => `${p.label}: ${formatShare(p.value, 1000)}`, restLabel: 'rest' }));
  });
  it('scaleTimeline', () => {
    expectSvgSnapshot('scaleTimeline', renderScaleTimeline({ ...label('scaleTimeline'), rows: syntheticScales, shown: 2, secondsEach: 10, unit: 'Images' }));
  });
  it('barChartNarrow', () => {
    expectSvgSnapshot('barChartNarrow', renderBarChart({ ...label('barChartNarrow'), rows: rankRows(syntheticCategories), highlight: ['gamma'], xLabel: 'Items', format: formatCount, width: 360 }));
  });
  it('scaleTimelineNarrow', () => {
    expectSvgSnapshot('scaleTimelineNarrow', renderScaleTimeline({ ...label('scaleTimelineNarrow'), rows: syntheticScales, shown: 3, secondsEach: 10, unit: 'Images', width: 360 }));
  });
  it('thresholdHistogramNarrow', () => {
    const { svg } = renderHistogram({ ...label('thresholdHistogramNarrow'), bins: syntheticBins, xLabel: 'A long measure name that has to wrap on a phone', yLabel: 'Items', width: 360, height: 270 });
    expectSvgSnapshot('thresholdHistogramNarrow', svg);
  });
  it('thresholdHistogramReusedBars', () => {
    // A compact twin that draws the wide chart's bars with <use>, scaled into its own frame.
    const wide = renderHistogram({ ...label('thresholdHistogramWide'), bins: syntheticBins, xLabel: 'Score', yLabel: 'Items', barsId: 'wide-bars' });
    expect(wide.svg).toMatch(/<g [^>]*id="wide-bars"/);
    const { svg } = renderHistogram({ ...label('thresholdHistogramReusedBars'), bins: syntheticBins, xLabel: 'Score', yLabel: 'Items', width: 360, height: 270, reuse: wide });
    expect(svg.match(/<path d="[^"]*v-/g) ?? []).toEqual([]);
    expectSvgSnapshot('thresholdHistogramReusedBars', svg);
  });
  it('lineageGraphNarrow', () => {
    expectSvgSnapshot('lineageGraphNarrow', renderLineageGraph({ ...label('lineageGraphNarrow'), ...syntheticLineage, highlight: ['raters', 'pairs', 'model'], width: 360 }));
  });
  it('lineageGraph', () => {
    expectSvgSnapshot('lineageGraph', renderLineageGraph({ ...label('lineageGraph'), ...syntheticLineage, highlight: ['raters', 'pairs', 'model'] }));
  });

  it('renders the same SVG twice (deterministic)', () => {
    const once = renderLineageGraph({ ...label('x'), ...syntheticLineage });
    expect(renderLineageGraph({ ...label('x'), ...syntheticLineage })).toBe(once);
    const h = () => renderHistogram({ ...label('y'), bins: syntheticBins, xLabel: 'Score', yLabel: 'Items' }).svg;
    expect(h()).toBe(h());
  });
});
