// The HTTP headers the site is served with, in one list: scripts/serve.ts
// sends them, the build writes them as dist/_headers (Netlify / Cloudflare
// Pages), and docs/deploy.md shows the nginx and Caddy equivalents made from
// the same list. The page CSP itself travels inside each page (<meta>, with
// per-page hashes), so it works on any host.

/** Sent with every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'cross-origin-opener-policy': 'same-origin',
};

export interface CacheRule {
  /** URL path prefix ending in `/`, or `/` for everything else. */
  prefix: string;
  cacheControl: string;
  why: string;
}

/** First match wins; the last rule is the catch-all. */
export const CACHE_RULES: readonly CacheRule[] = [
  { prefix: '/_astro/', cacheControl: 'public, max-age=31536000, immutable', why: 'Astro names these files after a hash of their content' },
  { prefix: '/generated/', cacheControl: 'public, max-age=31536000, immutable', why: 'build-time files named after a hash of their content (src/lib/build-files.ts)' },
  { prefix: '/', cacheControl: 'no-cache', why: 'HTML and files with stable names: revalidate on every visit' },
];

export function cacheControlFor(urlPath: string): string {
  return (CACHE_RULES.find((rule) => urlPath.startsWith(rule.prefix)) ?? CACHE_RULES.at(-1)!).cacheControl;
}

/** Every header a response for `urlPath` carries (lower-case names). */
export function siteHeadersFor(urlPath: string): Record<string, string> {
  return { ...SECURITY_HEADERS, 'cache-control': cacheControlFor(urlPath) };
}

const headerName = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

const fingerprinted = () => CACHE_RULES.filter((rule) => rule.prefix !== '/');
const catchAll = () => CACHE_RULES.find((rule) => rule.prefix === '/')!;

/**
 * dist/_headers in the Netlify / Cloudflare Pages format. Those hosts join the
 * values of every block that matches, so the catch-all block leaves
 * Cache-Control to the host, whose default already revalidates.
 */
export function netlifyHeadersFile(): string {
  const block = (pattern: string, headers: Record<string, string>) =>
    [pattern, ...Object.entries(headers).map(([name, value]) => `  ${headerName(name)}: ${value}`)].join('\n');
  const specific = fingerprinted().map((rule) => block(`${rule.prefix}*`, { 'cache-control': rule.cacheControl }));
  const note = `# Written by the build from src/lib/site-headers.ts; everything else: the host's default (${catchAll().cacheControl} or equivalent).`;
  return `${[note, block('/*', { ...SECURITY_HEADERS }), ...specific].join('\n\n')}\n`;
}

/** An nginx `server {}` excerpt with the same headers and cache rules. */
export function nginxSnippet(): string {
  // nginx drops inherited add_header lines in a location that has its own,
  // so every location repeats the security headers.
  const adds = (urlPath: string) =>
    Object.entries(siteHeadersFor(urlPath)).map(([name, value]) => `    add_header ${headerName(name)} "${value}" always;`);
  const locations = CACHE_RULES.map((rule) => [`  location ${rule.prefix} {`, ...adds(rule.prefix), '    try_files $uri $uri/ =404;', '  }'].join('\n'));
  return ['root /srv/dataset-essays/dist;', 'error_page 404 /404.html;', 'gzip_static on;  # serves the .gz files next to the originals, if present', ...locations]
    .join('\n')
    .replace(/^(?!  )/gm, '  ')
    .replace(/^/, 'server {\n')
    .concat('\n}\n');
}

/** A Caddyfile site block with the same headers and cache rules. */
export function caddySnippet(): string {
  const security = Object.entries(SECURITY_HEADERS).map(([name, value]) => `    ${headerName(name)} "${value}"`);
  const prefixes = fingerprinted().map((rule) => `${rule.prefix}*`);
  const cache = [
    ...fingerprinted().map((rule, i) => `  @cache${i} path ${rule.prefix}*\n  header @cache${i} Cache-Control "${rule.cacheControl}"`),
    `  @revalidate not path ${prefixes.join(' ')}\n  header @revalidate Cache-Control "${catchAll().cacheControl}"`,
  ];
  return [
    'dataset-essays.example.org {',
    '  root * /srv/dataset-essays/dist',
    '  encode zstd gzip',
    '  file_server {',
    '    precompressed br gzip',
    '  }',
    '  handle_errors {',
    '    rewrite * /404.html',
    '    file_server',
    '  }',
    '  header {',
    ...security,
    '  }',
    ...cache,
    '}',
    '',
  ].join('\n');
}

/** `doc` with the text between each `<!-- generated:NAME -->` marker pair replaced by that snippet in a fenced block. */
export function deployDoc(doc: string): string {
  const snippets: Record<string, [string, string]> = { nginx: ['nginx', nginxSnippet()], caddy: ['caddyfile', caddySnippet()], headers: ['text', netlifyHeadersFile()] };
  return doc.replace(/(<!-- generated:(\w+) -->\n)[\s\S]*?(<!-- \/generated:\2 -->)/g, (whole, open: string, name: string, close: string) => {
    const snippet = snippets[name];
    return snippet ? `${open}\`\`\`${snippet[0]}\n${snippet[1]}\`\`\`\n${close}` : whole;
  });
}
