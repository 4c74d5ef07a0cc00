import type { ComponentDocs } from '../../lib/component-docs.ts';
import { baseChartProps } from './chart-docs-common.ts';

export const docs: ComponentDocs = {
  name: 'TaxonomyTree',
  summary: 'An explorable hierarchy: a server-rendered tree of native <details> (works without JavaScript) with the number of categories below each node, search by label, and steps that open and mark a branch.',
  props: [
    ...baseChartProps,
    { name: 'select', type: '(data: T) => TaxonomyNode', required: false, description: 'Picks the root ({ id?, label, count?, children? }) out of the aggregate data.' },
    { name: 'openDepth', type: 'number', required: false, default: '1', description: 'Levels open at first.' },
    { name: 'steps', type: 'string[]', required: false, description: 'Node id (or exact label) to focus at each step.' },
    { name: 'countLabel', type: 'string', required: false, default: "'items'", description: "Word after a node's own count, if nodes carry counts." },
  ],
  example: `import person from '@data/wordnet-person-tree';

<TaxonomyTree
  id="person-tree"
  title="The person subtree of WordNet"
  data={person}
  select={(d) => ({ id: d.tree.wnid, label: d.tree.word, count: d.tree.in21k, children: d.tree.children.map((c) => ({ id: c.wnid, label: c.word, count: c.in21k })) })}
  countLabel="ImageNet classes"
  steps={['n00007846', 'n09632518']}
/>`,
};
