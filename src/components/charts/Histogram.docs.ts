import type { ComponentDocs } from '../../lib/component-docs.ts';
import { baseChartProps } from './chart-docs-common.ts';

export const docs: ComponentDocs = {
  name: 'Histogram',
  summary:
    'A binned distribution with a draggable threshold (mouse, touch, keyboard) and live counts and shares kept and removed. Bars are server-rendered; the threshold is a small island computed from the precomputed bins. The threshold snaps to bin edges, so every count shown is exact.',
  props: [
    ...baseChartProps,
    { name: 'select', type: '(data: T) => HistogramBin[] | number[]', required: false, description: 'Picks bins ({x0, x1, count}[]) or raw values out of the aggregate data.' },
    { name: 'edges', type: 'number[]', required: false, description: 'Bin edges, needed when `select` returns raw values.' },
    { name: 'xLabel', type: 'string', required: true, description: 'What was measured (x axis).' },
    { name: 'yLabel', type: 'string', required: false, default: "'Count'", description: 'What was counted (y axis).' },
    { name: 'unit', type: 'string', required: false, default: "'items'", description: 'Plural noun for the counted things, used in the readout.' },
    { name: 'measure', type: 'string', required: false, default: 'xLabel', description: 'Name of the measure for the slider and table.' },
    { name: 'threshold', type: 'number', required: false, description: 'Initial threshold; must be a bin edge.' },
    { name: 'keep', type: "'above' | 'below'", required: false, default: "'above'", description: 'Which side of the threshold is kept.' },
    { name: 'steps', type: 'number[]', required: false, description: 'Threshold per scroll step (each a bin edge); the island follows the scrolly.' },
    { name: 'digits', type: 'number', required: false, default: '2', description: 'Decimals shown for threshold values.' },
  ],
  example: `import ink from '@data/mnist-ink';
import speakers from '@data/cldr-speakers';

export const speakerCounts = {
  data: speakers,
  select: (d) => d.languages.filter((l) => l.speakers > 0).map((l) => Math.log10(l.speakers)),
  edges: Array.from({ length: 21 }, (_, i) => i / 2),
  scale: 'log10',
  xLabel: 'Speakers (log scale)',
  yLabel: 'Languages',
  unit: 'languages',
  measure: 'speakers',
};

<Histogram
  id="ink-example"
  title="How much ink each MNIST digit uses"
  data={ink}
  select={(d) => d.edges.map((x0, i) => ({ x0, x1: x0 + d.binWidth, count: d.digits.reduce((sum, g) => sum + g.counts[i], 0) }))}
  xLabel="Ink (fully black pixels)"
  yLabel="Images"
  unit="images"
  digits={0}
  threshold={60}
  note="Measured: the ink of every MNIST image. The threshold is an example of a cleaning rule."
>
  Drag the line: every image left of it would be dropped by an ink filter.
</Histogram>

{/* Raw values with bin edges instead of bins, on a log scale. */}
<Histogram id="speakers-example" title="Languages by estimated number of speakers" {...speakerCounts} threshold={6}>
  Keeping only languages with at least as many speakers as the threshold: how many stay, how many go.
</Histogram>

{/* In a scrolly, steps move the threshold. */}
<Scrolly id="speakers-scrolly-example" label="A speaker threshold, step by step">
  <Histogram slot="graphic" id="speakers-steps-example" title="A speaker threshold, step by step" {...speakerCounts} steps={[6, 7, 8]} />
  <Step>A threshold of one million speakers.</Step>
  <Step>Ten million: most languages fall below the line.</Step>
  <Step>A hundred million: a handful of languages remain.</Step>
</Scrolly>`,
};
