import type { ComponentDocs } from '../../lib/component-docs.ts';
import { baseChartProps } from './chart-docs-common.ts';

export const docs: ComponentDocs = {
  name: 'ScaleTimeline',
  summary: 'Dataset sizes by year on a log scale, each with the time it would take to look at every item, computed at build time. Steps reveal datasets one by one on a fixed scale, or with `zoom` on a scale that fits the datasets shown (in a scrolly with motion, the axis eases to it).',
  props: [
    ...baseChartProps,
    { name: 'select', type: '(data: T) => { label: string; year: number; count: number }[]', required: false, description: 'Picks the rows out of the aggregate data.' },
    { name: 'secondsEach', type: 'number', required: false, default: '10', description: 'Seconds spent on each item.' },
    { name: 'unit', type: 'string', required: false, default: "'Items'", description: 'What is counted, for the axis.' },
    { name: 'steps', type: 'number[]', required: false, description: 'How many datasets (in year order) are shown at each step.' },
    { name: 'zoom', type: 'boolean', required: false, default: 'false', description: "Each step's scale fits the datasets shown so far; its range is said in the chart's description. Without it every step shares one scale." },
  ],
  example: `import scale from '@data/dataset-scale';

<ScaleTimeline
  id="scale-example"
  title="How image datasets grew"
  data={scale}
  select={(d) => d.rows.filter((r) => r.countSource !== 'the exact count in the LAION-5B paper').map((r) => ({ label: r.dataset, year: r.year, count: r.count }))}
  secondsEach={scale.data.secondsPerImage}
  unit="Images or image-text pairs"
/>

{/* With zoom, each step's scale fits the datasets shown; motion="scrub" eases the axis between them. */}
<Scrolly id="scale-zoom-example" label="Dataset sizes on a scale that grows with them" motion="scrub">
  <ScaleTimeline
    slot="graphic"
    id="scale-zoom"
    title="How image datasets grew, on a scale that follows them"
    data={scale}
    select={(d) => d.rows.filter((r) => r.countSource !== 'the exact count in the LAION-5B paper').map((r) => ({ label: r.dataset, year: r.year, count: r.count }))}
    secondsEach={scale.data.secondsPerImage}
    unit="Images or image-text pairs"
    steps={[1, 2, 3, 4]}
    zoom
  />
  <Step>The first dataset sets the scale.</Step>
  <Step>The next one fits on it.</Step>
  <Step>Then the scale stretches to take in a larger one.</Step>
  <Step>And again, by orders of magnitude.</Step>
</Scrolly>`,
};
