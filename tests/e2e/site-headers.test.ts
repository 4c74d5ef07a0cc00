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
    // The home page's CSS is all inline (critical CSS); its covers are under /_astro/.
    const asset = /\/_astro\/[^"'\s,]+\.(?:css|js|png|webp|avif|jpg)/.exec(await home.text())?.[0];
    expect(asset, 'the home page links a file under /_astro/').toBeDefined();
    expect((await fetch(`${base}${asset}`)).headers.get('cache-control')).toBe(siteHeadersFor(asset!)['cache-control']);
  });
});
