// Reads see:set essays from disk: where they are (one folder per essay, or a
// dropped-in series of one file per essay with the series' public tree), the
// essay, its collection exports and single-item exports, their datasheets
// and images. The thin I/O shell around src/lib/seeset/.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { AuthorError, type AuthorErrorDetails } from '../lib/author-error.ts';
import { containedPath } from '../lib/contained-path.ts';
import { canonicalSlug } from '../lib/seeset/published.ts';
import { bodyReferences, isRemote, isSitePath, rewriteUrls } from '../lib/seeset/body-assets.ts';
import { parseCollectionExport, type CollectionItem } from '../lib/seeset/collection-export.ts';
import { datasheetSchema, generatedDatasheet, type CollectionDatasheet } from '../lib/seeset/datasheet.ts';
import { declaredWidgets, findMarkers, frontmatterKeyLines, pairMarkers, splitFrontmatter } from '../lib/seeset/markers.ts';
import { resolveWidgets, type ResolvedWidget, type SeesetCollection } from '../lib/seeset/resolve.ts';
import type { WidgetDeclaration } from '../lib/seeset/widgets.ts';
import { parseSeesetFrontmatter } from '../lib/seeset/essay-frontmatter.ts';
import { sha256 as sha256Hex } from '../lib/sha256.ts';
import { parseExcludeList } from '../lib/images/exclude-list.ts';
import { assertImageFileUsable } from '../lib/images/image-file-check.ts';
import { cachedRemoteImage, localiseRemoteImage, RemoteImageFailure, type RemoteImageOptions } from './seeset-remote.ts';

/** Where see:set essays live: content/seeset/<slug>/index.md (+ collections/), or content/seeset/<series>/<Name>.md. */
export const SEESET_DIR = 'content/seeset';
/** The series' public tree, copied as it is: content/seeset/public/. */
export const SEESET_PUBLIC = 'public';

const rel = (path: string) => relative(process.cwd(), path) || path;

const hashCache = new Map<string, { mtimeMs: number; size: number; sha256: string }>();
function sha256Of(path: string): string {
  const { mtimeMs, size } = statSync(path);
  const hit = hashCache.get(path);
  if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit.sha256;
  const sha256 = sha256Hex(readFileSync(path));
  hashCache.set(path, { mtimeMs, size, sha256 });
  return sha256;
}

const parsed = new Map<string, { mtimeMs: number; size: number; items: CollectionItem[] }>();
/** Parses an export once per change: the loader, the pages and the image script all read it. */
function readExport(path: string, file: string, single = false): CollectionItem[] {
  const { mtimeMs, size } = statSync(path);
  const hit = parsed.get(path);
  if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit.items;
  const items = parseCollectionExport(readFileSync(path, 'utf8'), file, single);
  parsed.set(path, { mtimeMs, size, items });
  return items;
}

function readDatasheet(path: string, collectionId: string, items: SeesetCollection['items']): CollectionDatasheet {
  if (!existsSync(path)) return generatedDatasheet(collectionId, items);
  const result = datasheetSchema.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.') || '(root)';
    throw new AuthorError(issue.message, { file: rel(path), field, hint: 'see "Bring a see:set site" in docs/authoring.md for the datasheet fields' });
  }
  return { ...result.data, generated: false };
}

/**
 * Every file of every item is on disk and matches its sha256. An item may
 * list one name twice with two hashes (two stored copies, one file on disk):
 * the file must then match one of them.
 */
