// Islands in the offline copy (scripts/pack.ts). Opened from file://, the
// browser refuses the module imports Astro's island loader makes, so pack.ts
// bundles each page's island components with their renderer into one classic
// script that calls startOfflineIslands(): it hydrates every <astro-island>
// as Astro would (props revived from the `props` attribute, client:visible
// when the island comes into view), so a threshold or an image grid follows
// the scrolly's steps offline as it does on the web. Their data files (a
// grid's payload JSON), which fetch() cannot read from file://, come through
// scripts pack.ts writes next to them (`<file>.js`, calling
// __offlineData(path, data)), served to the islands' fetch() calls.

type Renderer = (element: HTMLElement) => (component: unknown, props: Record<string, unknown>, slots: Record<string, string>, meta: { client: string }) => Promise<void>;

/** Island components by the file name of their component-url: [component module, renderer]. */
export type OfflineIslands = Record<string, [Record<string, unknown>, Renderer]>;

// Astro's prop encoding: [type, value] pairs (astro/runtime/server/serialize).
type Encoded = [number, unknown];
function revive([type, value]: Encoded): unknown {
  switch (type) {
    case 0: return value === null || typeof value !== 'object' ? value
      : Object.fromEntries(Object.entries(value as Record<string, Encoded>).map(([k, v]) => [k, revive(v)]));
    case 1: return (value as Encoded[]).map(revive);
    case 2: return new RegExp(value as string);
    case 3: return new Date(value as string);
    case 4: return new Map((value as Encoded[]).map(revive) as [unknown, unknown][]);
    case 5: return new Set((value as Encoded[]).map(revive));
    case 7: return new URL(value as string);
    case 11: return Number.POSITIVE_INFINITY * (value as number);
    default: return undefined;
  }
}
const reviveProps = (raw: string | null): Record<string, unknown> =>
  Object.fromEntries(Object.entries(JSON.parse(raw ?? '{}') as Record<string, Encoded>).map(([k, v]) => [k, revive(v)]));

const fileName = (url: string) => url.split(/[?#]/)[0]!.split('/').pop()!;

/** The folder the offline copy was unpacked to, as a URL ending in "/" (from this script's own address). */
function offlineRoot(): string {
  const src = (document.currentScript as HTMLScriptElement | null)?.src ?? location.href;
  const at = src.lastIndexOf('/_offline/');
  return at >= 0 ? src.slice(0, at + 1) : new URL('./', location.href).href;
}

/** Root-relative paths in data ("/generated/...") made absolute within the offline folder. */
function rebase(value: unknown, root: string): unknown {
  if (typeof value === 'string') return value.startsWith('/') && !value.startsWith('//') ? root + value.slice(1) : value;
  if (Array.isArray(value)) return value.map((v) => rebase(v, root));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rebase(v, root)]));
  return value;
}

type DataGlobal = typeof globalThis & { __offlineData?: (path: string, data: unknown) => void };

/** fetch() of a root-relative JSON file answered from its `<file>.js` copy (a classic script may load from file://). */
function serveDataFiles(root: string): void {
  const waiting = new Map<string, (data: unknown) => void>();
  (globalThis as DataGlobal).__offlineData = (path, data) => waiting.get(path)?.(data);
  const pageFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/^\/[^/].*\.json$/.test(url)) return pageFetch(input, init);
    return new Promise<Response>((resolve, reject) => {
      const script = document.createElement('script');
      waiting.set(url, (data) => {
        waiting.delete(url);
        resolve(new Response(JSON.stringify(rebase(data, root)), { headers: { 'content-type': 'application/json' } }));
      });
      script.src = `${root}${url.slice(1)}.js`;
      script.onerror = () => reject(new TypeError(`${url} is not in the offline copy`));
      document.head.append(script);
    });
  };
}

export function startOfflineIslands(islands: OfflineIslands): void {
  const root = offlineRoot();
  serveDataFiles(root);
  const hydrate = async (el: HTMLElement) => {
    const entry = islands[fileName(el.getAttribute('component-url') ?? '')];
    if (!entry || !el.hasAttribute('ssr')) return;
    const [module, renderer] = entry;
    const component = module[el.getAttribute('component-export') ?? 'default'];
    await renderer(el)(component, reviveProps(el.getAttribute('props')), {}, { client: el.getAttribute('client') ?? 'load' });
    el.removeAttribute('ssr');
    el.dispatchEvent(new CustomEvent('astro:hydrate'));
  };
  const seen = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      const island = e.target.parentElement!.closest<HTMLElement>('astro-island')!;
      for (const child of Array.from(island.children)) seen.unobserve(child);
      void hydrate(island);
    }
  });
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('astro-island[ssr]'))) {
    // Islands inside islands hydrate with their parent.
    if (el.parentElement?.closest('astro-island')) continue;
    // client:visible: an <astro-island> has no box of its own (display: contents), its children do.
    if (el.getAttribute('client') === 'visible' && el.children.length) for (const child of Array.from(el.children)) seen.observe(child);
    else void hydrate(el);
  }
}
