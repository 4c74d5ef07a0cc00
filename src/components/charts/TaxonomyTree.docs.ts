import type { ComponentDocs } from '../../lib/component-docs.ts';
import { baseChartProps } from './chart-docs-common.ts';

export const docs: ComponentDocs = {
  name: 'TaxonomyTree',
  summary: 'An explorable hierarchy: a server-rendered tree of native <details> (works without JavaScript) with the number of categories below each node, search by label, and steps that open and mark a branch (in a scrolly with motion, the mark travels and the branch unfolds).',
  props: [
    ...baseChartProps,
    { name: 'select', type: '(data: T) => TaxonomyNode', required: false, description: 'Picks the root ({ id?, label, count?, children? }) out of the aggregate data.' },
    { name: 'openDepth', type: 'number', required: false, default: '1', description: 'Levels open at first.' },
    { name: 'steps', type: 'string[]', required: false, description: 'Node id (or exact label) to focus at each step.' },
    { name: 'countLabel', type: 'string', required: false, default: "'items'", description: "Word after a node's own count, if nodes carry counts." },
  ],
  example: `import tree from '@data/wordnet-person-tree';

export const toNode = (n) => ({
  id: n.wnid,
  label: n.word,
  count: n.in21k,
  below: n.synsets - 1,
  children: n.children.map(toNode),
});

<div class="content-note">This tree shows WordNet's categories of people as data. Some labels are offensive; they are what ImageNet inherited.</div>

<TaxonomyTree
  id="person-tree-example"
  title="WordNet's person subtree, with ImageNet-21k classes"
  data={tree}
  select={(d) => toNode(d.tree)}
  countLabel="ImageNet classes"
  openDepth={1}
/>

{/* In a scrolly, steps open and mark one branch each (by id or exact label); with motion, the focus travels and the branch unfolds. */}
<Scrolly id="person-scrolly-example" label="Branches of the person subtree, step by step" motion="step">
  <TaxonomyTree
    slot="graphic"
    id="person-steps-example"
    title="Branches of the person subtree"
    data={tree}
    select={(d) => toNode(d.tree)}
    countLabel="ImageNet classes"
    openDepth={0}
    steps={['person', 'worker', 'skilled worker']}
  />
  <Step>The root: every category of person.</Step>
  <Step>The largest branch: workers.</Step>
  <Step>Inside it, skilled workers.</Step>
</Scrolly>`,
};