function checkFiles(items: readonly CollectionItem[], filesDir: string, file: string): void {
  for (const item of items) {
    item.files.forEach((f, j) => {
      const field = `data[${item.index}].files[${j}]`;
      const image = containedPath(filesDir, f.name, { file, field: `${field}.name` });
      if (!existsSync(image)) {
        throw new AuthorError(`item ${item.index} (id ${item.id}): its file ${f.name} is missing`, { file, field, hint: `put the image at ${rel(image)}` });
      }
      const expected = [...new Set(item.files.filter((g) => g.name === f.name).map((g) => g.sha256.toLowerCase()))];
      const got = sha256Of(image);
      if (!expected.includes(got)) {
        throw new AuthorError(`item ${item.index} (id ${item.id}): ${rel(image)} does not match ${expected.length > 1 ? `any of its ${expected.length} listed hashes (${expected.join(', ')})` : `its sha256 ${expected[0]}`}; the file on disk has ${got} (corrupt or replaced)`, {
          file, field: `${field}.sha256`, hint: 'copy the original image again, or export the collection again',
        });
      }
    });
  }
}

/**
 * Every collection export in `<essayDir>/collections/`, validated, with every
 * image present on disk and matching its sha256.
 */
export function readCollections(essayDir: string): Map<string, SeesetCollection> {
  const dir = join(essayDir, 'collections');
  const collections = new Map<string, SeesetCollection>();
  if (!existsSync(dir)) return collections;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const id = name.slice(0, -'.json'.length);
    const path = join(dir, name);
    const file = rel(path);
    const items = readExport(path, file);
    const filesDir = resolve(dir, id, 'files');
    checkFiles(items, filesDir, file);
    const excludeFile = join(dir, id, 'exclude-sha256.txt');
    const excluded = existsSync(excludeFile) ? parseExcludeList(readFileSync(excludeFile, 'utf8'), rel(excludeFile)) : new Set<string>();
    collections.set(id, { id, file, filesDir, items, datasheet: readDatasheet(join(dir, id, 'datasheet.yaml'), id, items), excluded });
  }
  return collections;
}

export interface SeesetEssaySource {
  file: string;
  source: string;
  body: string;
  /** 1-based line of the file where `body` starts. */
  bodyLine: number;
  keyLines: Map<string, number>;
  /** The frontmatter with published value shapes converted (what the schema receives). */
  raw: Record<string, unknown>;
  /** The widgets the body places (declared but unplaced ones are left out). */
  widgets: Record<string, WidgetDeclaration>;
  /** Declared widgets no marker places: warned about, not shown. */
  unplaced: { key: string; line: number }[];
  /** coverImg as the essay wrote it (`raw.coverImg` may be rewritten relative to the essay). */
  coverAsWritten?: string;
}

export interface SeesetEssayLocation {
  /** The entry id: the essay's URL slug (lower case). */
  id: string;
  /** The essay file, absolute. */
  path: string;
  /** The folder holding its collections/ (and, for a series, datasets/). */
  base: string;
  /** `folder`: content/seeset/<slug>/index.md; `series`: content/seeset/<series>/<Name>.md. */
  layout: 'folder' | 'series';
  /** The series' public tree (content/seeset/public/), when one was dropped in. */
  publicRoot: string | undefined;
  /** The URL the series' own site gave it (`/9-ways-to-see/C4`), for a redirect page. */
  oldUrl: string | undefined;
}

/** A series folder (content/seeset/<series>/) of one .md per essay. */
export interface SeesetSeries {
  /** The folder name: the series page is /<folder>/, its essays' old URLs /<folder>/<Name>. */
  folder: string;
  /** The series' blurb (intro.md, no frontmatter), absolute; the series page is made from it. */
  intro: string | undefined;
  /** The entry ids of the folder's essays, in file-name order. */
  essays: string[];
  /** The series' public tree, for images the blurb shows by site path. */
  publicRoot: string | undefined;
}

export interface SeesetLayout {
  essays: SeesetEssayLocation[];
  /** Series folders (one .md per essay), with their intro.md when there is one. */
  series: SeesetSeries[];
  /** Files found that the build does not publish, each with why. */
  notices: string[];
}

/** The file of a series folder read as the series' blurb (no frontmatter). */
export const SERIES_INTRO = 'intro.md';

const slugIn = (path: string): string | undefined => {
  try {
    const value = (parseYaml(splitFrontmatter(readFileSync(path, 'utf8'), path).yaml) as Record<string, unknown> | null)?.['slug'];
    return typeof value === 'string' ? canonicalSlug(value) : undefined;
  } catch {
    return undefined; // reading the essay reports the problem with its line
  }
};

