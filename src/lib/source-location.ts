// Where in an author's file a render-time problem comes from: components only
// know their props, so they look up a needle they were given (a Value's path,
// a chart's id="...") in the essay's source to name its line and column.
import { existsSync, readFileSync } from 'node:fs';
import { positionAt, type Position } from './essay-source-check.ts';

/** The position of the first `needle` in `file` (relative to the working directory), if both exist. */
export function locateInFile(file: string, needle: string): Position | undefined {
  if (!file.endsWith('.mdx') || !existsSync(file)) return undefined;
  const source = readFileSync(file, 'utf8');
  const at = source.indexOf(needle);
  return at < 0 ? undefined : positionAt(source, at);
}
