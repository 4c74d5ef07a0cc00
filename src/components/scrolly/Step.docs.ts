import type { ComponentDocs } from '../../lib/component-docs.ts';

export const docs: ComponentDocs = {
  name: 'Step',
  summary: 'One step of a <Scrolly>: Markdown prose that sets the graphic to state n while it is read. Numbered in written order from 0.',
  props: [{ name: 'children', type: 'Markdown', required: true, description: 'The step text; may contain <Notes> for its slide.' }],
  example: `<Step>
  Now the cut: everything to the right is kept.

  <Notes>Ask where the class would cut.</Notes>
</Step>`,
};
