// Widget declarations in a see:set essay's frontmatter (`grid-N`,
// `carousel-N`, `image-N`) and the markers that place them (`[:grid-1]`).
import { z } from 'zod';

export const WIDGET_KINDS = ['grid', 'carousel', 'image'] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

/** `grid-1`, `carousel-12`, `image-2`: the frontmatter key and the marker name. */
export const WIDGET_KEY = /^(grid|carousel|image)-(\d+)$/;

const caption = z.string({ error: 'caption must be text' }).default('');
const collection = z
  .union([z.number().int().nonnegative(), z.string().regex(/^[\w-]+$/)], {
    error: 'collection must be the number of an export in collections/, e.g. 6 for collections/6.json',
  })
  .transform(String);

const unknownKeys = (allowed: string) => (issue: { code: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys?.join(', ')}: a widget takes ${allowed}` : undefined;

export const collectionWidgetSchema = z.strictObject({ caption, collection }, { error: unknownKeys('caption and collection') });

export const imageWidgetSchema = z.strictObject(
  {
    caption,
    imagePath: z
      .string({ error: 'imagePath must be text: "<base>/<collection-or-dataset>/<item id>"' })
      .regex(/[^/]+\/[^/]+\/?$/, 'imagePath must end in "<collection-or-dataset>/<item id>", e.g. "/my-essay/datasets/8/78191526"'),
    fileIndex: z.number({ error: 'fileIndex must be a number (0 = the item\'s first file)' }).int().nonnegative().optional(),
  },
  { error: unknownKeys('caption, imagePath and an optional fileIndex') },
);

export type CollectionWidget = z.infer<typeof collectionWidgetSchema>;
export type ImageWidget = z.infer<typeof imageWidgetSchema>;

export type WidgetDeclaration =
  | ({ kind: 'grid' | 'carousel'; key: string } & CollectionWidget)
  | ({ kind: 'image'; key: string } & ImageWidget);

export function widgetSchemaFor(kind: WidgetKind) {
  return kind === 'image' ? imageWidgetSchema : collectionWidgetSchema;
}

/** Splits an imagePath into the collection-or-dataset segment and the item id. */
export function parseImagePath(imagePath: string): { source: string; itemId: string } {
  const parts = imagePath.split('/').filter(Boolean);
  return { source: parts[parts.length - 2] ?? '', itemId: parts[parts.length - 1] ?? '' };
}
