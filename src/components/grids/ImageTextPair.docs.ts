import type { ComponentDocs } from '../../lib/component-docs.ts';

export const docs: ComponentDocs = {
  name: 'ImageTextPair',
  summary: 'One dataset image beside the texts stored with it ("IMAGE / ALT TEXT"), each with its language; text is always escaped. Flagged images open only on request.',
  props: [
    { name: 'dataset', type: 'string', required: true, description: 'Dataset id, e.g. "openmoji".' },
    { name: 'collection', type: 'string', required: true, description: 'Gallery of that dataset, e.g. "all".' },
    { name: 'id', type: 'string', required: true, description: 'Item id; the item needs thumbnails (see the thumbnail list in scripts/images.ts).' },
    { name: 'langs', type: 'string[]', required: false, description: 'Languages of the texts to show (all when omitted).' },
    { name: 'textLabel', type: 'string', required: false, default: '"Alt text"', description: 'Heading over the text column.' },
  ],
  example: `<ImageTextPair dataset="openmoji" collection="all" id="1F600" langs={['en', 'de', 'ja']} />`,
};
