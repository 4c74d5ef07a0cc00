import type { ComponentDocs } from '../../lib/component-docs.ts';

export const docs: ComponentDocs = {
  name: 'Step',
  summary: 'One step of a <Scrolly>: a short block of prose (Markdown allowed). Steps are numbered from 0 in the order written; step n shows the graphic’s state n (or the last state declared before it).',
  props: [],
  example: `<Scrolly id="catalog-step">
  <Fragment slot="graphic"><p data-state="0">One state for both steps.</p></Fragment>
  <Step>A step can hold **Markdown**, links and lists.</Step>
  <Step>The graphic keeps state 0 here, because no state 1 is declared.</Step>
</Scrolly>`,
};
