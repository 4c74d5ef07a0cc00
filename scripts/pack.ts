// `npm run pack`: the built site (dist/) as one zip that works opened from
// disk (file://), for a classroom without Wi-Fi: links made relative, module
// scripts re-bundled as classic scripts (browsers refuse ES modules from
// file://), islands hydrated by a classic script of their own
// (src/lib/offline-islands.ts), search left out.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { rewriteCss, rewriteHtml } from '../src/lib/offline-links.ts';
import { writeZip, type ZipEntry } from '../src/lib/zip.ts';
import { writeFileAtomic } from './lib/atomic-write.ts';
import { sha256 } from './lib/hash.ts';

export const OFFLINE_ZIP = 'dist-offline/dataset-essays-offline.zip';
/** Not copied: the search index (needs a web server), source maps. */
const SKIP = [/^pagefind\//, /\.map$/];

const README = `Dataset Essays: offline copy
=============================

Open index.html in a web browser (double-click it). Everything is in this
folder: no network is needed.

- Every essay, its figures, print handouts (<essay>/print/) and embeddable
  figures (embed/) are here.
- Step-by-step figures work (their scripts are included), interactive ones
  too (the threshold you can drag, the image grid): they show the same
  state at each step as the essay on the web.
- Search is not included: it needs the site served over the web.
`;

function walk(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    return d.isDirectory() ? walk(path, root) : [relative(root, path).split(sep).join('/')];
  });
}

/**
 * Vite wraps a lazy import() (the motion chunk) in a helper that first adds
 * <link rel=modulepreload> for the chunk's imports, resolving their URLs
 * against import.meta.url. A classic script has no import.meta.url (the
 * helper throws "Invalid URL" under file://) and esbuild inlines the chunk
 * anyway, so the offline copy gives every such call an empty preload list.
 */
const noPreloadList: Plugin = {
  name: 'no-preload-list',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(/__vite__mapDeps\(\[[\d,]*\]\)/g, '[]'),
      loader: 'js',
    }));
  },
};

/**
 * Bundles a module script (a file of dist/, or inline code) and its imports
 * into one classic script under _offline/, and returns its root-relative URL.
 */
