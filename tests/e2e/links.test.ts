// Gate: every internal link, asset reference and #anchor in dist/ resolves.
import { expect, it } from 'vitest';
import { formatBrokenLinks } from '../../src/lib/quality/internal-links.ts';
import { checkLinks } from '../../scripts/check-links.ts';

it('every internal link and anchor in dist/ resolves', () => {
  const { pages, broken } = checkLinks('dist');
  expect(pages).toBeGreaterThan(0);
  expect(broken, `broken links:\n${formatBrokenLinks(broken)}`).toEqual([]);
});
