// The shared content hashing of the build scripts (scripts/lib/hash.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileHasher, sha256 } from '../../scripts/lib/hash.ts';

describe('sha256', () => {
  it('hashes text as UTF-8 and bytes as they are (known vectors)', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256(Uint8Array.from([0x61, 0x62, 0x63]))).toBe(sha256('abc'));
    expect(sha256('é')).toBe(sha256(Uint8Array.from([0xc3, 0xa9])));
  });
});

describe('FileHasher', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hash-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('remembers a hash by size and mtime across runs, and saves its store atomically', async () => {
    const file = join(dir, 'input.csv');
    const store = join(dir, 'cache/file-hashes.json');
    writeFileSync(file, 'a,b\n1,2\n');
    const first = new FileHasher(store);
    expect(await first.hash(file)).toBe(sha256('a,b\n1,2\n'));
    await first.save();
    expect(readdirSync(join(dir, 'cache'))).toEqual(['file-hashes.json']);
    expect(JSON.parse(readFileSync(store, 'utf8'))[file].sha256).toBe(sha256('a,b\n1,2\n'));

    // Same size and mtime: the remembered hash is used, the file is not read.
    const mtime = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, mtime, mtime);
    const second = new FileHasher(store);
    expect(await second.hash(file)).toBe(sha256('a,b\n1,2\n'));
    await second.save();
    writeFileSync(file, 'a,b\n9,9\n'); // same size, new content
    utimesSync(file, mtime, mtime);
    expect(await new FileHasher(store).hash(file)).toBe(sha256('a,b\n1,2\n'));
    // A new mtime: hashed again.
    utimesSync(file, new Date(), new Date());
    expect(await new FileHasher(store).hash(file)).toBe(sha256('a,b\n9,9\n'));
  });

  it('starts empty from a damaged store', async () => {
    const store = join(dir, 'file-hashes.json');
    writeFileSync(store, '{not json');
    const file = join(dir, 'x.txt');
    writeFileSync(file, 'x');
    expect(await new FileHasher(store).hash(file)).toBe(sha256('x'));
  });
});
