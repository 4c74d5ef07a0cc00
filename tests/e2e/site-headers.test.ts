// The build ships the one header list as dist/_headers, and the server the
// browser tests use sends the same headers.
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { netlifyHeadersFile, siteHeadersFor } from '../../src/lib/site-headers.ts';

describe('headers travel with the site', () => {
  it('dist/_headers is the generated file', () => {
    expect(readFileSync('dist/_headers', 'utf8')).toBe(netlifyHeadersFile());
  });

  it('the home page and a fingerprinted asset are served with the listed headers', async () => {
    const base = inject('baseUrl');
    const home = await fetch(`${base}/`);
    for (const [name, value] of Object.entries(siteHeadersFor('/'))) expect(home.headers.get(name)).toBe(value);
    const asset = /\/_astro\/[^"']+\.css/.exec(await home.text())?.[0];
    expect(asset, 'the home page links a stylesheet under /_astro/').toBeDefined();
    expect((await fetch(`${base}${asset}`)).headers.get('cache-control')).toBe(siteHeadersFor(asset!)['cache-control']);
  });
});