/**
 * Finds every see:set essay under `root`: folders with an index.md, and
 * series folders of one .md per essay (their collections in the public tree).
 */
export function seesetLayout(root: string = SEESET_DIR): SeesetLayout {
  const essays: SeesetEssayLocation[] = [];
  const series: SeesetSeries[] = [];
  const notices: string[] = [];
  if (!existsSync(root)) return { essays, series, notices };
  const publicDir = resolve(root, SEESET_PUBLIC);
  const publicRoot = existsSync(publicDir) ? publicDir : undefined;
  const seriesBases = publicRoot ? readdirSync(publicRoot).filter((d) => existsSync(join(publicRoot, d, 'collections'))).sort() : [];
  if (seriesBases.length > 1) notices.push(`${rel(publicDir)}: several folders hold collections/ (${seriesBases.join(', ')}); series essays read ${seriesBases[0]}/`);
  const seriesBase = publicRoot ? join(publicRoot, seriesBases[0] ?? 'n-ways-to-see-a-dataset') : resolve(root, SEESET_PUBLIC, 'n-ways-to-see-a-dataset');
  for (const name of readdirSync(root).sort()) {
    const dir = resolve(root, name);
    if (name === SEESET_PUBLIC || name.startsWith('.')) continue;
    if (!statSync(dir).isDirectory()) {
      notices.push(`${rel(dir)}: not published (an essay is content/seeset/<slug>/index.md or content/seeset/<series>/<Name>.md)`);
      continue;
    }
    if (existsSync(join(dir, 'index.md'))) {
      essays.push({ id: name, path: join(dir, 'index.md'), base: dir, layout: 'folder', publicRoot, oldUrl: undefined });
      continue;
    }
    const found: SeesetSeries = { folder: name, intro: undefined, essays: [], publicRoot };
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
      const path = join(dir, file);
      if (!readFileSync(path, 'utf8').startsWith('---')) {
        if (file === SERIES_INTRO) found.intro = path;
        else notices.push(`${rel(path)}: has no frontmatter, so it is not an essay and is not published (only ${SERIES_INTRO} is read without one, as the series' blurb)`);
        continue;
      }
      const stem = basename(file, '.md');
      const id = slugIn(path) ?? canonicalSlug(stem);
      essays.push({ id, path, base: seriesBase, layout: 'series', publicRoot, oldUrl: `/${name}/${stem}` });
      found.essays.push(id);
    }
    if (found.essays.length === 0) {
      notices.push(found.intro
        ? `${rel(found.intro)}: the series has no essays (no <Name>.md with frontmatter beside it), so no series page is published`
        : `${rel(dir)}: holds no essay (no index.md, no <Name>.md with frontmatter) and no ${SERIES_INTRO}; nothing in it is published`);
      continue;
    }
    series.push(found);
  }
  const seen = new Map<string, string>();
  for (const essay of essays) {
    const other = seen.get(essay.id);
    if (other) throw new AuthorError(`slug "${essay.id}" is used by ${other} too`, { file: rel(essay.path), field: 'slug', hint: 'give each essay its own slug (letter case does not count: URLs are lower case)' });
    seen.set(essay.id, rel(essay.path));
  }
  return { essays, series, notices };
}

/** The location of the essay with this entry id. */
export function seesetLocation(id: string, root: string = SEESET_DIR): SeesetEssayLocation {
  const found = seesetLayout(root).essays.find((e) => e.id === id);
  if (!found) throw new Error(`no see:set essay with id ${id} under ${root}`);
  return found;
}

const folderLocation = (essayDir: string): SeesetEssayLocation => {
  const publicDir = resolve(essayDir, '..', SEESET_PUBLIC);
  return { id: basename(essayDir), path: join(resolve(essayDir), 'index.md'), base: resolve(essayDir), layout: 'folder', publicRoot: existsSync(publicDir) ? publicDir : undefined, oldUrl: undefined };
};
const located = (where: SeesetEssayLocation | string) => (typeof where === 'string' ? folderLocation(where) : where);

