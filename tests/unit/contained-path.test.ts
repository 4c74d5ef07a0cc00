// A traversal corpus against containedPath: every way out of the root is
// refused with the author's file, line and field; names inside are accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { containedPath, referenceProblem } from '../../src/lib/contained-path.ts';
import { AuthorError } from '../../src/lib/author-error.ts';

const SITE = { file: 'content/seeset/x/collections/c.json', line: 7, field: 'data[0].files[0]' };

describe('containedPath', () => {
  let base: string;
  let root: string;
  beforeAll(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'contained-')));
    root = join(base, 'files');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'a.png'), 'inside');
    writeFileSync(join(root, 'sub', 'b.png'), 'inside');
    writeFileSync(join(base, 'secret.txt'), 'outside');
    symlinkSync(join(base, 'secret.txt'), join(root, 'link-out.png'));
    symlinkSync(base, join(root, 'dir-out'));
    symlinkSync(join(root, 'a.png'), join(root, 'link-in.png'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('accepts names inside the root, resolving symlinks that stay inside', () => {
    expect(containedPath(root, 'a.png', SITE)).toBe(join(root, 'a.png'));
    expect(containedPath(root, 'sub/b.png', SITE)).toBe(join(root, 'sub', 'b.png'));
    expect(containedPath(root, './a.png', SITE)).toBe(join(root, 'a.png'));
    expect(containedPath(root, 'link-in.png', SITE)).toBe(join(root, 'a.png'));
    expect(containedPath(root, 'not-there.png', SITE)).toBe(join(root, 'not-there.png'));
    // A literal % in a name that is not an escape is only a character.
    expect(containedPath(root, '100%.png', SITE)).toBe(join(root, '100%.png'));
  });

  const CORPUS = [
    '../secret.txt',
    '../../../../../etc/passwd',
    'sub/../../secret.txt',
    '/etc/passwd',
    '%2e%2e/secret.txt',
    '%2E%2E%2Fsecret.txt',
    '..%2fsecret.txt',
    '..\\secret.txt',
    'C:\\Windows\\win.ini',
    '\\\\server\\share',
    'a.png\0.jpg',
    '%00',
    '',
    'link-out.png',
    'dir-out/secret.txt',
  ];
  it.each(CORPUS)('refuses %j with the file, line, field and a fix', (reference) => {
    let error: unknown;
    try {
      containedPath(root, reference, SITE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AuthorError);
    const message = (error as AuthorError).message;
    expect(message).toContain('content/seeset/x/collections/c.json:7: data[0].files[0]:');
    expect(message).toContain('must stay inside');
    expect(message).toContain('fix:');
  });

  it('says why on the text alone', () => {
    expect(referenceProblem('../x')).toMatch(/\.\./);
    expect(referenceProblem('/x')).toMatch(/absolute/);
    expect(referenceProblem('x/y.png')).toBeUndefined();
  });
});
