import type { ComponentDocs } from '../../lib/component-docs.ts';

export const docs: ComponentDocs = {
  name: 'Notes',
  summary: 'Speaker notes for presentation mode (/<slug>/present/): hidden on the essay page, shown only in the presenter view. Inside a <Step> they belong to that step’s slide.',
  props: [],
  example: `<Scrolly id="catalog-notes">
  <Fragment slot="graphic"><p data-state="0">A slide’s graphic.</p></Fragment>
  <Step>
    What the class sees.

    <Notes>What only the presenter sees: ask where they would put the cut.</Notes>
  </Step>
</Scrolly>`,
};
