import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers (issue 18, item 5): src/lib is plain logic under the components;
// the site (lib, loaders, components, pages) never reaches into scripts/.
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const abs = join(dir, entry);
    return statSync(abs).isDirectory() ? files(abs) : /\.(ts|astro|svelte)$/.test(entry) ? [abs] : [];
  });

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);

const offenders = (dirs: string[], bad: RegExp) =>
  dirs.flatMap(files).flatMap((file) => importsOf(file).filter((spec) => bad.test(spec)).map((spec) => `${file} imports ${spec}`));

describe('layering', () => {
  it('src/lib imports no component', () => {
    expect(offenders(['src/lib'], /\/components\/|\.astro$|\.svelte$/)).toEqual([]);
  });

  it('lib, loaders, integrations, components and pages import nothing from scripts/', () => {
    expect(offenders(['src/lib', 'src/loaders', 'src/integrations', 'src/components', 'src/pages'], /(^|\/)scripts\//)).toEqual([]);
  });

  it('finds an import it should refuse (the check can fail)', () => {
    expect(importsOf('tests/unit/layering.test.ts')).toContain('node:fs');
    expect(/(^|\/)scripts\//.test('../../scripts/lib/hash.ts')).toBe(true);
  });
});
