// The datasheet of a see:set collection: `collections/<n>/datasheet.yaml`
// beside the export. When an essay arrives without one, a datasheet is
// generated from what the export itself says, and marked as generated.
import { z } from 'zod';
import type { CollectionItem } from './collection-export.ts';

const text = (what: string) => z.string({ error: `${what} must be text` }).trim().min(1, `${what} must not be empty`);
const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const flagRulesSchema = z.strictObject({
  /** Item ids shown only behind a content warning. */
  ids: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  /** File hashes shown only behind a content warning. */
  sha256: z.array(z.string().regex(/^[0-9a-fA-F]{64}$/, 'each sha256 must be 64 hexadecimal characters').transform((s) => s.toLowerCase())).default([]),
  /** `meta` fields and the values that flag an item, e.g. `{ rating: ["explicit"] }`. */
  meta: z.record(z.string(), z.array(scalar)).default({}),
});

export const datasheetSchema = z.strictObject(
  {
    title: text('title'),
    /** Where the images and texts came from (a package, an archive, a crawl). */
    source: text('source'),
    license: text('license'),
    rightsHolder: text('rightsHolder').optional(),
    /** How the collection was made: sampled, filtered, exported by whom and when. */
    collected: text('collected'),
    notes: text('notes').optional(),
    /** True for test fixtures: the page says so. */
    fixture: z.boolean({ error: 'fixture must be true or false' }).default(false),
    flag: flagRulesSchema.default({ ids: [], sha256: [], meta: {} }),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}: a datasheet has title, source, license, rightsHolder, collected, notes, fixture and flag` : undefined) },
);

export type FlagRules = z.output<typeof flagRulesSchema>;
export type CollectionDatasheet = z.output<typeof datasheetSchema> & {
  /** True when no datasheet.yaml was supplied and this one was derived from the export. */
  generated: boolean;
};

const NOT_STATED = 'not stated (no datasheet.yaml was supplied with this collection)';

/** What can honestly be said about a collection from its export alone. */
export function generatedDatasheet(collectionId: string, items: readonly CollectionItem[]): CollectionDatasheet {
  const datasets = [...new Set(items.map((item) => item.dataset))];
  const licenses = [...new Set(items.map((item) => item.meta['license']).filter((l): l is string => typeof l === 'string' && l.trim().length > 0 && l.trim() !== '?'))];
  return {
    title: `${collectionId.startsWith('datasets-') ? `Single items of dataset ${collectionId.slice('datasets-'.length)}` : `Collection ${collectionId}`}${datasets.length ? ` from ${datasets.join(', ')}` : ''}`,
    source: NOT_STATED,
    license: licenses.length ? `as recorded per item: ${licenses.join('; ')}` : NOT_STATED,
    collected: `exported as ${collectionId.startsWith('datasets-') ? `single items in datasets/${collectionId.slice('datasets-'.length)}/` : `collections/${collectionId}.json`} (${items.length} items); how the items were chosen is ${NOT_STATED}`,
    fixture: false,
    flag: { ids: [], sha256: [], meta: {} },
    generated: true,
  };
}

/**
 * An item's licence in plain words: its own `meta.license`, unless that is
 * empty or `"?"` (as exports write "unknown"), then the datasheet's, which
 * says "not stated" when it was generated.
 */
export function itemLicence(meta: Readonly<Record<string, unknown>>, sheet: Pick<CollectionDatasheet, 'license'>): string {
  const own = meta['license'];
  if (typeof own === 'string' && own.trim() !== '' && own.trim() !== '?') return own;
  return sheet.license === NOT_STATED || sheet.license.startsWith('as recorded per item') ? 'licence not stated in the export' : sheet.license;
}
