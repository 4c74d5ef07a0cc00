import type { ComponentDocs } from '../../lib/component-docs.ts';

export const docs: ComponentDocs = {
  name: 'Notes',
  summary: 'Speaker notes for presentation mode: hidden in the essay and on the slides, shown in the presenter view (/<slug>/present/?presenter).',
  props: [{ name: 'children', type: 'Markdown', required: true, description: 'The notes. Inside a <Step> they belong to its slide; elsewhere, to the text slide they fall in.' }],
  example: `<Notes>
Pause here and ask who funded the dataset.
</Notes>`,
};
