// How alike an emoji's English CLDR name and its name in another language are,
// by character-trigram cosine similarity, for every emoji OpenMoji draws: a
// real similarity distribution to show how a cut on a score works. It is NOT
// CLIP and NOT LAION data (no LAION scores exist offline).
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';

/** Latin-script languages among OpenMoji's CLDR names (the site's images pipeline). */
export const COMPARED_LANGS = ['de', 'fr', 'es', 'pt', 'sw', 'yo'] as const;
/** Cuts to report: LAION's published thresholds (other languages, English, English + 0.01), on this other measure. */
export const CUTS = [0.26, 0.28, 0.29] as const;
const BIN_WIDTH = 0.01;
const BINS = 100;

const annotationsSchema = z.looseObject({
  annotations: z.looseObject({ annotations: z.record(z.string(), z.looseObject({ tts: z.array(z.string()).optional() })) }),
});
const annotationsInput = (lang: string) => ({ kind: 'json', from: { package: 'cldr-annotations-full', path: `annotations/${lang}/annotations.json` }, schema: annotationsSchema }) as const;
type Annotations = z.infer<typeof annotationsSchema>;

/** Counts of the character trigrams of a name, lower-cased, padded with one space each side. */
export function trigrams(text: string): Map<string, number> {
  const s = ` ${text.toLowerCase().normalize('NFC').replace(/\s+/g, ' ').trim()} `;
  const out = new Map<string, number>();
  const chars = [...s];
  for (let i = 0; i + 3 <= chars.length; i++) {
    const g = chars.slice(i, i + 3).join('');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Cosine similarity of two names' trigram count vectors (0: nothing shared, 1: same trigrams). */
export function trigramCosine(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  let dot = 0;
  for (const [g, n] of ta) dot += n * (tb.get(g) ?? 0);
  const norm = (t: Map<string, number>) => Math.sqrt([...t.values()].reduce((s, n) => s + n * n, 0));
  const d = norm(ta) * norm(tb);
  return d === 0 ? 0 : dot / d;
}

/** Bin index for a score in [0, 1]: width 0.01, 1 falls in the last bin. In integer millionths, so 0.29 lands in bin 29 (0.29 / 0.01 is 28.999... in floating point). */
const binOf = (score: number) => Math.min(BINS - 1, Math.floor(Math.round(score * 1e6) / Math.round(BIN_WIDTH * 1e6)));

const nameOf = (table: Annotations, emoji: string) => {
  const a = table.annotations.annotations;
  return (a[emoji] ?? a[emoji.replace(/\uFE0F/g, '')])?.tts?.[0];
};

export default defineAggregate({
  name: 'openmoji-name-similarity',
  description: 'Character-trigram cosine similarity between the English CLDR name of each OpenMoji emoji and its name in six Latin-script languages, binned by 0.01, with the share above 0.26, 0.28 and 0.29 per language. Not CLIP, not LAION.',
  datasets: ['openmoji'],
  inputs: {
    openmoji: { kind: 'json', from: { package: 'openmoji', path: 'data/openmoji.json' }, schema: z.array(z.looseObject({ emoji: z.string(), hexcode: z.string() })).min(1) },
    en: annotationsInput('en'),
    de: annotationsInput('de'),
    fr: annotationsInput('fr'),
    es: annotationsInput('es'),
    pt: annotationsInput('pt'),
    sw: annotationsInput('sw'),
    yo: annotationsInput('yo'),
  },
  queries: {},
  schema: z.strictObject({
    measure: z.string(),
    binWidth: z.number(),
    /** Lower edge of each bin. */
    edges: z.array(z.number()).length(BINS),
    /** Name pairs per bin, all compared languages together. */
    counts: z.array(z.number().int().nonnegative()).length(BINS),
    /** Emoji OpenMoji draws that have an English CLDR name. */
    emoji: z.number().int().positive(),
    /** Name pairs compared (an emoji with a name in English and in the language). */
    pairs: z.number().int().positive(),
    /** Share of all pairs at or above each cut, in the order of `cuts`. */
    /** Pairs sharing at least one trigram (score of at least one bin): what the essay's histogram draws. */
    charted: z.number().int().nonnegative(),
    /** keptShare is of all pairs; keptShareOfCharted of the charted ones, the share the histogram prints. */
    cuts: z.array(z.strictObject({ cut: z.number(), kept: z.number().int(), keptShare: z.number().min(0).max(1), keptShareOfCharted: z.number().min(0).max(1) })).length(CUTS.length),
    /** Share of pairs removed when the cut moves from cuts[1] to cuts[2] (the "+0.01" step). */
    removedByPlus001: z.number().int(),
    removedByPlus001Share: z.number().min(0).max(1),
    languages: z.array(z.strictObject({
      code: z.string(),
      pairs: z.number().int().positive(),
      median: z.number(),
      /** Share at or above each cut, in the order of `cuts`. */
      keptShares: z.array(z.number().min(0).max(1)).length(CUTS.length),
    })).length(COMPARED_LANGS.length),
    /** A worked example: the first emoji in OpenMoji's order with "face" in its English name and a name in every compared language, with each name's score. */
    example: z.strictObject({ emoji: z.string(), hexcode: z.string(), names: z.array(z.strictObject({ lang: z.string(), name: z.string(), score: z.number() })) }),
  }),
  transform: ({ files }) => {
    const seen = new Set<string>();
    const emoji = files.openmoji.filter((r) => (seen.has(r.emoji) ? false : (seen.add(r.emoji), true)));
    const counts = new Array<number>(BINS).fill(0);
    const all: number[] = [];
    let example: { emoji: string; hexcode: string; names: { lang: string; name: string; score: number }[] } | null = null;
    const perLang = COMPARED_LANGS.map((code) => ({ code, scores: [] as number[] }));
    let named = 0;
    for (const r of emoji) {
      const en = nameOf(files.en, r.emoji);
      if (!en) continue;
      named += 1;
      const names: { lang: string; name: string; score: number }[] = [];
      perLang.forEach((l) => {
        const name = nameOf(files[l.code], r.emoji);
        if (!name) return;
        const score = trigramCosine(en, name);
        l.scores.push(score);
        all.push(score);
        counts[binOf(score)]! += 1;
        names.push({ lang: l.code, name, score: Math.round(score * 1000) / 1000 });
      });
      if (!example && names.length === COMPARED_LANGS.length && /face/.test(en)) example = { emoji: r.emoji, hexcode: r.hexcode, names: [{ lang: 'en', name: en, score: 1 }, ...names] };
    }
    if (all.length === 0) throw new Error('no emoji has a CLDR name in English and in a compared language');
    if (!example) throw new Error('no emoji with "face" in its English name has a name in every compared language');
    const share = (scores: number[], cut: number) => scores.filter((s) => binOf(s) >= binOf(cut)).length / scores.length;
    const kept = CUTS.map((cut) => all.filter((s) => binOf(s) >= binOf(cut)).length);
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const m = s.length >> 1;
      return Math.round((s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) * 1000) / 1000;
    };
    return {
      measure: 'character-trigram cosine similarity between an emoji\'s English CLDR name and its CLDR name in another language',
      binWidth: BIN_WIDTH,
      edges: counts.map((_, i) => Math.round(i * BIN_WIDTH * 100) / 100),
      counts,
      emoji: named,
      pairs: all.length,
      charted: all.length - counts[0]!,
      cuts: CUTS.map((cut, i) => ({ cut, kept: kept[i]!, keptShare: kept[i]! / all.length, keptShareOfCharted: all.length > counts[0]! ? kept[i]! / (all.length - counts[0]!) : 0 })),
      removedByPlus001: kept[1]! - kept[2]!,
      removedByPlus001Share: (kept[1]! - kept[2]!) / all.length,
      languages: perLang.filter((l) => l.scores.length > 0).map((l) => ({
        code: l.code,
        pairs: l.scores.length,
        median: median(l.scores),
        keptShares: CUTS.map((cut) => share(l.scores, cut)),
      })),
      example,
    };
  },
});
