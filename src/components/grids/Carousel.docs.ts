import type { ComponentDocs } from '../../lib/component-docs.ts';

export const docs: ComponentDocs = {
  name: 'Carousel',
  summary: 'A keyboard-accessible sequence of dataset images with captions: a scrollable list without JavaScript; buttons, arrow keys and a live "Image 2 of 8" status with it.',
  props: [
    { name: 'dataset', type: 'string', required: true, description: 'Dataset id, e.g. "openmoji".' },
    { name: 'collection', type: 'string', required: true, description: 'Gallery of that dataset.' },
    { name: 'ids', type: 'string[]', required: true, description: 'Item ids in order; each needs thumbnails.' },
    { name: 'label', type: 'string', required: true, description: 'Accessible name of the carousel.' },
    { name: 'lang', type: 'string', required: false, default: '"en"', description: 'Language of the caption under each image.' },
    { name: 'caption', type: 'string', required: false, description: 'Visible caption above the images, e.g. what the images are a stand-in for (the label alone is heard, not seen).' },
  ],
  example: `<Carousel dataset="openmoji" collection="all" ids={['1F600', '1F30D', '1F4DA']} label="Three emoji and their names" />`,
};
