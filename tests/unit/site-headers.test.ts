// The one header list (src/lib/site-headers.ts) and what is generated from
// it agree: the _headers file, the nginx and Caddy examples in docs/deploy.md.
// (serve.ts sending the list: tests/unit/serve.test.ts; the built
// dist/_headers: tests/e2e/site-headers.test.ts.)
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CACHE_RULES, caddySnippet, cacheControlFor, deployDoc, netlifyHeadersFile, nginxSnippet, SECURITY_HEADERS } from '../../src/lib/site-headers.ts';

/** `_headers` parsed into pattern -> header lines. */
function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const blocks = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) blocks.set(line.trim(), (current = new Map()));
    else {
      const [name, ...value] = line.trim().split(':');
      current!.set(name!.toLowerCase(), value.join(':').trim());
    }
  }
  return blocks;
}

describe('site headers', () => {
  it('_headers carries every security header for every path and the immutable rules', () => {
    const blocks = parseHeadersFile(netlifyHeadersFile());
    expect(Object.fromEntries(blocks.get('/*')!)).toEqual(SECURITY_HEADERS);
    for (const rule of CACHE_RULES.filter((r) => r.prefix !== '/')) {
      expect(blocks.get(`${rule.prefix}*`)?.get('cache-control')).toBe(rule.cacheControl);
    }
  });

  it('the nginx and Caddy examples carry every header and cache rule', () => {
    for (const snippet of [nginxSnippet(), caddySnippet()]) {
      for (const value of [...Object.values(SECURITY_HEADERS), ...CACHE_RULES.map((r) => r.cacheControl)]) expect(snippet).toContain(`"${value}"`);
    }
    // nginx forgets inherited add_header lines in a location with its own: each repeats them all.
    const locations = nginxSnippet().split('location ').slice(1);
    expect(locations).toHaveLength(CACHE_RULES.length);
    for (const block of locations) for (const value of Object.values(SECURITY_HEADERS)) expect(block).toContain(value);
  });

  it('docs/deploy.md shows the snippets generated from the list (npm run docs:deploy)', () => {
    const doc = readFileSync('docs/deploy.md', 'utf8');
    expect(deployDoc(doc)).toBe(doc);
    expect(doc).toContain(nginxSnippet());
    expect(doc).toContain(caddySnippet());
  });

  it('caches only fingerprinted paths for long', () => {
    expect(cacheControlFor('/_astro/x.1234.js')).toMatch(/immutable/);
    expect(cacheControlFor('/generated/digits/a.png')).toMatch(/immutable/);
    expect(cacheControlFor('/a-taxonomy-of-people/')).toBe('no-cache');
    expect(cacheControlFor('/_astronomy/')).toBe('no-cache');
  });
});
