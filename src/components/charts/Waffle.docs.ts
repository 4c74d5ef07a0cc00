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
    highlightProps[0]!,
    { name: 'steps', type: '(string[] | { show?: string[]; highlight?: string[] })[]', required: false, description: "Per scroll step: the parts to highlight, or `{ show, highlight }` where `show` lists the parts drawn (the others count with the rest). In a scrolly with motion, a part's cells travel to its new place." },
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
/>

{/* Steps that change which parts are drawn: with motion, the cells of a part travel. */}
<Scrolly id="subsets-flow-example" label="LAION-5B's language subsets, part by part" motion="scrub">
  <Waffle
    slot="graphic"
    id="subsets-flow"
    title="LAION-5B's pairs by caption language, in 100 squares"
    data={subsets}
    select={(d) => d.subsets}
    label="subset"
    value="pairs"
    total={subsets.data.totalPairs}
    rest="pairs in other subsets"
    steps={[
      { show: ['LAION-2B-en'] },
      { show: ['LAION-2B-en', 'LAION-2B-multi'] },
      { show: ['LAION-2B-multi'] },
      { show: ['LAION-2B-en', 'LAION-2B-multi', 'LAION-1B-nolang'] },
    ]}
  />
  <Step>English captions fill a little under forty squares.</Step>
  <Step>Captions in other languages fill almost as many.</Step>
  <Step>Without the English ones, the multilingual pairs move up to the front.</Step>
  <Step>With the pairs whose language was not detected, the three fill the whole.</Step>
</Scrolly>`,
};