/** What reading a body needs of where it lives: its file, and the public tree its site paths point into. */
export type SeesetBodyLocation = Pick<SeesetEssayLocation, 'path' | 'publicRoot'>;

/**
 * Reads an essay, checks its frontmatter and its markers against its
 * declarations: every problem an AuthorError with file and line. An absolute
 * coverImg (`/img/9_ways/x.png`) is resolved in the public tree.
 */
export function readSeesetEssay(where: SeesetEssayLocation | string): SeesetEssaySource {
  const location = located(where);
  const file = rel(location.path);
  const source = readFileSync(location.path, 'utf8');
  const { yaml, body, bodyLine } = splitFrontmatter(source, file);
  const keyLines = frontmatterKeyLines(yaml);
  const { raw, data } = parseSeesetFrontmatter(yaml, file, keyLines);
  const unplaced = pairMarkers(findMarkers(body, bodyLine, file), declaredWidgets(keyLines), file);
  const widgets = Object.fromEntries(Object.entries(data.widgets).filter(([key]) => !unplaced.some((u) => u.key === key)));
  const coverAsWritten = typeof raw['coverImg'] === 'string' ? raw['coverImg'] : undefined;
  if (coverAsWritten?.startsWith('/')) {
    raw['coverImg'] = publicFile(location, coverAsWritten, { file, line: keyLines.get('coverImg'), field: 'coverImg' }).relativeToEssay;
  }
  return { file, source, body, bodyLine, keyLines, raw, widgets, unplaced, coverAsWritten };
}

/** A site path (`/img/x.png`) as a reference inside the public tree (`img/x.png`). */
const sitePathInTree = (sitePath: string) => sitePath.replace(/^\/+/, '');

/** A file named by an absolute site path, in the essay's public tree: it must exist. */
export function publicFile(location: SeesetBodyLocation, sitePath: string, where: AuthorErrorDetails): { path: string; relativeToEssay: string } {
  if (!location.publicRoot) {
    throw new AuthorError(`"${sitePath}" is a path in the series' public tree, but there is no ${SEESET_DIR}/${SEESET_PUBLIC}/`, {
      ...where, hint: `copy the series' public folder: cp -r <site>/public ${SEESET_DIR}/${SEESET_PUBLIC}`,
    });
  }
  const path = containedPath(location.publicRoot, sitePathInTree(sitePath), where);
  if (!existsSync(path)) {
    throw new AuthorError(`"${sitePath}" is not in the public tree (looked for ${rel(path)})`, { ...where, hint: `copy the series' public folder again (cp -r <site>/public ${SEESET_DIR}/${SEESET_PUBLIC}), or fix the path` });
  }
  const fromEssay = relative(dirname(location.path), path).split('\\').join('/');
  return { path, relativeToEssay: fromEssay.startsWith('.') ? fromEssay : `./${fromEssay}` };
}

/**
 * Single-item exports that image widgets name by path
 * (`/n-ways-to-see-a-dataset/datasets/<d>/<item id>` is
 * `datasets/<d>/<item id>.json` in the public tree), as one collection per
 * dataset folder, `datasets-<d>`, and which widget reads which.
 */
