// The demo essays' own aggregates and their small pure helpers, on SYNTHETIC
// inputs (made-up digit images and made-up synset rows, not MNIST or WordNet),
// plus the DigitRows and TextTable input checks.
import { describe, expect, it } from 'vitest';
import splitBalanceAggregate, { splitBalance } from '../../scripts/aggregates/mnist-split-balance.ts';
import nearestMean, { argmin, summarisePlacements, type Placement } from '../../scripts/aggregates/mnist-nearest-mean.ts';
import neighbours, { JUDGMENT_ROOTS, OCCUPATION_ROOTS, classify, judgmentsBesideOccupations, spread } from '../../scripts/aggregates/imagenet-person-neighbours.ts';
import { personGraph } from '../../scripts/aggregates/shared/wordnet-person.ts';
import { packDigitSheet, parseDigitId, resolveDigits, type IdxSplit } from '../../src/lib/images/digit-rows.ts';
import { checkTextRows } from '../../src/lib/text-table.ts';
import { blob, idxImages, idxLabels } from '../fixtures/data/synthetic-idx.ts';
import { runTransform } from '../fixtures/data/run-transform.ts';

const run = runTransform;

/** Synthetic MNIST-shaped files: one image per digit in train (digit d = a blob of (d + 1) * 20 ink pixels), plus extras. */
function digitFiles(extraTrain: { label: number; px: number[] }[], test: { label: number; px: number[] }[]) {
  const train = Array.from({ length: 10 }, (_, d) => ({ label: d, px: blob((d + 1) * 20) }));
  const all = [...train, ...extraTrain];
  return {
    trainImages: idxImages(all.map((t) => t.px), 28, 28),
    trainLabels: idxLabels(all.map((t) => t.label)),
    testImages: idxImages(test.map((t) => t.px), 28, 28),
    testLabels: idxLabels(test.map((t) => t.label)),
  };
}

describe('mnist-split-balance (synthetic images)', () => {
  it('splitBalance gives shares and test/train ratios', () => {
    const out = splitBalance([30, 10], [5, 5]);
    expect(out[0]).toEqual({ label: 0, train: 30, test: 5, all: 35, trainShare: 0.75, testShare: 0.5, ratio: 0.6667 });
    expect(out[1]!.ratio).toBe(2);
    expect(() => splitBalance([0, 10], [1, 1])).toThrow(/label 0 has no training images/);
  });

  it('names the most and least common digits and computes the viewing time', () => {
    // Digit 3 gets two extra training images; every digit has one test image except 7 (two).
    const test = Array.from({ length: 10 }, (_, d) => ({ label: d, px: blob(5) })).concat([{ label: 7, px: blob(5) }]);
    const out = run(splitBalanceAggregate, { files: digitFiles([{ label: 3, px: blob(1) }, { label: 3, px: blob(2) }], test) });
    expect(out.largest).toEqual({ label: 3, all: 4 });
    expect(out.smallest.all).toBe(2);
    expect(out.largestRatio.label).toBe(7);
    expect(out.viewingHours).toBeCloseTo((23 * 10) / 3600, 10);
    // 194 hours of MNIST is about 8 days non-stop or about 5 working weeks, not "a week".
    expect(out.viewingDays).toBeCloseTo((23 * 10) / 3600 / 24, 10);
    expect(out.viewingWorkWeeks).toBeCloseTo((23 * 10) / 3600 / 40, 10);
  });
});

describe('mnist-nearest-mean (synthetic images)', () => {
  it('argmin and summarisePlacements rank confusions and pick the widest gaps', () => {
    expect(argmin([3, 1, 2, 1])).toEqual({ index: 1, value: 1 });
    const p = (id: string, label: number, nearest: number, gap: number): Placement => ({ id, label, nearest, gap });
    const out = summarisePlacements([p('a', 1, 1, 0), p('b', 4, 9, 0.5), p('c', 4, 9, 2), p('d', 7, 1, 1), p('e', 4, 9, 1)], 1, 2);
    expect(out.confusions).toEqual([{ label: 4, nearest: 9, count: 3 }, { label: 7, nearest: 1, count: 1 }]);
    expect(out.examples).toEqual([{ label: 4, nearest: 9, ids: ['c', 'e'] }]);
  });

  it('finds a test image that sits nearer another digit\'s mean than its own', () => {
    // Test image labelled 0 but drawn like the synthetic 9 (200 ink pixels).
    const test = [{ label: 0, px: blob(200) }, { label: 5, px: blob(120) }];
    const out = run(nearestMean, { files: digitFiles([], test) });
    expect(out.images).toBe(12);
    expect(out.disagree).toBe(1);
    expect(out.topConfusion).toEqual({ label: 0, nearest: 9, count: 1 });
    expect(out.examples[0]!.ids).toEqual(['test-0']);
    expect(out.byLabel[0]).toEqual({ label: 0, images: 2, disagree: 1 });
  });
});

