// pageIdProblems: duplicate ids and in-page references that find nothing.
import { describe, expect, it } from 'vitest';
import { pageIdProblems } from '../../src/lib/quality/page-ids.ts';

describe('pageIdProblems', () => {
  it('accepts unique ids with every reference resolved', () => {
    const html = '<svg><defs><pattern id="h-s0"></pattern></defs><rect fill="url(#h-s0)" style="mask: url(\'#h-s0\')"/><use href="#h-s0"/></svg>'
      + '<a href="#top" id="top" aria-describedby="top">t</a><a href="#:~:text=x">x</a><a href="#">top</a><template><p id="top"></p></template>';
    expect(pageIdProblems(html)).toEqual([]);
  });
  it('names an id used twice (two copies of a figure sharing a <pattern id>)', () => {
    const html = '<svg><pattern id="hatch"></pattern><rect fill="url(#hatch)"/></svg><svg><pattern id="hatch"></pattern></svg>';
    expect(pageIdProblems(html)).toEqual(['id "hatch" is used 2 times']);
  });
  it('names references that find nothing: url(#), href="#", xlink:href, aria and label ids', () => {
    const html = '<svg><rect fill="url(#gone)"/><use xlink:href="#gone2"/></svg><a href="#nowhere">a</a>'
      + '<p aria-labelledby="x y" id="x"></p><label for="f">f</label>';
    expect(pageIdProblems(html).sort()).toEqual([
      'a href="#nowhere" points to a missing id "nowhere"',
      'label for points to a missing id "f"',
      'p aria-labelledby points to a missing id "y"',
      'rect fill="url(#gone)" points to a missing id "gone"',
      'use xlink:href="#gone2" points to a missing id "gone2"',
    ]);
  });
});
