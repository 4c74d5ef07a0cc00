// The essay source check: every mistake an author makes with components and
// data, at the essay's line and column, all of them in one run. The aggregate
// below is a synthetic fixture shaped like a real one (labelled rows).
import { describe, expect, it } from 'vitest';
import { checkEssaySource, dataImports, formatSourceProblems, jsxTags, positionAt, repeatedIndexes } from '../../src/lib/essay-source-check.ts';
import { lookupNumber, lookupValuePath, parseValuePath } from '../../src/lib/value-path.ts';

const FILE = 'content/essays/weather/index.mdx';
const weather = { total: 1461, labels: [{ label: 'drizzle', days: 53 }, { label: 'rain', days: 641 }, { label: 'sun', days: 640 }], published: { value: 140, qualifier: 'about' }, note: 'text' };
const ctx = {
  components: { Value: ['of', 'at', 'path', 'format', 'digits', 'qualifier'], BarChart: ['id', 'title', 'data', 'xLabel', 'highlight', 'steps'], Scrolly: ['id', 'label', 'offset'], Step: [] },
  aggregates: new Map<string, unknown>([['seattle-weather', weather], ['mnist-label-counts', []]]),
};
const front = '---\ntitle: T\n---\n';

describe('value paths', () => {
  it('picks a row by name, a key, an index and a published figure', () => {
    expect(lookupNumber(weather, 'labels[label=drizzle].days')).toEqual({ ok: true, value: 53, qualifier: '' });
    expect(lookupNumber(weather, 'total')).toMatchObject({ ok: true, value: 1461 });
    expect(lookupNumber(weather, 'labels.1.days')).toMatchObject({ ok: true, value: 641 });
    expect(lookupNumber(weather, 'published')).toEqual({ ok: true, value: 140, qualifier: 'about' });
    expect(lookupNumber([{ k: 'a', n: 2 }], '[k=a].n')).toMatchObject({ ok: true, value: 2 });
  });
  it('says what exists when a step fails', () => {
    expect(lookupValuePath(weather, 'labels[label=July].days')).toMatchObject({ ok: false, problem: 'no row of "labels" has label = "July"', hint: 'label is one of: drizzle, rain, sun' });
    expect(lookupValuePath(weather, 'label')).toMatchObject({ ok: false, problem: 'there is no "label"', hint: 'at the top level there is: total, labels, published, note' });
    expect(lookupValuePath(weather, 'total[label=x]')).toMatchObject({ ok: false, problem: expect.stringContaining('not a list of rows') });
    expect(lookupValuePath(weather, 'labels[name=rain].days')).toMatchObject({ ok: false, hint: 'the rows have no field "name"; their fields are: label, days' });
    expect(lookupValuePath({ r: [{ a: 1 }, { a: 1 }] }, 'r[a=1]')).toMatchObject({ ok: false, problem: '2 rows of "r" have a = "1"' });
  });
  it('refuses undefined, text and objects where a number is needed', () => {
    expect(lookupNumber(weather, 'note')).toMatchObject({ ok: false, problem: '"note" is string "text", not a number' });
    expect(lookupNumber(weather, 'labels')).toMatchObject({ ok: false, problem: '"labels" is a list, not a number' });
    expect(lookupNumber({ a: null }, 'a')).toMatchObject({ ok: false, problem: '"a" is null, not a number' });
  });
  it('rejects malformed paths with the grammar', () => {
    expect(() => parseValuePath('labels[label=drizzle.days')).toThrow(/unclosed/);
    expect(lookupValuePath(weather, '')).toMatchObject({ ok: false, hint: expect.stringContaining('[field=value]') });
    expect(parseValuePath('a.b[c=d e].f')).toEqual([{ key: 'a' }, { key: 'b' }, { field: 'c', equals: 'd e' }, { key: 'f' }]);
  });
});

describe('reading the MDX source', () => {
  it('finds tags with attributes and their offsets, skipping code and comments', () => {
    const src = 'A <BarChart id="a" data={w} steps={[["x"], ["y"]]} wide /> b\n`<Fake x="1" />`\n{/* <Fake2 /> */}';
    const tags = jsxTags(src);
    expect(tags.map((t) => t.name)).toEqual(['BarChart']);
    expect(tags[0]!.attributes.map((a) => [a.name, a.value?.kind, a.value?.text])).toEqual([
      ['id', 'string', 'a'], ['data', 'expression', 'w'], ['steps', 'expression', '[["x"], ["y"]]'], ['wide', undefined, undefined],
    ]);
    expect(positionAt(src, tags[0]!.attributes[1]!.offset)).toEqual({ line: 1, column: 20 });
  });
  it('reads @data imports', () => {
    expect(dataImports("import w from '@data/seattle-weather';\nimport x from './x.ts';")).toEqual([{ binding: 'w', aggregate: 'seattle-weather', offset: 21 }]);
  });
});

