// How many ImageNet classes are kinds of people: the ImageNet-21k wnid list
// joined with WordNet's person subtree, counted here rather than typed in.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { descendants, instancesInput, instancesQuery, PERSON, personGraph, synsetsInput, synsetsQuery } from './shared/wordnet-person.ts';

export const ILSVRC_CLASSES = 1000;

const klass = z.strictObject({ wnid: z.string().regex(/^n\d{8}$/), words: z.array(z.string()), gloss: z.string() });

export default defineAggregate({
  name: 'imagenet-person',
  description: 'ImageNet-21k and ILSVRC-2012 (1k) classes inside WordNet\'s person subtree (categories and named instances), counted from the wnid list, with the 1k person classes and the largest person branches in 21k.',
  datasets: ['imagenet-21k', 'wordnet-person'],
  inputs: {
    synsets: synsetsInput,
    instances: instancesInput,
    wnids: { kind: 'text', from: { dataset: 'imagenet-21k', path: 'wnids.txt' } },
  },
  queries: { synsets: synsetsQuery, instances: instancesQuery },
  schema: z.strictObject({
    imagenet21k: z.strictObject({
      classes: z.number().int(),
      /** Classes anywhere under person: categories and named instances. */
      person: z.number().int(),
      personCategories: z.number().int(),
      personInstances: z.array(klass.omit({ gloss: true })),
      personShare: z.number(),
    }),
    ilsvrc1k: z.strictObject({ classes: z.number().int(), person: z.number().int(), personClasses: z.array(klass) }),
    /** Person classes of 21k under each child of person (a class may sit under two branches). */
    branches: z.array(z.strictObject({ wnid: z.string(), word: z.string(), in21k: z.number().int() })),
  }),
  transform: ({ rows, files }) => {
    const wnids = files.wnids.split('\n').map((l) => l.trim()).filter(Boolean);
    const bad = wnids.find((w) => !/^n\d{8}$/.test(w));
    if (bad) throw new Error(`wnids.txt line "${bad}" is not a wnid like n00007846`);
    if (wnids.length < ILSVRC_CLASSES) throw new Error(`wnids.txt has ${wnids.length} lines, fewer than the ${ILSVRC_CLASSES} ILSVRC classes it starts with`);
    const in21k = new Set(wnids);
    const in1k = new Set(wnids.slice(0, ILSVRC_CLASSES));
    const g = personGraph(rows.synsets);
    const person = rows.synsets.filter((r) => in21k.has(`n${r.offset}`));
    const instances = rows.instances.filter((r) => in21k.has(`n${r.offset}`));
    // The committed flags must agree with the list: stale files are an error, not a silent drift.
    const drift = [...rows.synsets, ...rows.instances].find((r) => r.in21k !== in21k.has(`n${r.offset}`) || r.in1k !== in1k.has(`n${r.offset}`));
    if (drift) throw new Error(`wordnet-person flags for ${drift.offset} disagree with wnids.txt: rerun scripts/sources/wordnet-person.ts`);
    const all = person.length + instances.length;
    return {
      imagenet21k: {
        classes: wnids.length,
        person: all,
        personCategories: person.length,
        personInstances: instances.map((r) => ({ wnid: `n${r.offset}`, words: r.words.split('|') })),
        personShare: all / wnids.length,
      },
      ilsvrc1k: {
        classes: ILSVRC_CLASSES,
        person: person.filter((r) => in1k.has(`n${r.offset}`)).length + instances.filter((r) => in1k.has(`n${r.offset}`)).length,
        personClasses: person.filter((r) => in1k.has(`n${r.offset}`)).map((r) => ({ wnid: `n${r.offset}`, words: r.words.split('|'), gloss: r.gloss })),
      },
      branches: g.children.get(PERSON)!
        .map((c) => {
          let n = 0;
          for (const o of descendants(g, c)) if (in21k.has(`n${o}`)) n++;
          return { wnid: `n${c}`, word: g.byOffset.get(c)!.words.split('|')[0]!, in21k: n };
        })
        .filter((b) => b.in21k > 0)
        .sort((a, b) => b.in21k - a.in21k || a.word.localeCompare(b.word)),
    };
  },
});
