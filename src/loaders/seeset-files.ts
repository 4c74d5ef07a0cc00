// Reads a see:set essay folder from disk: the essay, its collection exports,
// their datasheets and images. The thin I/O shell around src/lib/seeset/.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { AuthorError } from '../lib/author-error.ts';
import { containedPath } from '../lib/contained-path.ts';
import { parseCollectionExport, type CollectionItem } from '../lib/seeset/collection-export.ts';
import { datasheetSchema, generatedDatasheet, type CollectionDatasheet } from '../lib/seeset/datasheet.ts';
import { declaredWidgets, findMarkers, frontmatterKeyLines, pairMarkers, splitFrontmatter } from '../lib/seeset/markers.ts';
import { resolveWidgets, type ResolvedWidget, type SeesetCollection } from '../lib/seeset/resolve.ts';
import type { WidgetDeclaration } from '../lib/seeset/widgets.ts';
import { sha256 as sha256Hex } from '../../scripts/lib/hash.ts';
import { parseExcludeList } from '../lib/images/exclude-list.ts';

/** Where see:set essays live: content/seeset/<slug>/index.md (+ collections/). */
export const SEESET_DIR = 'content/seeset';

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
function readExport(path: string, file: string): CollectionItem[] {
  const { mtimeMs, size } = statSync(path);
  const hit = parsed.get(path);
  if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit.items;
  const items = parseCollectionExport(readFileSync(path, 'utf8'), file);
  parsed.set(path, { mtimeMs, size, items });
  return items;
}

function readDatasheet(path: string, collectionId: string, items: SeesetCollection['items']): CollectionDatasheet {
  if (!existsSync(path)) return generatedDatasheet(collectionId, items);
  const result = datasheetSchema.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.') || '(root)';
    throw new AuthorError(issue.message, { file: rel(path), field, hint: 'see "Bring an existing see:set essay" in docs/authoring.md for the datasheet fields' });
  }
  return { ...result.data, generated: false };
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
    for (const item of items) {
      item.files.forEach((f, j) => {
        const field = `data[${item.index}].files[${j}]`;
        const image = containedPath(filesDir, f.name, { file, field: `${field}.name` });
        if (!existsSync(image)) {
          throw new AuthorError(`item ${item.index} (id ${item.id}): its file ${f.name} is missing`, { file, field, hint: `put the image at ${rel(image)}` });
        }
        if (sha256Of(image) !== f.sha256.toLowerCase()) {
          throw new AuthorError(`item ${item.index} (id ${item.id}): ${rel(image)} does not match its sha256 (corrupt or replaced)`, { file, field: `${field}.sha256`, hint: 'copy the original image again, or export the collection again' });
        }
      });
    }
    const excludeFile = join(dir, id, 'exclude-sha256.txt');
    const excluded = existsSync(excludeFile) ? parseExcludeList(readFileSync(excludeFile, 'utf8'), rel(excludeFile)) : new Set<string>();
    collections.set(id, { id, file, filesDir, items, datasheet: readDatasheet(join(dir, id, 'datasheet.yaml'), id, items), excluded });
  }
  return collections;
}

export interface SeesetEssaySource {
  file: string;
  source: string;
  keyLines: Map<string, number>;
}

/** Reads an essay and checks its markers against its declarations (file and line on error). */
export function readSeesetEssay(essayDir: string): SeesetEssaySource {
  const path = join(essayDir, 'index.md');
  const file = rel(path);
  const source = readFileSync(path, 'utf8');
  const { yaml, body, bodyLine } = splitFrontmatter(source, file);
  const keyLines = frontmatterKeyLines(yaml);
  pairMarkers(findMarkers(body, bodyLine, file), declaredWidgets(keyLines), file);
  return { file, source, keyLines };
}

/** The widgets of a validated essay, resolved against its collections. */
export function resolveSeesetEssay(essayDir: string, widgets: Readonly<Record<string, WidgetDeclaration>>): Map<string, ResolvedWidget> {
  const { file, keyLines } = readSeesetEssay(essayDir);
  return resolveWidgets(widgets, readCollections(essayDir), keyLines, file);
}
