// The last step of `npm run build` (scripts/site.ts): its summary counts and
// what it prints when the build fails.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuthorError } from '../../src/lib/author-error.ts';
import { failureText, siteArgs, siteSize } from '../../scripts/site.ts';

describe('scripts/site.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'site-step-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the pages (.html files, nested) and every byte under dist/', () => {
    mkdirSync(join(dir, 'a/b'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), 'x'.repeat(10));
    writeFileSync(join(dir, 'a/b/index.html'), 'x'.repeat(20));
    writeFileSync(join(dir, 'a/style.css'), 'x'.repeat(5));
    expect(siteSize(dir)).toEqual({ pages: 2, bytes: 35 });
  });

  it("prints an author's error alone, with its fix, and a bug with its stack", () => {
    const author = new AuthorError('the excerpt is missing', { file: 'content/essays/x/index.mdx', line: 1, field: 'excerpt', hint: 'write one' });
    expect(failureText(author)).toBe('content/essays/x/index.mdx:1: excerpt: the excerpt is missing\n  fix: write one');
    const bug = new TypeError('cannot read properties of undefined');
    expect(failureText(bug)).toContain('\n    at ');
  });

  it('passes --outDir and --force on to Astro (the determinism gate builds a second copy elsewhere)', () => {
    expect(siteArgs([])).toEqual({ outDir: 'dist', force: false, verbose: false });
    expect(siteArgs(['--outDir', '/tmp/x/dist', '--force'])).toEqual({ outDir: '/tmp/x/dist', force: true, verbose: false });
    expect(siteArgs(['--outDir=out', '--verbose'])).toEqual({ outDir: 'out', force: false, verbose: true });
    expect(() => siteArgs(['--outDir'])).toThrow(/--outDir needs a folder/);
    expect(() => siteArgs(['--outdir', 'x'])).toThrow(/unknown flag --outdir[\s\S]*fix:/);
  });
});
