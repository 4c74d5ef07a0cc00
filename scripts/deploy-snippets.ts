// `npm run docs:deploy`: rewrites the nginx and Caddy examples in
// docs/deploy.md from src/lib/site-headers.ts (the one header list), between
// the `<!-- generated:nginx -->` / `<!-- generated:caddy -->` markers.
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './lib/atomic-write.ts';
import { deployDoc } from '../src/lib/site-headers.ts';

const file = 'docs/deploy.md';
const before = readFileSync(file, 'utf8');
const after = deployDoc(before);
if (after !== before) writeFileAtomic(file, after);
console.log(after === before ? `${file} is up to date` : `${file} updated from src/lib/site-headers.ts`);
