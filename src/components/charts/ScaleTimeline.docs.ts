import type { ComponentDocs } from '../../lib/component-docs.ts';
import { baseChartProps } from './chart-docs-common.ts';

export const docs: ComponentDocs = {
  name: 'ScaleTimeline',
  summary: 'Dataset sizes by year on a log scale, each with the time it would take to look at every item, computed at build time. Steps reveal datasets one by one on a fixed scale.',
  props: [
    ...baseChartProps,
    { name: 'select', type: '(data: T) => { label: string; year: number; count: number }[]', required: false, description: 'Picks the rows out of the aggregate data.' },
    { name: 'secondsEach', type: 'number', required: false, default: '10', description: 'Seconds spent on each item.' },
    { name: 'unit', type: 'string', required: false, default: "'Items'", description: 'What is counted, for the axis.' },
    { name: 'steps', type: 'number[]', required: false, description: 'How many datasets (in year order) are shown at each step.' },
  ],
  example: `import scale from '@data/dataset-scale';

<ScaleTimeline
  id="scale-example"
  title="How image datasets grew"
  data={scale}
  select={(d) => d.rows.filter((r) => r.countSource !== 'the exact count in the LAION-5B paper').map((r) => ({ label: r.dataset, year: r.year, count: r.count }))}
  secondsEach={scale.data.secondsPerImage}
  unit="Images or image-text pairs"
/>`,
};
