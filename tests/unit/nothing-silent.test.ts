// Mistakes that used to pass silently now stop the build with the essay's
// line: a chart state no <Step> can reach, a highlight that matches no
// category, a chart error located in the essay (not "page /"). Fixtures are
// synthetic (labelled rows), the essay file a temporary one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthorError } from '../../src/lib/author-error.ts';
import { chartPlace, checkHighlights } from '../../src/lib/charts/chart-props.ts';
import { stateSteps, statesBeyondSteps } from '../../src/lib/scrolly/render.ts';

describe('chart states against the Scrolly\'s steps', () => {
  const graphic = '<div class="chart-states"><div class="chart-state" data-state="0"></div><div data-state="2"></div><div data-state="4"></div></div>';
  it('lists the steps at which states start', () => {
    expect(stateSteps(graphic)).toEqual([0, 2, 4]);
    expect(stateSteps('<p>no states</p>')).toEqual([]);
  });
  it('a state for step 4 in a Scrolly of 4 steps can never show', () => {
    expect(statesBeyondSteps(graphic, 4)).toBe('has 4 <Step>s (steps 0 to 3) but its graphic has a state for step 4, which can never show');
    expect(statesBeyondSteps(graphic, 5)).toBeUndefined();
    expect(statesBeyondSteps(graphic, 1)).toMatch(/^has 1 <Step> \(steps 0 to 0\) but its graphic has a state for step 2, 4/);
  });
});

describe('highlights that match nothing', () => {
  const drawn = ['Jan', 'Feb', 'Jul', 'Aug'];
  it('accepts labels the chart draws', () => {
    expect(() => checkHighlights('BarChart', '/x/', 'months', drawn, ['Jul'], [[], ['Jul', 'Aug']])).not.toThrow();
  });
  it('names the step, the label, a likely fix and the labels that exist', () => {
    const call = () => checkHighlights('BarChart', '/x/', 'months', drawn, [], [[], ['July', 'Aug']]);
    expect(call).toThrow(AuthorError);
    expect(call).toThrow('page /x/: steps[1]: <BarChart id="months"> highlights "July", which is not a category of the chart: did you mean "Jul"?\n  fix: use the labels as the data spells them: Jan, Feb, Jul, Aug');
    expect(() => checkHighlights('Waffle', '/x/', 'w', drawn, ['Sept'], undefined)).toThrow(/^page \/x\/: highlight: <Waffle id="w"> highlights "Sept"/);
  });
});

describe('chart errors name the essay and the line', () => {
  let dir: string;
  const cwd = process.cwd();
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'chart-place-'));
    mkdirSync(join(dir, 'content/essays/weather'), { recursive: true });
    writeFileSync(join(dir, 'content/essays/weather/index.mdx'), '---\ntitle: T\n---\n\nText.\n\n<BarChart id="months" data={w} />\n');
    process.chdir(dir);
  });
  afterAll(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });
  it('finds the essay from the page path and the chart by its id', () => {
    expect(chartPlace('/weather/', 'months')).toEqual({ file: 'content/essays/weather/index.mdx', line: 7, column: 11 });
    expect(chartPlace('/embed/weather/months/', 'months')).toMatchObject({ file: 'content/essays/weather/index.mdx', line: 7 });
    expect(chartPlace('/weather/present/', 'nope')).toEqual({ file: 'content/essays/weather/index.mdx' });
    expect(chartPlace('/components/barchart/', 'months')).toEqual({ file: 'page /components/barchart/' });
  });
  it('a highlight error points at the chart\'s line', () => {
    expect(() => checkHighlights('BarChart', '/weather/', 'months', ['Jul'], ['July'], undefined)).toThrow(/^content\/essays\/weather\/index\.mdx:7:11: highlight: <BarChart id="months"> highlights "July"/);
  });
});
