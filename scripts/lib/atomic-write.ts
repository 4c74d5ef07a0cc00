// The writer lives in src/lib (the site's integrations use it too); scripts keep this path.
export { writeFileAtomic } from '../../src/lib/atomic-write.ts';
