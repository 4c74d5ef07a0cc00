// The exclusion-list format: one sha256 per line, "#" starts a comment. Pure,
// so the image script (scripts/images/exclude-list.ts) and the see:set loader
// (which runs inside the Astro config, without scripts/) share one parser.
import { AuthorError } from '../author-error.ts';

export function parseExcludeList(text: string, file: string): Set<string> {
  const hashes = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    if (!/^[0-9a-f]{64}$/.test(line)) {
      throw new AuthorError(`"${line}" is not a sha256 hash`, { file, line: i + 1, hint: 'write one 64-digit lowercase hex sha256 per line (sha256sum prints it); comments start with #' });
    }
    hashes.add(line);
  });
  return hashes;
}
