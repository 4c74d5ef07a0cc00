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

{/* The published lineage of LAION-Aesthetics: names come from the aggregate, relations from its source. */}
<LineageGraph
  id="lineage-example"
  title="What LAION-Aesthetics was made from"
  data={aesthetics}
  select={(d) => ({
    nodes: [
      { id: 'common-crawl', label: 'Common Crawl', kind: 'dataset' },
      { id: 'clip', label: 'CLIP', kind: 'model' },
      { id: 'laion-5b', label: 'LAION-5B', kind: 'dataset' },
      { id: 'laion-2b-en', label: 'LAION-2B-en', kind: 'dataset' },
      { id: 'discord', label: 'Discord raters', kind: 'people' },
      { id: 'dpchallenge', label: 'dpchallenge.com reviewers', kind: 'people' },
      ...d.trainingSets.map((s) => ({ id: s.name, label: s.name, kind: 'dataset' })),
      { id: 'predictor', label: 'LAION-Aesthetics Predictor V2', kind: 'model' },
      { id: 'subset', label: 'Pairs scoring ' + d.figures.aestheticScoreCutoff.value + ' or more', kind: 'dataset' },
    ],
    edges: [
      { from: 'common-crawl', to: 'laion-5b', relation: 'drawn from' },
      { from: 'clip', to: 'laion-5b', relation: 'filtered by' },
      { from: 'laion-5b', to: 'laion-2b-en', relation: 'drawn from' },
      ...d.trainingSets.map((s) => ({ from: s.name, to: 'predictor', relation: 'trained on' })),
      ...d.trainingSets.filter((s) => s.name.startsWith('Simulacra')).map((s) => ({ from: 'discord', to: s.name, relation: 'scored by' })),
      ...d.trainingSets.filter((s) => s.name === 'AVA').map((s) => ({ from: 'dpchallenge', to: s.name, relation: 'scored by' })),
      { from: 'laion-2b-en', to: 'subset', relation: 'drawn from' },
      { from: 'predictor', to: 'subset', relation: 'scored by' },
    ],
  })}
  highlight={['discord', ...aesthetics.data.trainingSets.filter((s) => s.name.startsWith('Simulacra')).map((s) => s.name), 'predictor', 'subset']}
  wide
/>`,
};
