// Which items go behind a content warning: any `meta.NSFW` other than
// "UNLIKELY", and whatever the collection's datasheet flags.
import type { CollectionItem, ExportFile } from './collection-export.ts';
import type { FlagRules } from './datasheet.ts';

/** Why an item (shown through `file`) is flagged; empty when it is not. */
export function flagReasons(item: CollectionItem, file: ExportFile | undefined, rules: FlagRules): string[] {
  const reasons: string[] = [];
  const nsfw = item.meta['NSFW'];
  if (nsfw !== undefined && nsfw !== null && nsfw !== '' && String(nsfw).toUpperCase() !== 'UNLIKELY') {
    reasons.push(`marked NSFW "${String(nsfw)}" in the dataset`);
  }
  if (rules.ids.includes(String(item.id))) reasons.push('flagged by the collection\'s datasheet');
  if (file && rules.sha256.includes(file.sha256.toLowerCase())) reasons.push('its image is on the datasheet\'s flag list');
  for (const [field, values] of Object.entries(rules.meta)) {
    const value = item.meta[field];
    if (values.some((v) => v === value)) reasons.push(`meta.${field} is "${String(value)}"`);
  }
  return reasons;
}
