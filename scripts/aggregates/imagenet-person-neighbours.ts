// Which judgements about people ImageNet-21k turned into image classes, and
// what sits next to them in ImageNet's own class list. A class counts as a
// judgement or an occupation by the WordNet branch it sits under (the roots
// are listed in the output, so the method is visible); "next to" means the
// adjacent person class when the classes are sorted by wnid. The sorting is
// this aggregate's (the shipped wnid list is in no such order); WordNet numbers
// its synsets by their byte offset in an alphabetised file, so neighbours
// are near-alphabetical.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { descendants, personGraph, synsetsInput, synsetsQuery, type PersonGraph } from './shared/wordnet-person.ts';

/** WordNet branches whose own names are judgements of a person. */
export const JUDGMENT_ROOTS = ['09831962', '09631129', '10138767', '10599354', '10771636', '10273064'] as const; // bad person, unwelcome person, good person, simpleton, weakling, failure
/** WordNet branches of paid work. */
export const OCCUPATION_ROOTS = ['09632518', '10480253'] as const; // worker, professional
export const EXAMPLES = 16;

export type Kind = 'judgment' | 'occupation' | 'both' | 'other';

const kinds = ['judgment', 'occupation', 'both', 'other'] as const;

/** Kind of every synset: under a judgement root, an occupation root, both, or neither. */
export function classify(g: PersonGraph, judgment: readonly string[], occupation: readonly string[]): Map<string, Kind> {
  const j = new Set(judgment.flatMap((r) => [...descendants(g, r)]));
  const o = new Set(occupation.flatMap((r) => [...descendants(g, r)]));
  const out = new Map<string, Kind>();
  for (const offset of g.byOffset.keys()) out.set(offset, j.has(offset) ? (o.has(offset) ? 'both' : 'judgment') : o.has(offset) ? 'occupation' : 'other');
  return out;
}

/** Judgement classes whose previous or next class in `ordered` is an occupation. */
export function judgmentsBesideOccupations(ordered: readonly string[], kind: ReadonlyMap<string, Kind>): { index: number; before: string | undefined; after: string | undefined }[] {
  const out: { index: number; before: string | undefined; after: string | undefined }[] = [];
  ordered.forEach((offset, i) => {
    if (kind.get(offset) !== 'judgment') return;
    const before = ordered[i - 1];
    const after = ordered[i + 1];
    const job = (o: string | undefined) => o !== undefined && kind.get(o) === 'occupation';
    if (job(before) || job(after)) out.push({ index: i, before, after });
  });
  return out;
}

/** `n` items spread evenly over `items` (all of them when there are fewer). */
export function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, k) => items[Math.floor((k * items.length) / n)]!);
}

const root = z.strictObject({ wnid: z.string().regex(/^n\d{8}$/), word: z.string(), synsets: z.number().int(), in21k: z.number().int() });
const neighbour = z.strictObject({ wnid: z.string(), word: z.string(), kind: z.enum(kinds) });

export default defineAggregate({
  name: 'imagenet-person-neighbours',
  description: 'ImageNet-21k person classes that are judgements (under WordNet branches such as "bad person") or occupations (under "worker" and "professional"), and the judgement classes that sit next to an occupation in ImageNet\'s wnid-ordered class list.',
  datasets: ['wordnet-person', 'imagenet-21k'],
  inputs: { synsets: synsetsInput },
  queries: { synsets: synsetsQuery },
  schema: z.strictObject({
    method: z.string(),
    judgmentRoots: z.array(root),
    occupationRoots: z.array(root),
    totals: z.strictObject({
      person21k: z.number().int(),
      judgment: z.number().int(),
      occupation: z.number().int(),
      both: z.number().int(),
      /** Judgement classes with an occupation class right before or after them. */
      judgmentBesideOccupation: z.number().int(),
      /** judgmentBesideOccupation / judgment. */
      besideShare: z.number().min(0).max(1),
    }),
    examples: z.array(z.strictObject({ before: neighbour.nullable(), judgment: z.strictObject({ wnid: z.string(), word: z.string(), gloss: z.string() }), after: neighbour.nullable() })),
  }),
  transform: ({ rows }) => {
    const g = personGraph(rows.synsets);
    for (const r of [...JUDGMENT_ROOTS, ...OCCUPATION_ROOTS]) if (!g.byOffset.has(r)) throw new Error(`root synset ${r} is not in the person subtree of synsets.csv`);
    const kind = classify(g, JUDGMENT_ROOTS, OCCUPATION_ROOTS);
    const in21k = rows.synsets.filter((r) => r.in21k).map((r) => r.offset).sort();
    const word = (o: string) => g.byOffset.get(o)!.words.split('|')[0]!;
    const count = (k: Kind) => in21k.filter((o) => kind.get(o) === k).length;
    const describe = (o: string) => {
      const set = descendants(g, o);
      return { wnid: `n${o}`, word: word(o), synsets: set.size, in21k: [...set].filter((x) => g.byOffset.get(x)!.in21k).length };
    };
    const beside = judgmentsBesideOccupations(in21k, kind);
    const judgment = count('judgment');
    const side = (o: string | undefined) => (o === undefined ? null : { wnid: `n${o}`, word: word(o), kind: kind.get(o)! });
    return {
      method: 'A class is a judgement when it sits under one of the listed WordNet branches whose names judge a person, and an occupation when it sits under "worker" or "professional" (a class under both is counted apart). Classes are the ImageNet-21k wnids in the person subtree, sorted by wnid here (the shipped wnid list is not in that order); a judgement sits next to an occupation when the class before or after it is an occupation.',
      judgmentRoots: JUDGMENT_ROOTS.map(describe),
      occupationRoots: OCCUPATION_ROOTS.map(describe),
      totals: {
        person21k: in21k.length,
        judgment,
        occupation: count('occupation'),
        both: count('both'),
        judgmentBesideOccupation: beside.length,
        besideShare: judgment ? beside.length / judgment : 0,
      },
      examples: spread(beside, EXAMPLES).map((b) => {
        const o = in21k[b.index]!;
        return { before: side(b.before), judgment: { wnid: `n${o}`, word: word(o), gloss: g.byOffset.get(o)!.gloss }, after: side(b.after) };
      }),
    };
  },
});
