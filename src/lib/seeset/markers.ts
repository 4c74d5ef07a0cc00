// Finds widget markers (`[:grid-1]` alone on a line) in a see:set essay body
// and frontmatter keys with their lines, and checks that they pair up.
import { isMap, isScalar, parseDocument } from 'yaml';
import { AuthorError } from '../author-error.ts';
import { WIDGET_KEY, type WidgetKind } from './widgets.ts';

export interface Marker {
  key: string;
  kind: WidgetKind;
  /** 1-based line in the file. */
  line: number;
}

const MARKER = /^ {0,3}\[:(grid|carousel|image)-(\d+)\][ \t]*$/;
/** Anything that looks like a marker but is not one of ours, e.g. `[:gird-1]`. */
const NEAR_MARKER = /^ {0,3}\[:([^\]\s]*)\][ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export interface SplitSource {
  /** The raw YAML between the `---` lines. */
  yaml: string;
  body: string;
  /** 1-based line of the file where `body` starts. */
  bodyLine: number;
}

/** Separates frontmatter from body, keeping line numbers. */
export function splitFrontmatter(source: string, file: string): SplitSource {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) {
    throw new AuthorError('has no frontmatter', { file, line: 1, hint: 'start the file with a "---" line, the essay fields and widget declarations, and another "---" line' });
  }
  const yaml = match[1]!;
  return { yaml, body: source.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/** The 1-based file line of every top-level frontmatter key. */
export function frontmatterKeyLines(yaml: string): Map<string, number> {
  const lines = new Map<string, number>();
  const doc = parseDocument(yaml);
  if (!isMap(doc.contents)) return lines;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) {
      // +1 for 1-based, +1 for the opening `---` line.
      lines.set(String(pair.key.value), yaml.slice(0, pair.key.range[0]).split('\n').length + 1);
    }
  }
  return lines;
}

/** Markers in the body, outside fenced code blocks, with their file lines. */
export function findMarkers(body: string, bodyLine: number, file: string): Marker[] {
  const markers: Marker[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((raw, i) => {
    const text = raw.replace(/\r$/, '');
    const line = bodyLine + i;
    const f = FENCE.exec(text);
    if (f) {
      const mark = f[1]!;
      if (fence === undefined) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
      return;
    }
    if (fence !== undefined) return;
    const m = MARKER.exec(text);
    if (m) {
      markers.push({ key: `${m[1]}-${m[2]}`, kind: m[1] as WidgetKind, line });
      return;
    }
    const near = NEAR_MARKER.exec(text);
    if (near && !/^\^/.test(near[1]!)) {
      throw new AuthorError(`"[:${near[1]}]" is not a widget marker`, {
        file,
        line,
        hint: 'a marker is [:grid-N], [:carousel-N] or [:image-N], alone on its line, with a matching grid-N/carousel-N/image-N in the frontmatter',
      });
    }
  });
  return markers;
}

/**
 * Every marker must have a declaration, and be placed once. A declaration
 * without a marker is allowed (the series' site simply does not show it):
 * its key and line are returned so the caller can warn.
 */
export function pairMarkers(markers: readonly Marker[], declared: ReadonlyMap<string, number>, file: string): { key: string; line: number }[] {
  const placed = new Map<string, number>();
  for (const marker of markers) {
    if (!declared.has(marker.key)) {
      throw new AuthorError(`marker [:${marker.key}] has no declaration`, {
        file,
        line: marker.line,
        field: marker.key,
        hint: `declare ${marker.key} in the frontmatter (${marker.kind === 'image' ? 'caption and imagePath' : 'caption and collection'}) or remove the marker`,
      });
    }
    const first = placed.get(marker.key);
    if (first !== undefined) {
      throw new AuthorError(`marker [:${marker.key}] is placed twice (first on line ${first})`, { file, line: marker.line, field: marker.key, hint: 'declare a second widget with a new number' });
    }
    placed.set(marker.key, marker.line);
  }
  return [...declared].filter(([key]) => !placed.has(key)).map(([key, line]) => ({ key, line }));
}

/** The warning for a declared widget that no marker places. */
export function unplacedWarning(file: string, widget: { key: string; line: number }): string {
  return `${file}:${widget.line}: ${widget.key} is declared but no [:${widget.key}] marker places it, so the page does not show it (add the marker to show it, or remove the declaration to silence this)`;
}

/** Widget keys among the frontmatter keys, with their lines. */
export function declaredWidgets(keyLines: ReadonlyMap<string, number>): Map<string, number> {
  return new Map([...keyLines].filter(([key]) => WIDGET_KEY.test(key)));
}
