import type { ComponentDocs } from '../../lib/component-docs.ts';

export const docs: ComponentDocs = {
  name: 'Scrolly',
  summary:
    'A step-by-step figure: a graphic stays on screen while the reader scrolls through <Step>s, and each step shows one of the graphic’s pre-rendered states (data-state="n"). Deep links (#id-n), keyboard (j/k), print handout, embeds and presentation mode all come from it. See docs/scrolly.md.',
  props: [
    { name: 'id', type: 'string', required: true, description: 'Lowercase letters, digits and hyphens, unique on the page. Step n gets the anchor #<id>-<n> and the figure is embeddable at /embed/<slug>/<id>/.' },
    { name: 'label', type: 'string', required: false, default: "'Step-by-step graphic'", description: 'Accessible name of the block, also the title of its embed.' },
    { name: 'offset', type: 'number (0..1)', required: false, default: '0.5', description: 'Where the trigger line sits, as a fraction of the screen height.' },
  ],
  example: `<Scrolly id="catalog-scrolly" label="A two-state example">
  <Fragment slot="graphic">
    <div class="scrolly-states">
      <p data-state="0">The graphic’s first state.</p>
      <p data-state="1">The graphic’s second state.</p>
    </div>
  </Fragment>
  <Step>The first step shows state 0.</Step>
  <Step>The second step shows state 1.</Step>
</Scrolly>`,
};
