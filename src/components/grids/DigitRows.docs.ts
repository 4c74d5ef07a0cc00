import type { ComponentDocs } from '../../lib/component-docs.ts';

export const docs: ComponentDocs = {
  name: 'DigitRows',
  summary: 'Rows of small greyscale images (MNIST digits by id, or pixel arrays such as mean images) picked from an aggregate and packed at build time into one small PNG sheet per figure (one lazy request however many images; each image is still its own <img> with its own alt text): no JavaScript, prints as it is, with a text alternative and the source line.',
  props: [
    { name: 'id', type: 'string', required: true, description: 'Unique on the page; also the embed id.' },
    { name: 'title', type: 'string', required: true, description: 'Title above the rows.' },
    { name: 'data', type: 'Aggregate<T>', required: true, description: "The aggregate, imported with `import x from '@data/<name>'`." },
    { name: 'select', type: '(data: T) => DigitRow[]', required: true, description: 'Picks the rows: { label, items } where items are MNIST ids ({ id, caption? }) or pixel arrays.' },
    { name: 'scale', type: 'number', required: false, default: '2', description: 'Screen pixels per image pixel.' },
    { name: 'caption', type: 'string', required: false, description: 'Caption under the rows.' },
    { name: 'rowLabel', type: 'string', required: false, default: "'Row'", description: 'Heading of the row-label column in the text alternative.' },
  ],
  example: `import atypical from '@data/mnist-atypical';

<DigitRows id="catalog-atypical" title="The two least typical images of each digit" data={atypical}
  select={(d) => d.digits.map((g) => ({ label: String(g.label), items: g.atypical.slice(0, 2).map((a) => ({ id: a.id })) }))}
  rowLabel="Label" />`,
};
