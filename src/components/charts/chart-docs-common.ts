// Prop docs shared by every chart's catalog entry (see ChartBaseProps).
import type { ComponentPropDoc } from '../../lib/component-docs.ts';

export const baseChartProps: ComponentPropDoc[] = [
  { name: 'id', type: 'string', required: true, description: 'Unique in the page: the figure id, its anchor and its embed id.' },
  { name: 'title', type: 'string', required: true, description: 'Short title shown above the chart; also the SVG <title>.' },
  { name: 'data', type: 'Aggregate<T>', required: true, description: "The aggregate to draw, imported from '@data/<name>'; its provenance gives the source line." },
  { name: 'step', type: 'number', required: false, default: '0', description: 'The state shown without a scrolly (0-based step index).' },
  { name: 'caption', type: 'string', required: false, description: 'Caption text; children of the component are used as the caption too.' },
  { name: 'note', type: 'string', required: false, description: 'A sentence under the caption, e.g. what is measured and what is illustrative.' },
  { name: 'wide', type: 'boolean', required: false, default: 'false', description: 'Let the figure break out of the text column.' },
];

/** Props of charts that read {label, value} rows. */
export const rowProps: ComponentPropDoc[] = [
  { name: 'select', type: '(data: T) => object[]', required: false, description: 'Picks the rows out of the aggregate data (default: the data itself).' },
  { name: 'label', type: 'string', required: false, default: "'label'", description: 'Field of each row holding the category name.' },
  { name: 'value', type: 'string', required: false, default: "'value'", description: 'Field of each row holding the number.' },
];

export const highlightProps: ComponentPropDoc[] = [
  { name: 'highlight', type: 'string[]', required: false, default: '[]', description: 'Categories to highlight (accent colour, bold label and a ▶ marker).' },
  { name: 'steps', type: 'string[][]', required: false, description: 'Highlighted categories per scroll step; one SVG is pre-rendered per change.' },
];
