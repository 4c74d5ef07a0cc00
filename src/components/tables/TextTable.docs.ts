import type { ComponentDocs } from '../../lib/component-docs.ts';

export const docs: ComponentDocs = {
  name: 'TextTable',
  summary: 'A real HTML table of words or numbers picked from an aggregate (labels, names, counts quoted as data), every cell rendered as text, with the source line.',
  props: [
    { name: 'id', type: 'string', required: true, description: 'Unique on the page; also the embed id.' },
    { name: 'title', type: 'string', required: true, description: 'Title above the table.' },
    { name: 'data', type: 'Aggregate<T>', required: true, description: "The aggregate, imported with `import x from '@data/<name>'`." },
    { name: 'columns', type: 'string[]', required: true, description: 'Column headings; the first column heads each row.' },
    { name: 'select', type: '(data: T) => (string | number)[][]', required: true, description: 'One array of cells per row, as many cells as columns.' },
    { name: 'caption', type: 'string', required: false, description: 'Caption under the table.' },
  ],
  example: `import counts from '@data/mnist-label-counts';

<TextTable id="catalog-counts" title="MNIST images per digit" data={counts}
  columns={['Digit', 'Training set', 'Test set']}
  select={(d) => d.labels.map((l) => [String(l.label), l.train, l.test])} />`,
};
