// What a see:set essay body points at: images by absolute site path
// (`![alt](/img/9_ways/graph.png)`), raw HTML media (`<source src="/media/x.mp4">`),
// remote images, and links to other essays by the series' own URL
// (`/9-ways-to-see/C4`). Found with their lines, so a missing file is
// reported at the essay's file:line; rewritten in the rendered HTML.

export interface BodyReference {
  url: string;
  /** 1-based line in the essay file. */
  line: number;
  /** `asset`: an image or media file the page loads; `link`: an href. */
  kind: 'asset' | 'link';
  /** An image (`![](url)` or `<img src>`): a remote one is downloaded; other remote media are refused. */
  image: boolean;
}

const MD_IMAGE = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const HTML_SRC = /<(img|source|video|audio|track)\b[^>]*?\s(src|poster)\s*=\s*["']([^"']+)["']/gi;
const MD_LINK = /(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** Every image, media file and link of a Markdown body, with its file line. */
export function bodyReferences(body: string, bodyLine: number): BodyReference[] {
  const found: BodyReference[] = [];
  body.split('\n').forEach((text, i) => {
    const line = bodyLine + i;
    for (const m of text.matchAll(MD_IMAGE)) found.push({ url: m[1]!, line, kind: 'asset', image: true });
    for (const m of text.matchAll(HTML_SRC)) found.push({ url: m[3]!, line, kind: 'asset', image: m[1]!.toLowerCase() === 'img' && m[2]!.toLowerCase() === 'src' });
    for (const m of text.matchAll(MD_LINK)) found.push({ url: m[1]!, line, kind: 'link', image: false });
  });
  return found;
}

export const isRemote = (url: string) => /^(?:https?:)?\/\//i.test(url);
/** A path in the site's public tree: `/img/x.png`, not `//host/x` or `./x`. */
export const isSitePath = (url: string) => url.startsWith('/') && !url.startsWith('//');

/**
 * Rewrites `src`, `poster` and `href` attribute values of rendered HTML:
 * `map` returns the new URL, or undefined to keep it.
 */
export function rewriteUrls(html: string, map: (url: string, attribute: string) => string | undefined): string {
  return html.replace(/(\s(src|poster|href)\s*=\s*)(["'])([^"']*)\3/gi, (whole, before: string, attribute: string, quote: string, url: string) => {
    const next = map(url.replace(/&amp;/g, '&'), attribute.toLowerCase());
    return next === undefined ? whole : `${before}${quote}${next.replace(/&/g, '&amp;')}${quote}`;
  });
}
