// OpenMoji as gallery sources: 4,495 colour SVGs with the designers' names,
// their Unicode group, skin tone, and the CLDR name of each emoji in several
// languages as texts. Editorial flags and exclusions live with the dataset in
// content/datasets/openmoji/.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { sha256 } from '../lib/hash.ts';
import { AuthorError } from '../../src/lib/author-error.ts';
import type { DatasetItemInput } from '../../src/lib/images/dataset-item.ts';
import type { ImageSource } from './pipeline.ts';

const PKG = 'node_modules/openmoji';
export const OPENMOJI_LICENSE = 'CC BY-SA 4.0';
export const OPENMOJI_ATTRIBUTION = 'Emoji designed by OpenMoji, the open-source emoji and icon project (openmoji.org), licence CC BY-SA 4.0; thumbnails derived by this site under the same licence. Names from Unicode CLDR 48 (Unicode-3.0).';
/** Languages whose CLDR names become item texts. */
export const OPENMOJI_LANGS = ['en', 'de', 'fr', 'es', 'pt', 'ar', 'hi', 'ja', 'zh', 'sw', 'yo'] as const;
export const OPENMOJI_FLAGS_FILE = 'content/datasets/openmoji/content-warnings.yaml';

interface OpenmojiRecord {
  emoji: string;
  hexcode: string;
  group: string;
  subgroups: string;
  annotation: string;
  openmoji_author: string;
  skintone: string | number;
}

type Annotations = Record<string, { default?: string[]; tts?: string[] }>;

function cldrNames(lang: string): Annotations {
  const file = `node_modules/cldr-annotations-full/annotations/${lang}/annotations.json`;
  const json = JSON.parse(readFileSync(file, 'utf8')) as { annotations: { annotations: Annotations } };
  return json.annotations.annotations;
}

/** Hexcode -> reason, from the editors' content-warning list. */
export function readContentWarnings(file = OPENMOJI_FLAGS_FILE): Map<string, string> {
  const flags = new Map<string, string>();
  if (!existsSync(file)) return flags;
  const parsed = parseYaml(readFileSync(file, 'utf8')) as { items?: { hexcode?: unknown; reason?: unknown }[] } | null;
  (parsed?.items ?? []).forEach((entry, i) => {
    // YAML reads an all-digit hexcode such as 2620 as a number: take it as text.
    const hexcode = typeof entry.hexcode === 'number' ? String(entry.hexcode) : entry.hexcode;
    if (typeof hexcode !== 'string' || typeof entry.reason !== 'string') {
      throw new AuthorError(`items[${i}] needs a hexcode and a reason`, { file, field: `items.${i}`, hint: 'write entries as "- hexcode: 1F52B\\n  reason: depicts a weapon"' });
    }
    flags.set(hexcode.toUpperCase(), entry.reason);
  });
  return flags;
}

export function openmojiSources(): ImageSource[] {
  const records = JSON.parse(readFileSync(`${PKG}/data/openmoji.json`, 'utf8')) as OpenmojiRecord[];
  const names = OPENMOJI_LANGS.map((lang) => ({ lang, table: cldrNames(lang) }));
  const flags = readContentWarnings();
  return records.map((r) => {
    const file = `${PKG}/color/svg/${r.hexcode}.svg`;
    let bytes: Uint8Array | undefined;
    const read = () => (bytes ??= readFileSync(file));
    let hash: string;
    let size: number;
    try {
      hash = sha256(read());
      size = read().byteLength;
    } catch {
      // Unreadable: the pipeline reports it when it loads the image.
      hash = sha256(file);
      size = 0;
    }
    // Texts are normalised to Unicode NFC (canonically the same text; HTML expects NFC).
    const texts: DatasetItemInput['texts'] = [{ text: r.annotation.normalize('NFC'), lang: 'en', kind: 'caption' }];
    const bare = r.emoji.replace(/\uFE0F/g, '');
    for (const { lang, table } of names) {
      const entry = table[r.emoji] ?? table[bare];
      const name = entry?.tts?.[0];
      if (name) texts.push({ text: name.normalize('NFC'), lang, kind: 'name' });
    }
    const labels: DatasetItemInput['labels'] = [{ task: 'emoji-group', label: r.subgroups || r.group, taxonomy: [r.group, r.subgroups].filter(Boolean) }];
    if (r.skintone !== '') labels.push({ task: 'skin-tone', label: `tone ${r.skintone}`, taxonomy: [] });
    const reason = flags.get(r.hexcode);
    const item: DatasetItemInput = {
      id: r.hexcode,
      originalId: r.hexcode,
      dataset: 'openmoji',
      license: OPENMOJI_LICENSE,
      rightsHolder: `OpenMoji (designed by ${(r.openmoji_author || 'the OpenMoji team').normalize('NFC')})`,
      file: { sha256: hash, path: file, mime: 'image/svg+xml', size },
      texts,
      labels,
      flags: reason ? ['content-warning'] : [],
      ...(reason ? { flagReason: reason } : {}),
      scores: { languages: texts.filter((t) => t.kind === 'name').length },
    };
    return { file, item, load: async () => ({ kind: 'encoded', data: read() }) };
  });
}
