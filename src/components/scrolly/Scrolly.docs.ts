import type { ComponentDocs } from '../../lib/component-docs.ts';

export const docs: ComponentDocs = {
  name: 'Scrolly',
  summary:
    'A sticky graphic beside (wide screens) or behind (phones) steps of prose; each step sets the graphic state. Steps link as #<id>-<n> and become slides in presentation mode.',
  props: [
    { name: 'id', type: 'string', required: true, description: 'Unique on the page; lowercase letters, digits and hyphens. Step n (0-based) gets the id "<id>-<n>".' },
    { name: 'label', type: 'string', required: false, default: "'Step-by-step graphic'", description: 'Accessible name of the block; also the kicker on its slides.' },
    { name: 'offset', type: 'number', required: false, default: '0.5 wide, 0.75 on phones', description: 'Trigger line as a fraction of the screen height from the top (0..1).' },
    { name: 'motion', type: "'scrub' | 'step' | 'none'", required: false, default: "'none'", description: 'scrub: the chart\'s marks move from one step\'s state to the next as the reader scrolls between the steps (and back); step: a 0.4 s motion on each step change; none: the states swap. Reduced motion, print, slides and embeds always show exact states.' },
    { name: 'slot="graphic"', type: 'element', required: false, description: 'The graphic: children with data-state="<n>" are pre-rendered states; the one with the largest n <= the active step shows.' },
  ],
  example: `<Scrolly id="sections" label="The sections of a datasheet">
  <Fragment slot="graphic">
    <div class="scrolly-states">
      <p data-state="0">Seven sections.</p>
      <p data-state="1">Motivation: why the dataset exists.</p>
    </div>
  </Fragment>
  <Step>A datasheet reads like a form.</Step>
  <Step>**Motivation** comes first.</Step>
</Scrolly>`,
};
