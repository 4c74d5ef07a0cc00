// Reads a dataset's exclusion list (content/datasets/<id>/exclude-sha256.txt):
// one sha256 per line, "#" starts a comment. Items whose file hash is listed
// are dropped before any image is made, so they never reach dist/.
import { existsSync, readFileSync } from 'node:fs';
import { parseExcludeList } from '../../src/lib/images/exclude-list.ts';

export function readExcludeList(file: string): Set<string> {
  return existsSync(file) ? parseExcludeList(readFileSync(file, 'utf8'), file) : new Set();
}
