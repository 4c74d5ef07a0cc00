import type { ComponentDocs } from '../../lib/component-docs.ts';
import { baseChartProps, highlightProps, rowProps } from './chart-docs-common.ts';

export const docs: ComponentDocs = {
  name: 'Waffle',
  summary: 'A unit chart: a grid of cells stands for a total and each part fills its share (fractions of a cell included). Parts differ by pattern and are named, with their numbers, in a legend.',
  props: [
    ...baseChartProps,
    ...rowProps,
    { name: 'total', type: 'number | ((data: T) => number)', required: true, description: 'The whole that the parts are shares of.' },
    { name: 'rest', type: 'string', required: true, description: 'Name of what is left of the total ("all other pairs").' },
    { name: 'cells', type: 'number', required: false, default: '100', description: 'How many cells stand for the total (40 shows "1 in 40" as one cell).' },
    { name: 'columns', type: 'number', required: false, default: '10', description: 'Cells per row.' },
    ...highlightProps,
  ],
  example: `import domains from '@data/laion-source-domains';
import subsets from '@data/laion-language-subsets';

<Waffle
  id="one-in-forty-example"
  title="Pinterest's share of LAION-5B, in 40 squares"
  data={domains}
  select={(d) => d.domains.slice(0, 1)}
  label="domain"
  value="pairs"
  total={subsets.data.totalPairs}
  rest="all other pairs"
  cells={40}
/>`,
};
