// Regenerates the committed files of content/datasets/wordnet-person/ and
// content/datasets/imagenet-21k/ from two Debian packages. The site builds
// from the committed files; run this only to update them (needs apt-get):
//
//   node_modules/.bin/node scripts/sources/wordnet-person.ts            # downloads the .debs (apt-get download)
//   node_modules/.bin/node scripts/sources/wordnet-person.ts --from DIR # uses .debs already unpacked with dpkg -x into DIR
//
// Packages: wordnet-base (WordNet 3.0: /usr/share/wordnet/data.noun) and
// darknet (data files only: /usr/share/darknet/data/imagenet.labels.list).
// Nothing is installed: the .deb files are unpacked into a temp dir.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hyponymClosure, parseDataNoun } from '../../src/lib/wordnet.ts';

export const PERSON = '00007846';
const GLOSS_MAX = 80;

function unpackDebs(): { dir: string; versions: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'wordnet-person-'));
  execFileSync('apt-get', ['download', 'wordnet-base', 'darknet'], { cwd: dir, stdio: 'inherit' });
  const versions: Record<string, string> = {};
  for (const deb of readdirSync(dir).filter((f) => f.endsWith('.deb'))) {
    execFileSync('dpkg', ['-x', deb, join(dir, 'root')], { cwd: dir });
    const [name, version] = execFileSync('dpkg-deb', ['-f', deb, 'Package', 'Version'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').map((l) => l.split(': ')[1]!);
    versions[name!] = version!;
  }
  return { dir: join(dir, 'root'), versions };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

function trimGloss(gloss: string): string {
  const definition = gloss.split(/;\s*"/)[0]!.trim(); // drop the quoted examples
  return definition.length <= GLOSS_MAX ? definition : `${definition.slice(0, GLOSS_MAX - 1).replace(/\s+\S*$/, '')}…`;
}

const fromArg = process.argv.indexOf('--from');
const { dir, versions } = fromArg > 0 ? { dir: process.argv[fromArg + 1]!, versions: {} } : unpackDebs();
const synsets = parseDataNoun(readFileSync(join(dir, 'usr/share/wordnet/data.noun'), 'utf8'));
const wnids = readFileSync(join(dir, 'usr/share/darknet/data/imagenet.labels.list'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const in21k = new Set(wnids);
const in1k = new Set(wnids.slice(0, 1000));
const subtree = hyponymClosure(synsets, PERSON);
const members = new Set(subtree);

// Named instances (particular people) hang off categories by ~i links, and a
// few have instances or hyponyms of their own: collect everything below.
const instances = new Set<string>();
const queue = subtree.flatMap((o) => synsets.get(o)!.instances);
while (queue.length) {
  const o = queue.shift()!;
  if (members.has(o) || instances.has(o)) continue;
  instances.add(o);
  const s = synsets.get(o)!;
  queue.push(...s.instances, ...s.hyponyms);
}
const everything = new Set([...members, ...instances]);
const flag = (offset: string) => [in21k.has(`n${offset}`) ? 1 : 0, in1k.has(`n${offset}`) ? 1 : 0];

const rows = subtree.map((offset) => {
  const s = synsets.get(offset)!;
  return [offset, s.lexfile, s.words.join('|'), trimGloss(s.gloss), s.hypernyms.filter((h) => members.has(h)).join('|'), ...flag(offset)].map(csvCell).join(',');
});
writeFileSync('content/datasets/wordnet-person/synsets.csv', `offset,lexfile,words,gloss,parents,in21k,in1k\n${rows.join('\n')}\n`);
const instanceRows = [...instances].sort().map((offset) => {
  const s = synsets.get(offset)!;
  return [offset, s.words.join('|'), [...s.instanceHypernyms, ...s.hypernyms].filter((h) => everything.has(h)).join('|'), ...flag(offset)].map(csvCell).join(',');
});
writeFileSync('content/datasets/wordnet-person/instances.csv', `offset,words,parents,in21k,in1k\n${instanceRows.join('\n')}\n`);
writeFileSync('content/datasets/imagenet-21k/wnids.txt', `${wnids.join('\n')}\n`);
console.log(`wordnet-person: ${subtree.length} category synsets and ${instances.size} instances under ${PERSON}; imagenet-21k: ${wnids.length} wnids. Package versions: ${JSON.stringify(versions)}`);
console.log('Update source.package in both datasheets if a version changed.');
