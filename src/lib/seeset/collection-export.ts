// The see:set collection export (`collections/<n>.json`) as a typed contract:
// `{"status": "success", "data": [item, ...]}`. Unknown fields are kept
// (loose objects), so nothing an export carries is lost on the way to a page.
import { z } from 'zod';
import { AuthorError } from '../author-error.ts';

const id = z.union([z.number(), z.string().min(1)], { error: 'must be a number or non-empty text' });
const looseMeta = z.record(z.string(), z.unknown(), { error: 'must be an object of fields' });

export const exportFileSchema = z.looseObject({
  id,
  name: z.string({ error: 'must be the file name (text)' }).min(1, 'must not be empty'),
  path: z.string({ error: 'must be text' }),
  sha256: z.string({ error: 'must be a sha256 hex digest' }).regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters'),
  meta: looseMeta.nullish().transform((m) => m ?? {}),
  mime: z.string({ error: 'must be a MIME type like "image/jpeg"' }).regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type like "image/jpeg"'),
});

export const exportTextSchema = z.looseObject({
  id,
  text: z.string({ error: 'must be text (a caption, ALT text...)' }),
});

const timestamps = z.array(z.number({ error: 'must be numbers' }), { error: 'must be an array of numbers' }).optional();

export const exportItemSchema = z.looseObject({
  id,
  original_id: z.union([z.string(), z.number()], { error: 'must be text, a number or null' }).nullish(),
  kind: z.string({ error: 'must be text (the split: train, val, ...)' }).nullish(),
  meta: looseMeta.nullish().transform((m) => m ?? {}),
  created_at: timestamps,
  updated_at: timestamps,
  files: z.array(exportFileSchema, { error: 'must be an array of files' }),
  texts: z.array(exportTextSchema, { error: 'must be an array of texts' }).default([]),
  labels: z.array(z.record(z.string(), z.unknown(), { error: 'must be objects' }), { error: 'must be an array' }).default([]),
  dataset: z.string({ error: 'must be the dataset name (text)' }).min(1, 'must not be empty'),
});

export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportText = z.infer<typeof exportTextSchema>;
export type ExportItem = z.infer<typeof exportItemSchema>;

/** One parsed item, with its position in the export for error messages. */
export interface CollectionItem extends ExportItem {
  /** 0-based index in the export's `data` array. */
  readonly index: number;
}

const HINT = 'a collection export is {"status": "success", "data": [item, ...]}; each item has id, kind, meta, files, texts, labels and dataset';

/**
 * Parses the text of a collection export. Throws an AuthorError naming the
 * file, the item index and the field of the first problem.
 */
export function parseCollectionExport(text: string, file: string, single = false): CollectionItem[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AuthorError(`is not valid JSON (${(error as Error).message})`, { file, hint: HINT });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new AuthorError('must be a JSON object', { file, hint: HINT });
  }
  const root = json as Record<string, unknown>;
  if (root['status'] !== 'success') {
    throw new AuthorError(`status is ${JSON.stringify(root['status'])}, not "success": this export did not complete`, { file, field: 'status', hint: 'export the collection again' });
  }
  // A single-item export (datasets/<d>/<item id>.json) holds one item object, not a list.
  const data = single && typeof root['data'] === 'object' && root['data'] !== null && !Array.isArray(root['data']) ? [root['data']] : root['data'];
  if (!Array.isArray(data)) {
    throw new AuthorError(single ? 'data must be the item (an object)' : 'data must be an array of items', { file, field: 'data', hint: single ? 'a single-item export is {"status": "success", "data": {item}}' : HINT });
  }
  const seen = new Map<string, number>();
  return data.map((raw, index) => {
    const result = exportItemSchema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = issue.path.length ? issue.path.join('.') : '(item)';
      throw new AuthorError(`item ${index}: ${field} ${issue.message}`, {
        file,
        field: `data[${index}].${field}`,
        hint: HINT,
      });
    }
    const key = String(result.data.id);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new AuthorError(`item ${index}: id ${key} is already used by item ${earlier}`, { file, field: `data[${index}].id`, hint: 'every item of a collection needs its own id' });
    }
    seen.set(key, index);
    return { ...result.data, index };
  });
}