describe('imagenet-person-neighbours (synthetic synsets)', () => {
  const row = (offset: string, parents: string, in21k = true, words = `w${offset}`) => ({ offset, lexfile: 18, words, gloss: `gloss ${offset}`, parents, in21k, in1k: false });
  const P = '00007846';
  const [J] = JUDGMENT_ROOTS;
  const [O] = OCCUPATION_ROOTS;
  // Offsets sort as: 10000001 (job), 10000002 (judgement), 10000003 (other), 10000004 (judgement), 10000005 (both).
  const synsets = [
    row(P, ''),
    row(J, P, false, 'bad person'),
    row(O, P, false, 'worker'),
    ...JUDGMENT_ROOTS.slice(1).map((r) => row(r, P, false)),
    ...OCCUPATION_ROOTS.slice(1).map((r) => row(r, P, false)),
    row('10000001', O, true, 'plumber'),
    row('10000002', J, true, 'scoundrel'),
    row('10000003', P, true, 'neighbour'),
    row('10000004', J, true, 'cad'),
    row('10000005', `${J}|${O}`, true, 'hack'),
  ];

  it('classifies by branch and finds judgements beside occupations in wnid order', () => {
    const g = personGraph(synsets);
    const kind = classify(g, JUDGMENT_ROOTS, OCCUPATION_ROOTS);
    expect([kind.get('10000001'), kind.get('10000002'), kind.get('10000003'), kind.get('10000005')]).toEqual(['occupation', 'judgment', 'other', 'both']);
    const ordered = ['10000001', '10000002', '10000003', '10000004', '10000005'];
    expect(judgmentsBesideOccupations(ordered, kind)).toEqual([{ index: 1, before: '10000001', after: '10000003' }]);
    expect(spread([1, 2, 3, 4, 5, 6], 3)).toEqual([1, 3, 5]);
    expect(spread([1, 2], 3)).toEqual([1, 2]);
  });

  it('counts the classes and lists the neighbours with their words and glosses', () => {
    const out = run(neighbours, { rows: { synsets } });
    expect(out.totals).toEqual({ person21k: 6, judgment: 2, occupation: 1, both: 1, judgmentBesideOccupation: 1, besideShare: 0.5 });
    expect(out.examples).toEqual([{
      before: { wnid: 'n10000001', word: 'plumber', kind: 'occupation' },
      judgment: { wnid: 'n10000002', word: 'scoundrel', gloss: 'gloss 10000002' },
      after: { wnid: 'n10000003', word: 'neighbour', kind: 'other' },
    }]);
    expect(out.judgmentRoots[0]).toEqual({ wnid: `n${J}`, word: 'bad person', synsets: 4, in21k: 3 });
    expect(() => run(neighbours, { rows: { synsets: synsets.filter((s) => s.offset !== O) } })).toThrow();
  });
});

describe('DigitRows and TextTable inputs', () => {
  const split: IdxSplit = { count: 2, rows: 2, cols: 2, pixels: Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]), labels: Uint8Array.from([3, 8]) };

  it('packs a figure\'s images into one sheet, a figure row per sheet row', () => {
    const img = (w: number, h: number, v: number) => ({ width: w, height: h, pixels: new Uint8Array(w * h).fill(v) });
    const sheet = packDigitSheet([[img(2, 2, 10), img(2, 2, 20), img(1, 2, 30)], [img(2, 1, 40)]]);
    expect([sheet.width, sheet.height]).toEqual([6, 4]);
    expect(sheet.cells).toEqual([[{ x: 0, y: 0 }, { x: 2, y: 0 }, { x: 4, y: 0 }], [{ x: 0, y: 2 }]]);
    const at = (x: number, y: number) => sheet.pixels[y * sheet.width + x];
    expect([at(0, 0), at(1, 1), at(2, 0), at(3, 1), at(4, 1), at(5, 1), at(0, 2), at(1, 2), at(0, 3)]).toEqual([10, 10, 20, 20, 30, 0, 40, 40, 0]);
  });

  it('resolves ids to pixels and labels, takes given pixels, and names the bad item', () => {
    expect(parseDigitId('test-12')).toEqual({ split: 'test', index: 12 });
    expect(parseDigitId('train12')).toEqual({ error: expect.stringMatching(/not an item id/) });
    const [[byId, given]] = resolveDigits([{ label: 'r', items: [{ id: 'train-1' }, { pixels: [0, 255, 255, 0], caption: 'mean' }] }], () => split) as [[ReturnType<typeof resolveDigits>[0][0], ReturnType<typeof resolveDigits>[0][0]]];
    expect([...byId.pixels]).toEqual([4, 5, 6, 7]);
    expect(byId.label).toBe(8);
    expect(byId.alt).toMatch(/labelled 8 \(train-1\)/);
    expect(given.width).toBe(2);
    expect(given.alt).toBe('r, mean');
    expect(() => resolveDigits([{ label: 'r', items: [{ id: 'train-2' }] }], () => split)).toThrow(/row 0 \("r"\), item 0: "train-2" is past the end/);
    expect(() => resolveDigits([{ label: 'r', items: [{ pixels: [1, 2, 3] }] }], () => split)).toThrow(/do not make a square/);
    expect(() => resolveDigits([{ label: 'r', items: [{}] }], () => split)).toThrow(/either an id or pixels/);
  });

  it('checks table rows cell by cell', () => {
    expect(checkTextRows([['a', 1200]], ['word', 'count'])).toEqual([['a', '1,200']]);
    expect(() => checkTextRows([['a']], ['word', 'count'])).toThrow(/row 0 has 1 cells for 2 columns/);
    expect(() => checkTextRows([['a', null]], ['word', 'count'])).toThrow(/column "count": null/);
    expect(() => checkTextRows([], ['word'])).toThrow(/no rows/);
  });
});
