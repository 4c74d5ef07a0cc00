// Reads a dataset's exclusion list (content/datasets/<id>/exclude-sha256.txt):
// one sha256 per line, "#" starts a comment. Items whose file hash is listed
// are dropped before any image is made, so they never reach dist/.
import { existsSync, readFileSync } from 'node:fs';
import { AuthorError } from '../../src/lib/author-error.ts';

export function readExcludeList(file: string): Set<string> {
  const hashes = new Set<string>();
  if (!existsSync(file)) return hashes;
  readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    if (!/^[0-9a-f]{64}$/.test(line)) {
      throw new AuthorError(`"${line}" is not a sha256 hash`, { file, line: i + 1, hint: 'write one 64-digit lowercase hex sha256 per line (sha256sum prints it); comments start with #' });
    }
    hashes.add(line);
  });
  return hashes;
}
