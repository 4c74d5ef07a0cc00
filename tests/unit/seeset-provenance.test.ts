// The wording of a see:set item's provenance card (src/lib/seeset/provenance.ts):
// what an export leaves empty or marks "?" reads in plain words.
import { describe, expect, it } from 'vitest';
import { itemProvenance, NO_LABELS, NO_TEXTS, showValue } from '../../src/lib/seeset/provenance.ts';
import type { CollectionItem } from '../../src/lib/seeset/collection-export.ts';
import type { SeesetCollection, ShownItem } from '../../src/lib/seeset/resolve.ts';
import type { CollectionDatasheet } from '../../src/lib/seeset/datasheet.ts';

// Synthetic fixture: one item as a see:set export writes it, with the gaps real exports have.
const sheet: CollectionDatasheet = {
  title: 'Fixture photos', source: 'generated for a test', license: 'CC0 1.0', collected: 'by hand', fixture: true,
  flag: { ids: [], sha256: [], meta: {} }, generated: false,
};
const file = { id: 1, name: 'photo-01.jpg', path: 'x/photo-01.jpg', sha256: 'a'.repeat(64), meta: {}, mime: 'image/jpeg' };
function shownItem(over: Partial<CollectionItem> = {}, datasheet: Partial<CollectionDatasheet> = {}): { shown: ShownItem; collection: SeesetCollection } {
  const item: CollectionItem = { id: 5100, original_id: null, kind: null, meta: { license: '?', NSFW: 'UNLIKELY' }, files: [file], texts: [], labels: [], dataset: 'fixture', index: 0, ...over };
  const collection: SeesetCollection = { id: '5', file: 'collections/5.json', filesDir: '/tmp', items: [item], datasheet: { ...sheet, ...datasheet }, excluded: new Set() };
  return { shown: { collection: '5', item, file, fileIndex: 0, path: '/tmp/photo-01.jpg', flags: [] }, collection };
}
const allText = (p: ReturnType<typeof itemProvenance>) => [...p.facts.flat(), ...p.texts.map((t) => t.text), ...p.labels, ...p.extra.flat()].join('\n');
const BAD = /;\s*\.|(^|\s)\?(\s|\.|,|$)/m;

describe('see:set provenance wording', () => {
  it('says "no labels" and "no texts" in words when the export has none', () => {
    const { shown, collection } = shownItem();
    const p = itemProvenance(shown, collection);
    expect(p.facts).toContainEqual(['Labels', NO_LABELS]);
    expect(p.facts).toContainEqual(['Texts', NO_TEXTS]);
    expect(NO_LABELS).toBe('no labels in the export');
    expect(allText(p)).not.toMatch(BAD);
  });

  it('an item licence of "?" falls back to the datasheet; a "?" everywhere says it is not stated', () => {
    const own = shownItem();
    expect(itemProvenance(own.shown, own.collection).facts).toContainEqual(['Licence', 'CC0 1.0']);
    const none = shownItem({}, { license: '?' });
    const p = itemProvenance(none.shown, none.collection);
    expect(p.facts).toContainEqual(['Licence', 'licence not stated in the export']);
    expect(allText(p)).not.toMatch(BAD);
  });

  it('prints "?" and empty values of labels and other fields in words', () => {
    const { shown, collection } = shownItem({
      labels: [{ name: '?', task: '' }, { name: 'warm' }],
      texts: [{ id: 1, text: '?' }, { id: 2, text: '따뜻한 색의 들판', lang: 'ko' }],
      meta: { license: 'CC BY 4.0', camera: '?', note: '' },
    });
    const p = itemProvenance(shown, collection);
    expect(p.labels).toEqual(['label not stated in the export', 'warm']);
    expect(p.texts).toEqual([{ text: '따뜻한 색의 들판', lang: 'ko', kind: 'text' }]);
    expect(p.extra).toEqual(expect.arrayContaining([['meta.camera', 'not stated in the export'], ['meta.note', 'not stated in the export']]));
    expect(p.facts.map(([k]) => k)).not.toContain('Labels');
    expect(allText(p)).not.toMatch(BAD);
  });

  it('shows other values as they are', () => {
    expect(showValue('CC0')).toBe('CC0');
    expect(showValue([2026, 12, 6])).toBe('[2026,12,6]');
    expect(showValue(' ? ')).toBe('not stated in the export');
  });

  it('prints decomposed export text composed (NFC), so the page stays valid HTML', () => {
    const decomposed = 'Mu\u0308ller';
    const { shown, collection } = shownItem({ meta: { license: 'CC0 1.0', author: decomposed }, texts: [{ id: 1, text: `by ${decomposed}` }] });
    const text = allText(itemProvenance(shown, collection));
    expect(text).toContain('M\u00fcller');
    expect(text).not.toContain(decomposed);
  });
});