function readDatasetItems(location: SeesetEssayLocation, essay: SeesetEssaySource): { collections: Map<string, SeesetCollection>; exact: Map<string, string> } {
  const collections = new Map<string, SeesetCollection>();
  const exact = new Map<string, string>();
  if (!location.publicRoot) return { collections, exact };
  const byFolder = new Map<string, CollectionItem[]>();
  for (const widget of Object.values(essay.widgets)) {
    if (widget.kind !== 'image' || !widget.imagePath.startsWith('/')) continue;
    const where = { file: essay.file, line: essay.keyLines.get(widget.key), field: `${widget.key}.imagePath` };
    const json = containedPath(location.publicRoot, `${sitePathInTree(widget.imagePath).replace(/\/+$/, '')}.json`, where);
    if (!existsSync(json)) continue;
    const folder = dirname(json);
    const items = byFolder.get(folder) ?? [];
    const [item] = readExport(json, rel(json), true);
    if (!items.some((i) => String(i.id) === String(item!.id))) items.push({ ...item!, index: items.length });
    byFolder.set(folder, items);
    exact.set(widget.key, `datasets-${basename(folder)}`);
  }
  for (const [folder, items] of byFolder) {
    const id = `datasets-${basename(folder)}`;
    const filesDir = join(folder, 'files');
    const file = rel(folder);
    checkFiles(items, filesDir, file);
    const excludeFile = join(folder, 'exclude-sha256.txt');
    const excluded = existsSync(excludeFile) ? parseExcludeList(readFileSync(excludeFile, 'utf8'), rel(excludeFile)) : new Set<string>();
    collections.set(id, { id, file, filesDir, items, datasheet: readDatasheet(join(folder, 'datasheet.yaml'), id, items), excluded });
  }
  return { collections, exact };
}

/** The placed widgets of a validated essay, resolved against its collections and single-item exports. */
export function resolveSeesetEssay(where: SeesetEssayLocation | string): Map<string, ResolvedWidget> {
  const location = located(where);
  const essay = readSeesetEssay(location);
  const single = readDatasetItems(location, essay);
  const collections = new Map([...readCollections(location.base), ...single.collections]);
  return resolveWidgets(essay.widgets, collections, essay.keyLines, essay.file, single.exact);
}

/**
 * The collections an essay brings: for a folder, every export in it; for a
 * series essay, those its widgets show (the public tree holds the series').
 */
export function essayCollections(where: SeesetEssayLocation | string): Map<string, SeesetCollection> {
  const location = located(where);
  const shown = new Map([...resolveSeesetEssay(location).values()].map((w) => [w.collection.id, w.collection] as const));
  return location.layout === 'folder' ? new Map([...readCollections(location.base), ...shown]) : shown;
}

/** The series' old URL of every series essay (`/9-ways-to-see/C4`) and its canonical path (`/c4/`). */
export function oldUrls(root: string = SEESET_DIR): Map<string, string> {
  return new Map(seesetLayout(root).essays.flatMap((e) => (e.oldUrl ? [[e.oldUrl, `/${e.id}/`] as const] : [])));
}

