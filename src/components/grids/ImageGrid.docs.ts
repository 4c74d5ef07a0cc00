import type { ComponentDocs } from '../../lib/component-docs.ts';

export const docs: ComponentDocs = {
  name: 'ImageGrid',
  summary:
    'Thousands of dataset images on one canvas, drawn from sprite atlases made by `npm run images`. Readers group, filter, sort and zoom, and open any image for its provenance. Without JavaScript it shows the atlas, a summary and a table of counts. Flagged images stay blurred until the reader lifts the warning.',
  props: [
    { name: 'dataset', type: 'string', required: true, description: 'Dataset id (folder in content/datasets/), e.g. "mnist".' },
    { name: 'collection', type: 'string', required: true, description: 'Gallery of that dataset: for mnist "test" (10,000 digits) or "all" (70,000, training then test; add filter={{ field: "split", value: "train" }} for the training set alone); "all" for openmoji.' },
    { name: 'noun', type: 'string', required: false, default: '"images"', description: 'Plural noun for the summary ("Showing 10,000 test digits").' },
    { name: 'filter', type: '{ field: string; value: string }', required: false, description: 'Build-time filter on "split" or a label task (e.g. { field: "digit", value: "7" }); recorded in the sample receipt.' },
    { name: 'sample', type: '{ n: number; seed: number }', required: false, description: 'Build-time seeded random sample; the receipt under the grid lets anyone rebuild it.' },
    { name: 'view', type: 'GridView', required: false, default: '{}', description: 'First view: { groupBy, sortBy, filter, highlight } (field names as in filter; sortBy a score such as "ink").' },
    { name: 'steps', type: '(GridView | null)[]', required: false, default: '[]', description: 'Views driven by the enclosing <Scrolly> step (0-based); null keeps the previous view.' },
    { name: 'step', type: 'number', required: false, description: 'Fixed step index when the grid is not inside a scrolly.' },
    { name: 'caption', type: 'string', required: false, description: 'Caption shown under the grid and used as its accessible name.' },
  ],
  example: `<ImageGrid dataset="mnist" collection="test" noun="test digits"
  view={{ groupBy: 'digit' }}
  steps={[{ groupBy: null }, { groupBy: 'digit' }, { groupBy: 'digit', sortBy: 'ink' }]} />`,
};
