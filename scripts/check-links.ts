// Gate: every internal link, asset reference and #anchor in dist/ resolves.
// `npm run check:links` (after `npm run build`); exits 1 and lists what is broken.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractReferences, findBrokenLinks, formatBrokenLinks, type BrokenLink } from '../src/lib/quality/internal-links.ts';
import { builtSiteOrigin, listBuiltFiles } from './quality/built-files.ts';

export function checkLinks(root = 'dist'): { pages: number; broken: BrokenLink[] } {
  const files = listBuiltFiles(root);
  const pages = new Map(
    files.filter((f) => f.endsWith('.html')).map((f) => [f, extractReferences(readFileSync(join(root, f), 'utf8'))] as const),
  );
  const broken = findBrokenLinks({ files: new Set(files), pages, siteOrigin: builtSiteOrigin(root) });
  return { pages: pages.size, broken };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { pages, broken } = checkLinks(process.argv[2] ?? 'dist');
  if (broken.length) {
    console.error(`${broken.length} broken internal link(s) in ${pages} page(s):\n${formatBrokenLinks(broken)}`);
    process.exit(1);
  }
  console.log(`links: ${pages} page(s), every internal link and anchor resolves`);
}