/** The canonical path an old series URL (with or without a trailing slash or #fragment) points to. */
export function canonicalFor(url: string, old: ReadonlyMap<string, string>): string | undefined {
  const m = /^([^#?]*?)\/?([#?].*)?$/.exec(url);
  const target = m ? old.get(m[1]!) : undefined;
  return target === undefined ? undefined : `${target}${m![2] ?? ''}`;
}

/** The fix for a remote image that cannot be downloaded. */
const remoteFix = (url: string) => `download it yourself into ${SEESET_DIR}/${SEESET_PUBLIC}/img/remote/<name>, point to /img/remote/<name> and keep ${url} in the text as its source; or build where the network reaches that host (see "Remote images" in docs/authoring.md)`;

/**
 * Checks that every image and media file the body loads is in the public
 * tree (or fails at its line). A remote image is downloaded into the cache
 * (src/loaders/seeset-remote.ts) and served from the build; one that cannot
 * be downloaded, and any other remote media, stops the build at its line:
 * left remote, the site's CSP would block it and it would break silently.
 */
export async function checkBodyReferences(location: SeesetBodyLocation, essay: Pick<SeesetEssaySource, 'file' | 'body' | 'bodyLine'>, remote: RemoteImageOptions = {}): Promise<void> {
  for (const ref of bodyReferences(essay.body, essay.bodyLine)) {
    if (ref.kind !== 'asset') continue;
    const where = { file: essay.file, line: ref.line };
    if (isRemote(ref.url) && !ref.image) {
      throw new AuthorError(`the body loads ${ref.url} from another site; the site's Content Security Policy would block it, and only images are downloaded`, {
        ...where, hint: `download it into ${SEESET_DIR}/${SEESET_PUBLIC}/ (e.g. ${SEESET_DIR}/${SEESET_PUBLIC}/media/<name>) and point to /media/<name>`,
      });
    }
    if (isRemote(ref.url)) {
      try {
        await localiseRemoteImage(ref.url, remote);
      } catch (error) {
        if (!(error instanceof RemoteImageFailure)) throw error;
        throw new AuthorError(`the remote image ${ref.url} could not be downloaded: ${error.reason}`, { ...where, hint: remoteFix(ref.url) });
      }
      continue;
    }
    if (!isSitePath(ref.url)) continue;
    const { path } = publicFile(location, ref.url.split(/[?#]/)[0]!, where);
    // A truncated or renamed file would otherwise fail later, in the image service, naming neither essay nor line.
    if (ref.image) await assertImageFileUsable(path, ref.url, where);
  }
}

/** The essay's cover, decoded in full before the build spends time on it: a corrupt one fails at its frontmatter line. */
export async function checkCoverImage(location: SeesetEssayLocation, essay: Pick<SeesetEssaySource, 'file' | 'raw' | 'keyLines' | 'coverAsWritten'>): Promise<void> {
  const cover = essay.raw['coverImg'];
  if (typeof cover !== 'string' || /^[a-z]+:/i.test(cover)) return;
  const path = resolve(dirname(location.path), cover);
  if (!existsSync(path)) return; // the content schema names a missing cover with its field
  await assertImageFileUsable(path, essay.coverAsWritten ?? cover, { file: essay.file, line: essay.keyLines.get('coverImg'), field: 'coverImg' });
}

/**
 * Each remote <img> gets its URL printed after it as its source (the src
 * itself is then served locally). Done on the parsed HTML: an alt text may
 * hold a ">" that a pattern over the markup would take for the tag's end.
 */
function creditRemoteImages(html: string): string {
  if (!/<img\b[^]*?\bsrc\s*=\s*["']?(?:https?:)?\/\//i.test(html)) return html;
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const root = document.createElement('div');
  root.innerHTML = html;
  for (const img of [...root.querySelectorAll('img')]) {
    const url = img.getAttribute('src') ?? '';
    if (!isRemote(url)) continue;
    const small = document.createElement('small');
    small.setAttribute('class', 'source-line seeset-image-source');
    const link = document.createElement('a');
    link.setAttribute('href', url);
    link.textContent = url;
    small.append('Source: ', link);
    img.after(small);
  }
  return root.innerHTML;
}

/**
 * The rendered body with public-tree files served from the build
 * (`register` stores the bytes under a fingerprinted URL) and old series
 * URLs pointing at the essays' canonical pages.
 */
export function rewriteBody(html: string, location: SeesetBodyLocation, register: (path: string) => string, old: ReadonlyMap<string, string> = oldUrls(), remote: Pick<RemoteImageOptions, 'cacheDir'> = {}): string {
  const rewritten = rewriteUrls(creditRemoteImages(html), (url, attribute) => {
    if (attribute === 'href') return canonicalFor(url, old);
    if (isRemote(url)) {
      // checkBodyReferences (run by the loader) downloaded it, or stopped the build.
      const local = cachedRemoteImage(url, remote.cacheDir);
      if (!local) throw new AuthorError(`the remote image ${url} is not in the download cache`, { file: rel(location.path), hint: remoteFix(url) });
      return register(local.path);
    }
    if (!isSitePath(url) || !location.publicRoot) return undefined;
    return register(publicFile(location, url.split(/[?#]/)[0]!, { file: rel(location.path) }).path);
  });
  // Body images come after the header and cover: fetched when the reader
  // nears them, not on load (an author's loading="eager" is kept).
  return rewritten.replace(/<img(?![^>]*\sloading=)/g, '<img loading="lazy" decoding="async"');
}
