// Rewrites the built site's root-relative URLs into relative ones, so the
// site works opened from disk (file://): "/x/" from "a/b/index.html" becomes
// "../../x/index.html". Pure string work on Astro's own output.

/** The relative URL from the file `fromFile` (e.g. "a/index.html") to the root-relative `url`. */
export function relativeUrl(fromFile: string, url: string): string {
  if (!url.startsWith('/') || url.startsWith('//')) return url;
  const match = /^([^?#]*)([?#].*)?$/.exec(url)!;
  let path = match[1]!;
  const rest = match[2] ?? '';
  if (path.endsWith('/')) path += 'index.html';
  else if (!/\.[a-z0-9]+$/i.test(path.split('/').pop()!)) path += '/index.html';
  const depth = fromFile.split('/').length - 1;
  return `${'../'.repeat(depth)}${path.slice(1)}${rest}` || './';
}

const URL_ATTRS = ['href', 'src', 'poster', 'action', 'component-url', 'renderer-url', 'before-hydration-url', 'data-src'];
const ATTR_RE = new RegExp(`(\\s(?:${URL_ATTRS.join('|')})=)(["'])(/[^"']*)\\2`, 'g');
const SRCSET_RE = /(\s(?:srcset|imagesrcset)=)(["'])([^"']*)\2/g;
const EMBED_LIST_RE = /(\sdata-embed-list=)(["'])([^"']*)\2/g;

function rewriteSrcset(fromFile: string, srcset: string): string {
  return srcset
    .split(',')
    .map((part) => part.trim().replace(/^(\S+)/, (u) => relativeUrl(fromFile, u)))
    .join(', ');
}

/** Rewrites the URL attributes of an HTML page at `file` (relative to the site root). */
export function rewriteHtml(html: string, file: string): string {
  return html
    .replace(ATTR_RE, (_, attr: string, q: string, url: string) => `${attr}${q}${relativeUrl(file, url)}${q}`)
    .replace(SRCSET_RE, (_, attr: string, q: string, value: string) => `${attr}${q}${rewriteSrcset(file, value)}${q}`)
    .replace(EMBED_LIST_RE, (_, attr: string, q: string, value: string) =>
      `${attr}${q}${value.replace(/(&quot;src&quot;:&quot;)(\/[^&]*)/g, (_m, pre: string, u: string) => pre + relativeUrl(file, u))}${q}`);
}

/** Rewrites url(/...) in a stylesheet at `file`. */
export function rewriteCss(css: string, file: string): string {
  return css.replace(/url\((["']?)(\/[^)"']*)\1\)/g, (_, q: string, url: string) => `url(${q}${relativeUrl(file, url)}${q})`);
}

/** Every root-relative URL left in an HTML page (should be none after rewriting). */
export function absoluteUrlsIn(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(ATTR_RE)) found.push(m[3]!);
  for (const m of html.matchAll(SRCSET_RE)) for (const part of m[3]!.split(',')) if (part.trim().startsWith('/')) found.push(part.trim());
  return found;
}
