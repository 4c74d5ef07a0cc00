// The openmoji-name-similarity transform on a SYNTHETIC fixture: three made-up
// "emoji" with made-up names in seven languages, so every score, bin and
// share can be worked out by hand.
import { describe, expect, it } from 'vitest';
import nameSimilarity, { COMPARED_LANGS, trigramCosine, trigrams } from '../../scripts/aggregates/openmoji-name-similarity.ts';
import { runTransform } from '../fixtures/data/run-transform.ts';

const table = (names: Record<string, string>) => ({ annotations: { annotations: Object.fromEntries(Object.entries(names).map(([e, n]) => [e, { tts: [n] }])) } });

// Synthetic: A's names equal the English one in every language (score 1);
// B's share nothing with it (score 0); C has "abc" vs "abd" (score 2/5 = 0.4,
// worked out below) and no Yoruba name; D has no English name at all; the
// second A record (a skin-tone variant, say) must be counted once.
const english = { A: 'face', B: 'xyz', C: 'abc' };
const other = { A: 'face', B: 'qqq', C: 'abd' };
const files = {
  openmoji: [{ emoji: 'A', hexcode: 'A' }, { emoji: 'A', hexcode: 'A-1' }, { emoji: 'B', hexcode: 'B' }, { emoji: 'C', hexcode: 'C' }, { emoji: 'D', hexcode: 'D' }],
  en: table(english),
  ...Object.fromEntries(COMPARED_LANGS.map((l) => [l, table(l === 'yo' ? { A: other.A, B: other.B } : other)])),
};

describe('openmoji-name-similarity (synthetic names)', () => {
  it('counts character trigrams with one space of padding', () => {
    expect([...trigrams('Ab c').entries()]).toEqual([[' ab', 1], ['ab ', 1], ['b c', 1], [' c ', 1]]);
  });

  it('scores identical names 1, disjoint names 0 and partial overlaps by cosine', () => {
    expect(trigramCosine('face', 'FACE')).toBeCloseTo(1, 10);
    expect(trigramCosine('xyz', 'qqq')).toBe(0);
    // " abc " -> {" ab", "abc", "bc "}; " abd " -> {" ab", "abd", "bd "}: one of three shared.
    expect(trigramCosine('abc', 'abd')).toBeCloseTo(1 / 3, 10);
    expect(trigramCosine('', '')).toBe(0);
  });

  it('bins every name pair, reports kept shares per cut and per language, and the +0.01 step', () => {
    const out = runTransform(nameSimilarity, { files });
    // A, B, C have English names (D does not; A counted once).
    expect(out.emoji).toBe(3);
    // 6 languages x A and B, plus C in 5 languages (no Yoruba name).
    expect(out.pairs).toBe(17);
    expect(out.counts[0]).toBe(6); // B everywhere
    expect(out.counts[33]).toBe(5); // C: 1/3
    expect(out.counts[99]).toBe(6); // A: 1, in the last bin
    expect(out.counts.reduce((s, n) => s + n, 0)).toBe(17);
    expect(out.edges[28]).toBe(0.28);
    expect(out.cuts.map((c) => [c.cut, c.kept])).toEqual([[0.26, 11], [0.28, 11], [0.29, 11]]);
    // Two denominators, both named in the essay: all 17 pairs, or the 11 that share a trigram (the charted ones).
    expect(out.charted).toBe(11);
    expect(out.cuts[0]!.keptShare).toBeCloseTo(11 / 17, 10);
    expect(out.cuts[0]!.keptShareOfCharted).toBe(1);
    expect(out.removedByPlus001).toBe(0);
    const yo = out.languages.find((l) => l.code === 'yo')!;
    expect(yo).toEqual({ code: 'yo', pairs: 2, median: 0.5, keptShares: [0.5, 0.5, 0.5] });
    const fr = out.languages.find((l) => l.code === 'fr')!;
    expect(fr.keptShares[0]).toBeCloseTo(2 / 3, 10);
    expect(out.example.names.map((n) => [n.lang, n.score])).toEqual([['en', 1], ...COMPARED_LANGS.map((l) => [l, 1])]);
  });

  it('the +0.01 step removes exactly the pairs that score between the two cuts', () => {
    // Synthetic E: " abc " has 3 trigrams, " abxy " has 4, they share " ab": 1 / sqrt(12) = 0.2887, in bin 0.28.
    expect(trigramCosine('abc', 'abxy')).toBeCloseTo(1 / Math.sqrt(12), 10);
    const withE = {
      ...files,
      openmoji: [...files.openmoji, { emoji: 'E', hexcode: 'E' }],
      en: table({ ...english, E: 'abc' }),
      fr: table({ ...other, E: 'abxy' }),
    };
    const out = runTransform(nameSimilarity, { files: withE });
    expect(out.counts[28]).toBe(1);
    expect(out.cuts.map((c) => c.kept)).toEqual([12, 12, 11]);
    expect(out.removedByPlus001).toBe(1);
    expect(out.removedByPlus001Share).toBeCloseTo(1 / 18, 10);
  });

  it('refuses input where no emoji has an English name', () => {
    expect(() => runTransform(nameSimilarity, { files: { ...files, en: table({}) } })).toThrow(/no emoji has a CLDR name/);
  });
});
