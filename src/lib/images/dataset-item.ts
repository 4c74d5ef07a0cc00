// A dataset item as typed content, modelled on what see:set galleries carry:
// one image with its ids, split, rights, file, texts and labels. The image
// pipeline validates every item before a gallery can show it.
import { z } from 'zod';
import { AuthorError, describeZodIssues } from '../author-error.ts';

export const TEXT_KINDS = ['caption', 'alt', 'name', 'keyword'] as const;

export const itemTextSchema = z.strictObject({
  /** Untrusted: always rendered as text, never as HTML. */
  text: z.string(),
  /** BCP 47 language tag, e.g. "en", "de", "pt-PT". */
  lang: z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'lang must be a BCP 47 tag such as "en" or "pt-PT"'),
  kind: z.enum(TEXT_KINDS),
});

export const itemLabelSchema = z.strictObject({
  /** What the label answers, e.g. "digit", "emoji-group". */
  task: z.string().min(1),
  label: z.string().min(1),
  /** From the root of the taxonomy to the label, e.g. ["people-body", "person-sport"]. */
  taxonomy: z.array(z.string()).default([]),
});

export const itemFileSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits'),
  /** Where the original lives, relative to the project root ("#n" marks a record inside a file). */
  path: z.string().min(1),
  mime: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'mime must look like "image/png"'),
  size: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});

export const ITEM_FLAGS = ['content-warning'] as const;

export const datasetItemSchema = z.strictObject({
  /** Stable id inside the dataset, e.g. "test-7" or "1F600". */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'id must be letters, digits, ".", "_" or "-"'),
  /** The id the source itself uses, when it differs. */
  originalId: z.string().min(1),
  dataset: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  split: z.string().min(1).optional(),
  license: z.string().min(1),
  rightsHolder: z.string().min(1),
  file: itemFileSchema,
  texts: z.array(itemTextSchema).default([]),
  labels: z.array(itemLabelSchema).default([]),
  /** Flags set by the data or by an editor: flagged items are blurred behind a content warning. */
  flags: z.array(z.enum(ITEM_FLAGS)).default([]),
  /** Why an item is flagged, shown in the content warning. */
  flagReason: z.string().optional(),
  /** Numeric fields a grid can sort by (e.g. "ink"). */
  scores: z.record(z.string(), z.number()).default({}),
});

export type DatasetItem = z.infer<typeof datasetItemSchema>;
export type DatasetItemInput = z.input<typeof datasetItemSchema>;

/** Validates one item, or throws an AuthorError naming the file, item and field. */
export function parseDatasetItem(value: unknown, where: { file: string; index: number }): DatasetItem {
  const result = datasetItemSchema.safeParse(value);
  if (result.success) return result.data;
  const [first] = describeZodIssues(result.error);
  throw new AuthorError(`item ${where.index}: ${first?.message ?? 'invalid item'}`, {
    file: where.file,
    line: where.index + 1,
    field: first?.field,
    hint: 'fix the dataset loader or its source record so every item has the fields in src/lib/images/dataset-item.ts',
  });
}

/** True when an item must be blurred until the reader chooses to see it. */
export function isFlagged(item: Pick<DatasetItem, 'flags'>): boolean {
  return item.flags.includes('content-warning');
}