describe('problems at the author\'s line, all in one run', () => {
  const essay = [
    front.trimEnd(),
    "import w from '@data/seatle-weather';", // line 4: typo in the aggregate name
    "import counts from '@data/mnist-label-counts';", // line 5: never used
    "import good from '@data/seattle-weather';",
    '',
    'Drizzle fell on <Value of={good} at="labels[label=drizle].days" /> days', // line 8
    'out of <Value of={good} path="total" format="integer" />.',
    '<BarChart id="w" title="Days" data={good} xlabel="days" />', // line 10
    '<DotRaito id="r" />', // line 11
  ].join('\n');
  const problems = checkEssaySource(essay, FILE, ctx);

  it('lists every problem with file:line:column, field and fix', () => {
    expect(problems.map((p) => `${p.severity} ${p.line}:${p.column} ${p.field}`)).toEqual([
      'error 4:22 @data/seatle-weather',
      'warning 5:27 counts',
      'error 8:38 Value.at',
      'error 10:43 BarChart.xlabel',
      'error 11:1 DotRaito',
    ]);
  });
  it('a wrong aggregate name: did you mean, and the list of aggregates', () => {
    expect(problems[0]).toMatchObject({ message: 'there is no aggregate "seatle-weather": did you mean @data/seattle-weather?', hint: expect.stringContaining('import one of: mnist-label-counts, seattle-weather') });
  });
  it('a wrong Value path names the essay line and the values that exist', () => {
    expect(problems[2]).toMatchObject({ message: '<Value>: in aggregate "seattle-weather", no row of "labels" has label = "drizle"', hint: 'label is one of: drizzle, rain, sun' });
  });
  it('a wrong prop case: did you mean the right one', () => {
    expect(problems[3]!.message).toBe('<BarChart id="w"> has no prop "xlabel": did you mean "xLabel"?');
  });
  it('formats for the terminal as file:line:column', () => {
    expect(formatSourceProblems(problems.slice(0, 1))).toBe(`${FILE}:4:22: @data/seatle-weather: there is no aggregate "seatle-weather": did you mean @data/seattle-weather?\n  fix: ${problems[0]!.hint}`);
  });
  it('a correct essay has no problems', () => {
    const ok = `${front}import w from '@data/seattle-weather';\n\n<Value of={w} at="labels[label=rain].days" /> <BarChart id="a" title="t" data={w} xLabel="d" client:visible />`;
    expect(checkEssaySource(ok, FILE, ctx)).toEqual([]);
  });
});

describe('unfinished data: previews yes, publishing no', () => {
  const unfinished = new Map([['seattle-weather', { id: 'weather-data', file: 'content/datasets/weather-data/datasheet.yaml', fields: ['title', 'license.name'] }]]);
  const essay = (draft: boolean) => `---\ntitle: T\ndraft: ${draft}\ncoverImgAlt: A grid of digits\nexcerpt: About the weather.\n---\nimport w from '@data/seattle-weather';\n\n<Value of={w} at="total" />`;
  it('a published essay using an unfinished dataset fails the build at its import', () => {
    const [problem, ...rest] = checkEssaySource(essay(false), FILE, { ...ctx, unfinished, publishing: true });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: 'error', line: 7, field: '@data/seattle-weather', hint: 'fill in content/datasets/weather-data/datasheet.yaml (docs/data.md explains each field), or keep the essay a draft (draft: true)' });
    expect(problem!.message).toContain('whose datasheet is unfinished (2 field(s) still say TODO: title, license.name)');
  });
  it('a draft, or any essay in dev, previews', () => {
    expect(checkEssaySource(essay(true), FILE, { ...ctx, unfinished, publishing: true })).toEqual([]);
    expect(checkEssaySource(essay(false), FILE, { ...ctx, unfinished, publishing: false })).toEqual([]);
  });
});

describe('publish checks', () => {
  it('a published essay with the scaffold\'s placeholder cover text and excerpt is refused; a draft is not', async () => {
    const { essayMdx } = await import('../../src/lib/new-essay.ts');
    const draft = essayMdx({ title: 'Weather', slug: 'weather', index: 1, author: 'A', datasetId: 'weather-data', aggregate: 'seattle-weather', hasScrolly: false });
    const published = draft.replace('draft: true', 'draft: false');
    const found = checkEssaySource(published, FILE, { ...ctx, publishing: true });
    expect(found.map((p) => `${p.line} ${p.field}`)).toEqual(['8 coverImgAlt', '12 excerpt']);
    expect(found[0]!.message).toBe('the cover is still the placeholder `npm run new` made, and so is its description');
    expect(checkEssaySource(draft, FILE, { ...ctx, publishing: true })).toEqual([]);
    expect(checkEssaySource(published, FILE, { ...ctx, publishing: false })).toEqual([]);
  });
});

describe('a repeated index', () => {
  it('is an error at the later essay\'s index line, naming the first', () => {
    const essay = (index: number) => `---\ntitle: T\nindex: ${index}\n---\nText.`;
    const found = repeatedIndexes([{ file: 'a.mdx', source: essay(3) }, { file: 'b.mdx', source: essay(4) }, { file: 'c.mdx', source: essay(3) }]);
    expect(found).toEqual([{ severity: 'error', file: 'c.mdx', line: 3, column: 1, field: 'index', message: 'index 3 is also the index of a.mdx, so the home page has no order for them', hint: 'give each essay its own index (npm run new picks the next free one)' }]);
  });
});
