// Reading WordNet 3.0's data.noun: synset records, and the subtree below a
// synset following hyponym links. Pure: text in, records out.

export interface NounSynset {
  /** 8-digit byte offset: the synset's id in WordNet 3.0 (ImageNet's wnid is "n" + offset). */
  offset: string;
  /** Lexicographer file number (see LEXNAMES). */
  lexfile: number;
  words: string[];
  gloss: string;
  /** Hypernyms (@) and instance hypernyms (@i). */
  hypernyms: string[];
  instanceHypernyms: string[];
  /** Hyponyms (~) and instance hyponyms (~i). */
  hyponyms: string[];
  instances: string[];
}

/** Lexicographer file names by number, from WordNet's lexnames(5WN). */
export const LEXNAMES = [
  'adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal', 'noun.artifact', 'noun.attribute',
  'noun.body', 'noun.cognition', 'noun.communication', 'noun.event', 'noun.feeling', 'noun.food', 'noun.group',
  'noun.location', 'noun.motive', 'noun.object', 'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession',
  'noun.process', 'noun.quantity', 'noun.relation', 'noun.shape', 'noun.state', 'noun.substance', 'noun.time',
  'verb.body', 'verb.change', 'verb.cognition', 'verb.communication', 'verb.competition', 'verb.consumption',
  'verb.contact', 'verb.creation', 'verb.emotion', 'verb.motion', 'verb.perception', 'verb.possession',
  'verb.social', 'verb.stative', 'verb.weather', 'adj.ppl',
] as const;

/** Parses one data.noun record line (not the licence lines, which start with two spaces). */
export function parseNounRecord(line: string): NounSynset {
  const bar = line.indexOf(' | ');
  const head = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
  const gloss = bar >= 0 ? line.slice(bar + 3).trim() : '';
  const offset = head[0]!;
  if (!/^\d{8}$/.test(offset)) throw new Error(`not a data.noun record: "${line.slice(0, 40)}"`);
  const lexfile = Number(head[1]);
  const wordCount = parseInt(head[3]!, 16);
  const words: string[] = [];
  let i = 4;
  for (let w = 0; w < wordCount; w++, i += 2) words.push(head[i]!.replace(/_/g, ' ').replace(/\([a-z]+\)$/, ''));
  const pointerCount = Number(head[i]);
  i++;
  const s: NounSynset = { offset, lexfile, words, gloss, hypernyms: [], instanceHypernyms: [], hyponyms: [], instances: [] };
  for (let p = 0; p < pointerCount; p++, i += 4) {
    const [symbol, target, pos] = [head[i]!, head[i + 1]!, head[i + 2]!];
    if (pos !== 'n') continue;
    if (symbol === '@') s.hypernyms.push(target);
    else if (symbol === '@i') s.instanceHypernyms.push(target);
    else if (symbol === '~') s.hyponyms.push(target);
    else if (symbol === '~i') s.instances.push(target);
  }
  return s;
}

export function parseDataNoun(text: string): Map<string, NounSynset> {
  const out = new Map<string, NounSynset>();
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith('  ')) continue;
    const s = parseNounRecord(line);
    out.set(s.offset, s);
  }
  return out;
}

/** The root and every synset reachable by hyponym (~) links, breadth first. */
export function hyponymClosure(synsets: ReadonlyMap<string, NounSynset>, root: string): string[] {
  if (!synsets.has(root)) throw new Error(`synset ${root} not found`);
  const seen = new Set([root]);
  const queue = [root];
  for (let q = 0; q < queue.length; q++) {
    for (const child of synsets.get(queue[q]!)!.hyponyms) {
      if (!seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return queue;
}
