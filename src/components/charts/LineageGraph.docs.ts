import type { ComponentDocs } from '../../lib/component-docs.ts';
import { baseChartProps } from './chart-docs-common.ts';

export const docs: ComponentDocs = {
  name: 'LineageGraph',
  summary: '"Models on top of models": datasets, models and people as nodes (told apart by shape and a written kind) and "trained on" / "filtered by" / "scored by" / "drawn from" edges (told apart by dash pattern), laid out in layers at build time. Steps highlight paths.',
  props: [
    ...baseChartProps,
    { name: 'select', type: '(data: T) => { nodes: LineageNode[]; edges: LineageEdge[] }', required: false, description: 'Picks nodes ({id, label, kind}) and edges ({from, to, relation}; data flows from → to) out of the aggregate.' },
    { name: 'highlight', type: 'string[]', required: false, default: '[]', description: 'Node ids to highlight; edges between two highlighted nodes are highlighted and labelled.' },
    { name: 'steps', type: 'string[][]', required: false, description: 'Highlighted node ids per scroll step; one SVG per change.' },
  ],
  example: `import aesthetics from '@data/laion-aesthetics';

<LineageGraph
  id="lineage-example"
  title="What LAION-Aesthetics was made from"
  data={aesthetics}
  select={(d) => ({
    nodes: [
      ...d.trainingSets.map((s) => ({ id: s.name, label: s.name, kind: 'dataset' })),
      { id: 'predictor', label: 'LAION-Aesthetics Predictor V2', kind: 'model' },
      { id: 'laion-2b-en', label: 'LAION-2B-en', kind: 'dataset' },
      { id: 'subset', label: 'Pairs scoring 5 or more', kind: 'dataset' },
    ],
    edges: [
      ...d.trainingSets.map((s) => ({ from: s.name, to: 'predictor', relation: 'trained on' })),
      { from: 'laion-2b-en', to: 'subset', relation: 'drawn from' },
      { from: 'predictor', to: 'subset', relation: 'scored by' },
    ],
  })}
  highlight={['predictor', 'subset']}
/>`,
};
