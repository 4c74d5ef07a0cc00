import type { ComponentDocs } from '../../lib/component-docs.ts';
import { baseChartProps, highlightProps, rowProps } from './chart-docs-common.ts';

export const docs: ComponentDocs = {
  name: 'BarChart',
  summary: 'Ranked categories as horizontal bars with their values written at the end of each bar; steps highlight categories.',
  props: [
    ...baseChartProps,
    ...rowProps,
    { name: 'xLabel', type: 'string', required: true, description: 'What the bars measure.' },
    { name: 'format', type: "'count' | 'large'", required: false, default: "'large' from a million up", description: '"155,000,000" or "155 million".' },
    { name: 'keepOrder', type: 'boolean', required: false, default: 'false', description: 'Keep the data order instead of ranking by value.' },
    { name: 'limit', type: 'number', required: false, description: 'Show only the first rows after ranking.' },
    { name: 'total', type: 'number', required: false, description: 'A whole to show shares of, in the data table.' },
    ...highlightProps,
  ],
  example: `import domains from '@data/laion-source-domains';
import subsets from '@data/laion-language-subsets';

<BarChart
  id="domains-example"
  title="Where LAION-5B's pairs come from (published figures)"
  data={domains}
  select={(d) => d.domains}
  label="domain"
  value="pairs"
  xLabel="Image-text pairs"
  highlight={['pinterest.com']}
/>

{/* In a scrolly, steps highlight other categories (one SVG per step). */}
<Scrolly id="domains-scrolly-example" label="Source domains highlighted by steps">
  <BarChart
    slot="graphic"
    id="domains-steps-example"
    title="The largest named sources of LAION-5B (published figures)"
    data={domains}
    select={(d) => d.domains}
    label="domain"
    value="pairs"
    xLabel="Image-text pairs"
    total={subsets.data.totalPairs}
    steps={[[], ['pinterest.com'], ['Shopify'], ['SlidePlayer']]}
  />
  <Step>The three largest sources named in the published audit.</Step>
  <Step>Pinterest comes first.</Step>
  <Step>Then Shopify's shop pages.</Step>
  <Step>And SlidePlayer's slide decks.</Step>
</Scrolly>`,
};
