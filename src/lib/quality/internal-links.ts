// Internal link checking for a built static site: which references a page
// makes, where each one points inside the site, and which ones do not resolve.
// Pure: callers pass HTML strings and the list of built files.
import { parseHTML } from 'linkedom';

/** One URL a page refers to, and where on the page it was found. */
export interface Reference {
  /** Element and attribute, e.g. `a[href]`, `img[srcset]`. */
  where: string;
  /** The URL exactly as written (one candidate of a srcset). */
  url: string;
}

export interface PageReferences {
  /** Every id (and legacy `a[name]`) on the page: the valid #fragments. */
  ids: string[];
  references: Reference[];
}

// Attributes that hold one URL. `content` of og:image/twitter:image is an
// absolute URL on the site's origin.
const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['source[src]', 'src'],
  ['script[src]', 'src'],
  ['iframe[src]', 'src'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['audio[src]', 'src'],
  ['track[src]', 'src'],
  ['embed[src]', 'src'],
  ['object[data]', 'data'],
  ['form[action]', 'action'],
  ['use[href]', 'href'],
  ['image[href]', 'href'],
  ['meta[property="og:image"]', 'content'],
  ['meta[name="twitter:image"]', 'content'],
];

/** Splits a srcset into its URLs (each candidate is `url [descriptor]`). */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,(?=\s*\S)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url.length > 0);
}

export function extractReferences(html: string): PageReferences {
  const { document } = parseHTML(html);
  const references: Reference[] = [];
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const el of document.querySelectorAll(selector)) {
      const url = el.getAttribute(attribute)?.trim();
      if (url) references.push({ where: `${el.localName}[${attribute}]`, url });
    }
  }
  for (const el of document.querySelectorAll('img[srcset], source[srcset]')) {
    for (const url of srcsetUrls(el.getAttribute('srcset') ?? '')) references.push({ where: `${el.localName}[srcset]`, url });
  }
  for (const el of document.querySelectorAll('*')) {
    const url = el.getAttribute('xlink:href')?.trim();
    if (url) references.push({ where: `${el.localName}[xlink:href]`, url });
  }
  const ids = [...document.querySelectorAll('[id]')].map((el) => el.getAttribute('id') ?? '');
  for (const el of document.querySelectorAll('a[name]')) ids.push(el.getAttribute('name') ?? '');
  return { ids: ids.filter((id) => id.length > 0), references };
}

export type Resolution =
  | { kind: 'internal'; path: string; fragment: string | undefined }
  | { kind: 'external' }
  /** Schemes that never load a site file: mailto:, tel:, data:, blob:. */
  | { kind: 'ignored' }
  /** A `javascript:` URL: never acceptable in a page we publish. */
  | { kind: 'unsafe' };

/**
 * Where `url`, found on the page at `pagePath` (a URL path like `/essay/`),
 * points. Absolute URLs on `siteOrigin` (canonical links, share images) count
 * as internal. `path` is decoded and has no query string.
 */
export function resolveReference(url: string, pagePath: string, siteOrigin: string): Resolution {
  // Browsers strip tabs and newlines inside URLs before parsing them.
  const cleaned = url.replace(/[\t\n\r]/g, '').trim();
  if (/^javascript:/i.test(cleaned)) return { kind: 'unsafe' };
  if (/^(mailto|tel|data|blob|sms):/i.test(cleaned)) return { kind: 'ignored' };
  const base = new URL(pagePath, siteOrigin);
  let target: URL;
  try {
    target = new URL(cleaned, base);
  } catch {
    return { kind: 'internal', path: cleaned, fragment: undefined };
  }
  if (target.origin !== new URL(siteOrigin).origin) return { kind: 'external' };
  let path: string;
  try {
    path = decodeURIComponent(target.pathname);
  } catch {
    path = target.pathname;
  }
  const hash = target.hash.slice(1);
  let fragment: string | undefined;
  try {
    fragment = hash ? decodeURIComponent(hash) : undefined;
  } catch {
    fragment = hash;
  }
  return { kind: 'internal', path, fragment };
}

/** The built file a URL path serves, as a static host would, or undefined. */
export function fileForPath(path: string, files: ReadonlySet<string>): string | undefined {
  const relative = path.replace(/^\/+/, '');
  if (relative === '' || relative.endsWith('/')) {
    const index = `${relative}index.html`;
    return files.has(index) ? index : undefined;
  }
  if (files.has(relative)) return relative;
  const index = `${relative}/index.html`;
  return files.has(index) ? index : undefined;
}

/** The URL path of a built HTML file: `a/index.html` -> `/a/`, `404.html` -> `/404.html`. */
export function pathForFile(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

export interface BrokenLink {
  /** The built file the reference is on, relative to the output folder. */
  page: string;
  where: string;
  url: string;
  problem: string;
}

export interface BuiltSite {
  /** Every built file, relative to the output folder, with `/` separators. */
  files: ReadonlySet<string>;
  /** References and ids of every HTML page, keyed by file. */
  pages: ReadonlyMap<string, PageReferences>;
  /** The configured `site` URL, e.g. https://example.org. */
  siteOrigin: string;
}

/** Every reference that does not reach a built file, or an id on the target page. */
export function findBrokenLinks(site: BuiltSite): BrokenLink[] {
  const idsByFile = new Map([...site.pages].map(([file, refs]) => [file, new Set(refs.ids)]));
  const broken: BrokenLink[] = [];
  for (const [page, { references }] of site.pages) {
    for (const { where, url } of references) {
      const resolution = resolveReference(url, pathForFile(page), site.siteOrigin);
      if (resolution.kind === 'unsafe') {
        broken.push({ page, where, url, problem: 'javascript: URL (never publish executable links)' });
        continue;
      }
      if (resolution.kind !== 'internal') continue;
      const target = fileForPath(resolution.path, site.files);
      if (!target) {
        broken.push({ page, where, url, problem: `no built file for ${resolution.path}` });
        continue;
      }
      const fragment = resolution.fragment;
      if (fragment === undefined || fragment === 'top') continue;
      const ids = idsByFile.get(target);
      if (ids && !ids.has(fragment)) broken.push({ page, where, url, problem: `no element with id "${fragment}" on ${target}` });
    }
  }
  return broken;
}

export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  return broken.map((b) => `${b.page}: ${b.where}="${b.url}": ${b.problem}`).join('\n');
}
