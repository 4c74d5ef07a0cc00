// WordNet 3.0's person subtree as a tree with counts: how many categories sit
// under each branch, how many of them became ImageNet-21k classes, and how
// deep the hierarchy goes. Small branches are folded into a "rest" count.
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { LEXNAMES } from '../../src/lib/wordnet.ts';
import { descendants, instancesInput, instancesQuery, PERSON, personGraph, synsetsInput, synsetsQuery, type PersonGraph } from './shared/wordnet-person.ts';

/** Branches with fewer synsets than this are folded into their parent's rest. */
export const MIN_BRANCH = 40;

interface TreeNode {
  wnid: string;
  word: string;
  depth: number;
  /** Synsets in this branch, itself included, each counted once. */
  synsets: number;
  /** Of those, how many are ImageNet-21k classes. */
  in21k: number;
  children: TreeNode[];
  /** Folded children: their number and their totals (overlaps possible through multiple parents). */
  rest: { branches: number; synsets: number; in21k: number };
}

const node: z.ZodType<TreeNode> = z.lazy(() =>
  z.strictObject({
    wnid: z.string().regex(/^n\d{8}$/),
    word: z.string(),
    depth: z.number().int().nonnegative(),
    synsets: z.number().int().positive(),
    in21k: z.number().int().nonnegative(),
    children: z.array(node),
    rest: z.strictObject({ branches: z.number().int(), synsets: z.number().int(), in21k: z.number().int() }),
  }),
);

const countIn21k = (g: PersonGraph, set: Set<string>) => {
  let n = 0;
  for (const o of set) if (g.byOffset.get(o)!.in21k) n++;
  return n;
};

/** The branch below `offset`; each synset sits under its shallowest parent, small branches are folded. */
export function buildTree(g: PersonGraph, offset: string, minBranch: number, depth = 0): TreeNode {
  const set = descendants(g, offset);
  const children: TreeNode[] = [];
  const rest = { branches: 0, synsets: 0, in21k: 0 };
  for (const c of g.children.get(offset)!) {
    if (g.depth.get(c) !== depth + 1) continue;
    const sub = descendants(g, c);
    if (sub.size >= minBranch) children.push(buildTree(g, c, minBranch, depth + 1));
    else {
      rest.branches++;
      rest.synsets += sub.size;
      rest.in21k += countIn21k(g, sub);
    }
  }
  children.sort((a, b) => b.synsets - a.synsets || a.word.localeCompare(b.word));
  return { wnid: `n${offset}`, word: g.byOffset.get(offset)!.words.split('|')[0]!, depth, synsets: set.size, in21k: countIn21k(g, set), children, rest };
}

export default defineAggregate({
  name: 'wordnet-person-tree',
  description: "WordNet 3.0's person subtree (synset 00007846): category synsets, named instances, and ImageNet-21k classes per branch, per depth and per lexicographer file, with branches under 40 synsets folded.",
  datasets: ['wordnet-person', 'imagenet-21k'],
  inputs: { synsets: synsetsInput, instances: instancesInput },
  queries: { synsets: synsetsQuery, instances: instancesQuery },
  schema: z.strictObject({
    totals: z.strictObject({
      /** Category synsets under person, person itself included. */
      synsets: z.number().int(),
      /** Named instances (particular people) below those categories, each counted once. */
      instances: z.number().int(),
      /** Category synsets that are ImageNet-21k classes. */
      in21k: z.number().int(),
      /** Named instances that are ImageNet-21k classes. */
      instancesIn21k: z.number().int(),
      in1k: z.number().int(),
      maxDepth: z.number().int(),
      /** Synsets with more than one parent inside the subtree. */
      multipleParents: z.number().int(),
    }),
    byDepth: z.array(z.strictObject({ depth: z.number().int(), synsets: z.number().int(), in21k: z.number().int() })),
    byLexfile: z.array(z.strictObject({ lexfile: z.string(), synsets: z.number().int() })),
    tree: node,
  }),
  transform: ({ rows }) => {
    const g = personGraph(rows.synsets);
    const maxDepth = Math.max(...g.depth.values());
    const byDepth = Array.from({ length: maxDepth + 1 }, (_, depth) => ({ depth, synsets: 0, in21k: 0 }));
    const lex = new Map<string, number>();
    for (const r of rows.synsets) {
      const d = byDepth[g.depth.get(r.offset)!]!;
      d.synsets++;
      if (r.in21k) d.in21k++;
      const name = LEXNAMES[r.lexfile] ?? String(r.lexfile);
      lex.set(name, (lex.get(name) ?? 0) + 1);
    }
    return {
      totals: {
        synsets: rows.synsets.length,
        instances: rows.instances.length,
        in21k: rows.synsets.filter((r) => r.in21k).length,
        instancesIn21k: rows.instances.filter((r) => r.in21k).length,
        in1k: rows.synsets.filter((r) => r.in1k).length,
        maxDepth,
        multipleParents: rows.synsets.filter((r) => r.parents.includes('|')).length,
      },
      byDepth,
      byLexfile: [...lex].map(([lexfile, synsets]) => ({ lexfile, synsets })).sort((a, b) => b.synsets - a.synsets),
      tree: buildTree(g, PERSON, MIN_BRANCH),
    };
  },
});
