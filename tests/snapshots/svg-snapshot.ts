// Snapshot testing for server-rendered SVG, the way Observable Plot tests its
// marks: the reviewed file tests/snapshots/output/<name>.svg is the truth; a
// mismatch writes <name>-changed.svg beside it (for review) and fails; a
// missing snapshot is written locally but fails under CI (never created there).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUTPUT = join('tests', 'snapshots', 'output');

/** One element per line, so a reviewed diff shows what moved. */
export function prettySvg(svg: string): string {
  return `${svg.replace(/></g, '>\n<')}\n`;
}

export function expectSvgSnapshot(name: string, svg: string): void {
  mkdirSync(OUTPUT, { recursive: true });
  const file = join(OUTPUT, `${name}.svg`);
  const changed = join(OUTPUT, `${name}-changed.svg`);
  const actual = prettySvg(svg);
  if (!existsSync(file)) {
    if (process.env['CI']) throw new Error(`snapshot ${file} is missing: run the tests locally, review the file and commit it`);
    writeFileSync(file, actual);
    console.warn(`wrote new snapshot ${file}: review it before committing`);
    return;
  }
  if (readFileSync(file, 'utf8') === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  throw new Error(`snapshot ${file} differs: review ${changed}, and if it is right, move it over ${file}`);
}
