// Issue 16, defect 4: a see:set export's file `name` is joined to its
// collection's files/ folder. Names that climb out of it (even with the right
// sha256 of the target) or symlinks pointing out of it are refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthorError } from '../../src/lib/author-error.ts';
import { readCollections } from '../../src/loaders/seeset-files.ts';
import { sha256 } from '../../scripts/lib/hash.ts';

const FIXTURE = 'content/seeset/bring-your-own-seeset';
const VICTIM = 'train-00000.png';

describe('see:set file names stay inside files/', () => {
  let dir: string;
  let outside: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seeset-contain-'));
    cpSync(FIXTURE, join(dir, 'essay'), { recursive: true });
    outside = join(dir, 'outside.png');
    writeFileSync(outside, 'bytes the export must not reach');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const exportFile = () => join(dir, 'essay', 'collections', '2.json');
  function pointVictimAt(name: string, hash: string) {
    const data = JSON.parse(readFileSync(exportFile(), 'utf8')) as { data: { files: { name: string; sha256: string }[] }[] };
    const file = data.data.flatMap((item) => item.files).find((f) => f.name === VICTIM)!;
    file.name = name;
    file.sha256 = hash;
    writeFileSync(exportFile(), JSON.stringify(data, null, 2));
  }
  function refusal(): AuthorError {
    try {
      readCollections(join(dir, 'essay'));
    } catch (error) {
      if (error instanceof AuthorError) return error;
      throw error;
    }
    throw new Error('readCollections accepted a name outside files/');
  }

  it.each([
    ['climbing', (): string => '../../../../outside.png'],
    ['percent-encoded', (): string => '%2e%2e/%2e%2e/%2e%2e/%2e%2e/outside.png'],
    ['absolute', () => outside],
  ] as const)(
    'refuses a %s name even with the target\'s sha256',
    (_kind, name) => {
      pointVictimAt(name(), sha256(readFileSync(outside)));
      const error = refusal();
      expect(error.file).toMatch(/collections\/2\.json$/);
      expect(error.field).toBe('data[0].files[0].name');
      expect(error.message).toMatch(/must stay inside .*collections\/2\/files\//);
    },
  );

  it('refuses a file that is a symlink to outside the folder', () => {
    const victim = join(dir, 'essay', 'collections', '2', 'files', VICTIM);
    pointVictimAt(VICTIM, sha256(readFileSync(outside)));
    unlinkSync(victim);
    symlinkSync(outside, victim);
    expect(refusal().message).toMatch(/symlink to .*outside\.png, outside its folder/);
  });

  it('still reads the untouched fixture', () => {
    expect(readCollections(join(dir, 'essay')).get('2')!.items.length).toBeGreaterThan(0);
  });
});