async function classicScript(dist: string, module: { src: string } | { code: string }, cache: Map<string, string>): Promise<string> {
  const name =
    'src' in module
      ? `_offline/${module.src.replace(/^\/_astro\//, '').replace(/[^A-Za-z0-9_.-]/g, '_')}`
      : `_offline/inline-${sha256(module.code).slice(0, 12)}.js`;
  if (!cache.has(name)) {
    const out = await build({
      ...('src' in module
        ? { entryPoints: [join(dist, module.src)] }
        // Inline modules import "/_astro/x.js": make that relative to dist/.
        : { stdin: { contents: module.code.replace(/(from\s*|import\s*\(\s*)(["'])\//g, '$1$2./'), resolveDir: dist, loader: 'js' as const } }),
      bundle: true,
      plugins: [noPreloadList],
      format: 'iife',
      minify: true,
      write: false,
      logLevel: 'silent',
      target: 'es2022',
    });
    cache.set(name, out.outputFiles[0]!.text);
  }
  return `/${name}`;
}

const ISLAND_RUNTIME = fileURLToPath(new URL('../src/lib/offline-islands.ts', import.meta.url));

/**
 * Astro's island loader imports each island's component and renderer as ES
 * modules, which a page opened from file:// may not load (pack.ts drops the
 * loader). Instead, the page's island components and their renderers go into
 * one classic script that hydrates them (src/lib/offline-islands.ts); its
 * root-relative URL, or undefined for a page without islands.
 */
async function islandScript(dist: string, html: string, bundles: Map<string, string>): Promise<string | undefined> {
  const pairs = new Map<string, string>();
  for (const [tag] of html.matchAll(/<astro-island\s[^>]*>/g)) {
    const component = /\scomponent-url="(\/_astro\/[^"]+)"/.exec(tag)?.[1];
    const renderer = /\srenderer-url="(\/_astro\/[^"]+)"/.exec(tag)?.[1];
    if (component && renderer) pairs.set(component, renderer);
  }
  if (pairs.size === 0) return undefined;
  const entries = [...pairs].sort(([a], [b]) => a.localeCompare(b));
  const code = [
    ...entries.map(([c, r], i) => `import * as C${i} from ".${c}";\nimport R${i} from ".${r}";`),
    `import { startOfflineIslands } from ${JSON.stringify(relative(resolve(dist), ISLAND_RUNTIME).split(sep).join('/'))};`,
    `startOfflineIslands({ ${entries.map(([c], i) => `${JSON.stringify(c.split('/').pop())}: [C${i}, R${i}]`).join(', ')} });`,
  ].join('\n');
  return classicScript(dist, { code }, bundles);
}

const IMAGE_TYPES: Record<string, string> = { '.png': 'image/png', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.avif': 'image/avif' };

/**
 * A data file islands fetch (a grid's payload) as a classic script, which a
 * page opened from file:// may load. The small sheets an image grid reads
 * pixels back from (its `preview` and `overview` tiers) go in as data: URLs:
 * a canvas that drew an image loaded from file:// is tainted and cannot be
 * read. Other root-relative paths stay (offline-islands.ts rebases them).
 */
function dataScript(dist: string, file: string, json: string): string {
  const inline = (value: unknown, key = ''): unknown => {
    if (Array.isArray(value)) return value.map((v) => inline(v));
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => {
      if ((key === 'preview' || key === 'overview') && (k === 'src' || k === 'safeSrc') && typeof v === 'string' && v.startsWith('/')) {
        const type = IMAGE_TYPES[extname(v).toLowerCase()];
        const path = join(dist, v.slice(1));
        if (type && existsSync(path)) return [k, `data:${type};base64,${readFileSync(path).toString('base64')}`];
      }
      return [k, inline(v, k)];
    }));
  };
  return `__offlineData(${JSON.stringify(`/${file}`)}, ${JSON.stringify(inline(JSON.parse(json)))});\n`;
}

async function offlineHtml(dist: string, file: string, html: string, bundles: Map<string, string>): Promise<string> {
  let out = html
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    // Search is not part of the offline copy (its page says so).
    .replace(/<script[^>]*\ssrc="\/pagefind\/[^"]*"[^>]*><\/script>/g, '')
    .replace(/<link[^>]*\shref="\/pagefind\/[^"]*"[^>]*>/g, '');
  const scripts = [...out.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  for (const [tag, attrs, code] of scripts) {
    const src = /\ssrc="(\/[^"]+)"/.exec(attrs!)?.[1];
    const isModule = /type="module"/.test(attrs!);
    let replacement = '';
    if (isModule) replacement = `<script defer src="${await classicScript(dist, src ? { src } : { code: code! }, bundles)}"></script>`;
    // Inline classic scripts are Astro's island loaders: islands keep their server-rendered HTML offline.
    else if (src) replacement = tag;
    out = out.replace(tag, replacement);
  }
  const islands = await islandScript(dist, out, bundles);
  if (islands) out = out.replace(/<\/body>/, `<script defer src="${islands}"></script></body>`);
  return rewriteHtml(out, file);
}

/** Every file of the offline copy, from a built site in `dist`. */
export async function offlineEntries(dist: string): Promise<ZipEntry[]> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html not found: run \`npm run build\` first`);
  const bundles = new Map<string, string>();
  const entries: ZipEntry[] = [];
  for (const file of walk(dist).sort()) {
    if (SKIP.some((re) => re.test(file))) continue;
    const bytes = readFileSync(join(dist, file));
    if (file.endsWith('.html')) {
      entries.push({ path: file, data: Buffer.from(await offlineHtml(dist, file, bytes.toString('utf8'), bundles)) });
    } else if (file.endsWith('.json')) {
      entries.push({ path: file, data: bytes });
      entries.push({ path: `${file}.js`, data: Buffer.from(dataScript(dist, file, bytes.toString('utf8'))) });
    } else if (file.endsWith('.css')) {
      entries.push({ path: file, data: Buffer.from(rewriteCss(bytes.toString('utf8'), file)) });
    } else {
      entries.push({ path: file, data: bytes });
    }
  }
  for (const [name, code] of bundles) entries.push({ path: name, data: Buffer.from(code) });
  entries.push({ path: 'README.txt', data: Buffer.from(README) });
  return entries;
}

export async function pack(dist = 'dist', target = OFFLINE_ZIP): Promise<{ target: string; files: number; bytes: number }> {
  const zip = writeZip(await offlineEntries(resolve(dist)));
  writeFileAtomic(target, zip);
  return { target, files: readZipCount(zip), bytes: zip.length };
}

function readZipCount(zip: Uint8Array): number {
  return new DataView(zip.buffer, zip.byteOffset, zip.byteLength).getUint16(zip.length - 22 + 10, true);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { target, files, bytes } = await pack();
  console.log(`Offline copy: ${target} (${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB).`);
  console.log('Unzip it anywhere and open index.html in a browser; no network needed. Search is left out (it needs a server).');
}
