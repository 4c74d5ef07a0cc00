// Files components make at render time get content-hashed URLs.
import { describe, expect, it } from 'vitest';
import { buildFileRegistry, registerBuildFile } from '../../src/lib/build-files.ts';

describe('registerBuildFile', () => {
  it('names a file by its content, stores it once and returns its root-relative URL', () => {
    const a = registerBuildFile('/generated/test/', 'png', new Uint8Array([1, 2, 3]));
    expect(a).toMatch(/^\/generated\/test\/[\w-]{16}\.png$/);
    expect(registerBuildFile('generated/test', 'png', new Uint8Array([1, 2, 3]))).toBe(a);
    const b = registerBuildFile('generated/test', 'png', new Uint8Array([1, 2, 4]));
    expect(b).not.toBe(a);
    expect([...buildFileRegistry().get(a.slice(1))!]).toEqual([1, 2, 3]);
  });

  it('puts an optional name before the hash', () => {
    expect(registerBuildFile('generated/grids', 'json', new Uint8Array([1, 2, 3]), 'MNIST all')).toMatch(/^\/generated\/grids\/mnist-all\.[0-9a-f]{16}\.json$/);
  });
});
