// Each aggregate's pure transform on small SYNTHETIC inputs (made-up rows and
// tiny made-up images), checking what it computes, not what the real data says.
import { describe, expect, it } from 'vitest';
import laionFigures, { LAION_FIGURE_KEYS } from '../../scripts/aggregates/laion-figures.ts';
import languageSubsets from '../../scripts/aggregates/laion-language-subsets.ts';
import sourceDomains from '../../scripts/aggregates/laion-source-domains.ts';
import clipFilter from '../../scripts/aggregates/laion-clip-filter.ts';
import aesthetics from '../../scripts/aggregates/laion-aesthetics.ts';
import lineage from '../../scripts/aggregates/laion-lineage.ts';
import datasetScale, { viewingYears } from '../../scripts/aggregates/dataset-scale.ts';
import cldrSpeakers from '../../scripts/aggregates/cldr-speakers.ts';
import captionsPerSpeaker from '../../scripts/aggregates/laion-captions-per-speaker.ts';
import labelCounts from '../../scripts/aggregates/mnist-label-counts.ts';
import meanDigits from '../../scripts/aggregates/mnist-mean-digits.ts';
import mnistInk, { binCounts } from '../../scripts/aggregates/mnist-ink.ts';
import atypical, { extremes } from '../../scripts/aggregates/mnist-atypical.ts';
import nearDuplicatesAggregate from '../../scripts/aggregates/mnist-near-duplicates.ts';
import personTree from '../../scripts/aggregates/wordnet-person-tree.ts';
import imagenetPerson from '../../scripts/aggregates/imagenet-person.ts';
import { languageName, speakersByLanguage, type TerritoryInfo } from '../../scripts/aggregates/shared/cldr.ts';
import type { FigureRow } from '../../scripts/aggregates/shared/published-figures.ts';
import { blob, idxImages, idxLabels } from '../fixtures/data/synthetic-idx.ts';
import { runTransform } from '../fixtures/data/run-transform.ts';

const run = runTransform;

const figure = (key: string, value: number, topic = 'clip', qualifier = ''): FigureRow => ({ key, topic, value, unit: 'pairs', qualifier, label: key, citation: 'A;B' });

describe('LAION published-figure aggregates (synthetic rows)', () => {
  it('laion-figures keys every figure, splits citations, and refuses unknown or missing keys', () => {
    const rows = LAION_FIGURE_KEYS.map((k, i) => figure(k, i));
    const out = run(laionFigures, { rows: { figures: rows } });
    expect(out.pairsAbove05).toEqual({ value: LAION_FIGURE_KEYS.indexOf('pairsAbove05'), unit: 'pairs', qualifier: '', label: 'pairsAbove05', citations: ['A', 'B'] });
    expect(() => run(laionFigures, { rows: { figures: [...rows, figure('typo', 1)] } })).toThrow(/keys this aggregate does not expose: typo/);
    expect(() => run(laionFigures, { rows: { figures: rows.slice(1) } })).toThrow(/no row with key "commonCrawlWebsites"/);
    expect(() => run(laionFigures, { rows: { figures: rows.map((r) => ({ ...r, qualifier: 'roughly' })) } })).toThrow(/qualifier "roughly"/);
  });

  it('laion-language-subsets sums the subsets', () => {
    const out = run(languageSubsets, { rows: { subsets: [
      { subset: 'a', pairs: 6, note: '', citation: 'X', share: 0.6 },
      { subset: 'b', pairs: 3, note: '', citation: 'X', share: 0.3 },
      { subset: 'c', pairs: 1, note: '', citation: 'X', share: 0.1 },
    ] } });
    expect(out.totalPairs).toBe(10);
    expect(out.subsets.map((s) => s.share)).toEqual([0.6, 0.3, 0.1]);
  });

  it('laion-source-domains keeps qualifiers and shares as published, and computes its own against the total', () => {
    const out = run(sourceDomains, { rows: { domains: [{ domain: 'x.example', pairs: 100, qualifier: 'about', share: 0.025, share_text: 'about 1 in 40', citation: 'K' }], figures: [figure('laion5bPairs', 3800, 'origin')] } });
    // The published "1 in 40" stays as published; the computed share is 100 of 3,800: 1 in 38.
    expect(out.domains[0]).toEqual({ domain: 'x.example', pairs: 100, qualifier: 'about', share: 0.025, shareText: 'about 1 in 40', citations: ['K'], computedShare: 100 / 3800, computedOneIn: 38 });
    expect(out.totalPairs).toBe(3800);
    expect(() => run(sourceDomains, { rows: { domains: [], figures: [] } })).toThrow(/no row with key "laion5bPairs"/);
  });

  it('laion-clip-filter computes shares of the whole set', () => {
    const rows = [figure('laion5bPairs', 1000, 'origin'), figure('clipThresholdEnglish', 0.28), figure('clipThresholdOther', 0.26), figure('clipScoreCeiling', 0.5), figure('clipTextInImage', 0.46), figure('pairsAbove05', 4), figure('shareNearThreshold', 0.16), figure('removedByPlus001', 160)];
    const out = run(clipFilter, { rows: { figures: rows } });
    expect(out.computed).toEqual({ pairsAbove05Share: 0.004, pairsAbove05OneIn: 250, removedByPlus001Share: 0.16 });
  });

  it('laion-aesthetics totals the training sets and the subset share', () => {
    const keys = ['aestheticEnglishPairsScored', 'aestheticScoreCutoff', 'aestheticSubsetImages', 'dpchallengeTopReviewers', 'dpchallengeTopReviews', 'dpchallengeLocatedReviewers', 'dpchallengeWesternShare'];
    const values: Record<string, number> = { aestheticEnglishPairsScored: 200, aestheticSubsetImages: 50, dpchallengeTopReviewers: 10, dpchallengeTopReviews: 1005 };
    const out = run(aesthetics, { rows: {
      figures: keys.map((k) => figure(k, values[k] ?? 1, 'aesthetics')),
      sets: [{ name: 's1', images: 10, what: 'w', ratings: '', citation: 'K' }, { name: 's2', images: 15, what: 'w', ratings: 'r', citation: 'K' }],
    } });
    expect(out.computed).toEqual({ trainingImages: 25, subsetShare: 0.25, reviewsPerTopReviewer: 101 });
  });
});

describe('laion-lineage (synthetic rows)', () => {
  it('keeps nodes and edges with their citations and refuses an edge to an unknown node', () => {
    const nodes = [{ id: 'a', label: 'A', kind: 'dataset', citation: 'K' }, { id: 'm', label: 'M', kind: 'model', citation: 'K;L' }];
    const out = run(lineage, { rows: { nodes, edges: [{ from: 'm', to: 'a', relation: 'filtered by', citation: 'K' }] } });
    expect(out.nodes[1]).toEqual({ id: 'm', label: 'M', kind: 'model', citations: ['K', 'L'] });
    expect(out.edges).toEqual([{ from: 'm', to: 'a', relation: 'filtered by', citations: ['K'] }]);
    expect(() => run(lineage, { rows: { nodes, edges: [{ from: 'x', to: 'a', relation: 'drawn from', citation: 'K' }] } })).toThrow(/names "x"/);
    expect(() => run(lineage, { rows: { nodes, edges: [{ from: 'm', to: 'a', relation: 'inspired by', citation: 'K' }] } })).toThrow();
  });
});

describe('dataset-scale (synthetic rows)', () => {
  it('computes years of looking at 10 s per image', () => {
    expect(viewingYears(365.25 * 86_400 / 10)).toBeCloseTo(1, 12);
    expect(viewingYears(5e9)).toBeCloseTo(1584.4, 1);
  });

  it('matches each published time to the count it fits and keeps both counts of a dataset', () => {
    const perYear = (365.25 * 86_400) / 10;
    const out = run(datasetScale, { rows: {
      sizes: [
        { dataset: 'Big', year: 2020, count: 2 * perYear, unit: 'images', qualifier: 'more than', count_source: 'round', citation: 'K' },
        { dataset: 'Big', year: 2020, count: 3 * perYear, unit: 'images', qualifier: '', count_source: 'exact', citation: 'K' },
      ],
      published: [{ dataset: 'Big', years: 2.1, qualifier: '', citation: 'K' }],
    } });
    expect(out.rows.map((r) => Math.round(r.viewingYears * 1000) / 1000)).toEqual([2, 3]);
    expect(out.published[0]).toMatchObject({ publishedYears: 2.1, matchingCount: 2 * perYear });
    expect(() => run(datasetScale, { rows: { sizes: [], published: [{ dataset: 'Gone', years: 1, qualifier: '', citation: 'K' }] } })).toThrow(/"Gone", which sizes.csv does not have/);
  });
});

const territories: TerritoryInfo = {
  supplemental: {
    territoryInfo: {
      AA: { _population: '1000', languagePopulation: { xx: { _populationPercent: '50', _officialStatus: 'official' }, yy: { _populationPercent: '10' } } },
      BB: { _population: '200', languagePopulation: { xx: { _populationPercent: '100' }, yy_Latn: { _populationPercent: '5' } } },
      CC: { _population: '7' },
    },
  },
};
const names = { main: { en: { localeDisplayNames: { languages: { xx: 'Exish', yy: 'Wyish' } } } } };
const scripts = { main: { en: { localeDisplayNames: { scripts: { Latn: 'Latin' } } } } };

describe('CLDR speaker estimates (synthetic territories)', () => {
  it('sums population x percent over territories and counts official statuses', () => {
    expect(speakersByLanguage(territories)).toEqual([
      { code: 'xx', speakers: 700, territories: 2, official: 1 },
      { code: 'yy', speakers: 100, territories: 1, official: 0 },
      { code: 'yy_Latn', speakers: 10, territories: 1, official: 0 },
    ]);
  });

  it('names script variants after their base language', () => {
    expect(languageName('yy_Latn', { yy: 'Wyish' }, { Latn: 'Latin' })).toBe('Wyish (Latin)');
    expect(languageName('zz', {}, {})).toBe('zz');
  });

  it('cldr-speakers adds names and the world population (schema wants 100+ languages, so check the parts)', () => {
    const out = cldrSpeakers.transform({ rows: {}, files: { territoryInfo: territories, languageNames: names, scriptNames: scripts } } as never) as { worldPopulation: number; languages: { name: string }[] };
    expect(out.worldPopulation).toBe(1207);
    expect(out.languages.map((l) => l.name)).toEqual(['Exish', 'Wyish', 'Wyish (Latin)']);
  });

  it('laion-captions-per-speaker applies the published ratio to both speaker counts', () => {
    const lux = ['luxembourgishCaptions', 'luxembourgishSpeakers', 'commonCrawlLuxembourgishPages', 'commonCrawlPagesPerLuxembourgishPage'];
    const luxValues: Record<string, number> = { luxembourgishCaptions: 1400, luxembourgishSpeakers: 100 };
    const withLb = structuredClone(territories);
    withLb.supplemental.territoryInfo.BB!.languagePopulation!['lb'] = { _populationPercent: '50' };
    const files = { territoryInfo: withLb, languageNames: names, scriptNames: scripts };
    const figures = lux.map((k) => figure(k, luxValues[k] ?? 1, 'luxembourgish'));
    const out = run(captionsPerSpeaker, {
      rows: { ratios: [{ code: 'xx', captions: 1, per_speakers: 2, speakers: 1000, citation: 'K' }, { code: 'yy', captions: 3, per_speakers: 1, speakers: null, citation: 'K' }], figures },
      files,
    });
    expect(out.languages[0]).toMatchObject({ code: 'xx', captionsPerSpeaker: 0.5, cldrSpeakers: 700, impliedCaptionsFromPublished: 500, impliedCaptionsFromCldr: 350 });
    expect(out.languages[1]).toMatchObject({ code: 'yy', impliedCaptionsFromPublished: null, impliedCaptionsFromCldr: 300 });
    expect(out.luxembourgish).toMatchObject({ cldrSpeakers: 100, captionsPerSpeakerPublished: 14, captionsPerSpeakerCldr: 14 });
    expect(() => run(captionsPerSpeaker, { rows: { ratios: [{ code: 'qq', captions: 1, per_speakers: 1, speakers: null, citation: 'K' }], figures }, files })).toThrow(/no speaker estimate for language code "qq"/);
  });
});

/** A synthetic "MNIST": every digit 0-9 once in train, with ink growing with the label. */
function syntheticMnist(extraTest: number[][] = [], extraTestLabels: number[] = []) {
  const train = Array.from({ length: 10 }, (_, d) => blob(10 * (d + 1)));
  const labels = train.map((_, d) => d);
  return {
    trainImages: idxImages([...train, blob(5, 0), blob(15, 0)], 28, 28),
    trainLabels: idxLabels([...labels, 0, 0]),
    testImages: idxImages([blob(10), ...extraTest], 28, 28),
    testLabels: idxLabels([0, ...extraTestLabels]),
  };
}

describe('MNIST aggregates (synthetic idx files)', () => {
  it('mnist-label-counts counts per split and label', () => {
    const out = run(labelCounts, { files: syntheticMnist() });
    expect(out.labels[0]).toEqual({ label: 0, train: 3, test: 1 });
    expect(out.labels[9]).toEqual({ label: 9, train: 1, test: 0 });
    expect(out.totals).toEqual({ train: 12, test: 1, all: 13 });
  });

  it('mnist-mean-digits averages each class pixel by pixel', () => {
    const out = run(meanDigits, { files: syntheticMnist() });
    // Label 0: blobs of 10, 5 and 15 pixels: pixels 0-4 in all three, 5-9 in two, 10-14 in one.
    expect(out.digits[0]!.count).toBe(3);
    expect(out.digits[0]!.pixels.slice(0, 16)).toEqual([255, 255, 255, 255, 255, 170, 170, 170, 170, 170, 85, 85, 85, 85, 85, 0]);
  });

  it('mnist-ink bins ink per label, with mean and median', () => {
    expect(binCounts([0, 9.9, 10, 25, 99], 10, 3)).toEqual([2, 1, 2]);
    const out = run(mnistInk, { files: syntheticMnist() });
    expect(out.digits[0]).toMatchObject({ count: 4, mean: 10, median: 10, min: 5, max: 15 });
    expect(out.digits[9]).toMatchObject({ count: 1, mean: 100 });
    expect(out.digits.reduce((s, d) => s + d.counts.reduce((a, b) => a + b, 0), 0)).toBe(13);
  });

  it('mnist-atypical ranks by distance to the class mean', () => {
    expect(extremes([{ distance: 3 }, { distance: 1 }, { distance: 2 }], 1)).toEqual({ lowest: [{ distance: 1 }], highest: [{ distance: 3 }] });
    // 16 per class are required by the schema: check the transform's ranking directly.
    const out = atypical.transform({ rows: {}, files: syntheticMnist() } as never) as { digits: { atypical: { id: string }[]; typical: { id: string }[] }[] };
    expect(out.digits[0]!.atypical.map((x) => x.id).slice(0, 1)).toEqual(['train-11']);
    expect(out.digits[0]!.typical.map((x) => x.id).slice(0, 2).sort()).toEqual(['test-0', 'train-0']);
  });

  it('mnist-near-duplicates reports test images within the threshold of a training image', () => {
    const nearCopy = blob(10);
    nearCopy[300] = 100; // one faint extra pixel: distance 100/255
    const out = run(nearDuplicatesAggregate, { files: syntheticMnist([nearCopy, blob(200, 400)], [0, 7]) });
    expect(out.pairs.map((p) => [p.test, p.train])).toEqual([['test-0', 'train-0'], ['test-1', 'train-0']]);
    // Stored exactly (100/255), so a page rounds it once: never a value pre-rounded to 3 digits.
    expect(out.pairs.map((p) => p.distance)).toEqual([0, 100 / 255]);
    expect(out.identical).toBe(1);
    expect(out.counts.map((c) => c.testImages)).toEqual([2, 2, 2]);
    expect(out.byLabel[0]).toBe(2);
  });
});

describe('WordNet person aggregates (synthetic rows)', () => {
  const row = (offset: string, parents: string, in21k = false, in1k = false, words = `w${offset}`) => ({ offset, lexfile: 18, words, gloss: 'g', parents, in21k, in1k });
  const P = '00007846';
  const synsets = [
    row(P, '', true),
    row('00000001', P, true),
    row('00000002', P),
    row('00000003', '00000001', true, true),
    row('00000004', '00000001|00000002', true),
  ];
  const instances = [{ offset: '00000009', words: 'Someone', parents: '00000003', in21k: true, in1k: false }];

  it('wordnet-person-tree counts branches, depths and shared children once', () => {
    const out = run(personTree, { rows: { synsets, instances } });
    expect(out.totals).toEqual({ synsets: 5, instances: 1, in21k: 4, instancesIn21k: 1, in1k: 1, maxDepth: 2, multipleParents: 1 });
    expect(out.byDepth).toEqual([{ depth: 0, synsets: 1, in21k: 1 }, { depth: 1, synsets: 2, in21k: 1 }, { depth: 2, synsets: 2, in21k: 2 }]);
    expect(out.tree.synsets).toBe(5);
    // Both children of person are smaller than the fold size: folded into rest (00000004 counted in both).
    expect(out.tree.rest).toEqual({ branches: 2, synsets: 5, in21k: 4 });
    expect(() => run(personTree, { rows: { synsets: [...synsets, row('00000005', '99999999')], instances } })).toThrow(/parent 99999999/);
  });

  it('imagenet-person counts categories and instances in the wnid list, and catches stale flags', () => {
    const wnids = ['n00000003', ...Array.from({ length: 999 }, (_, i) => `n1${String(i).padStart(7, '0')}`), 'n00007846', 'n00000001', 'n00000004', 'n00000009'].join('\n');
    const out = run(imagenetPerson, { rows: { synsets, instances }, files: { wnids } });
    expect(out.imagenet21k).toMatchObject({ classes: 1004, person: 5, personCategories: 4 });
    expect(out.ilsvrc1k.person).toBe(1);
    expect(out.ilsvrc1k.personClasses.map((c) => c.wnid)).toEqual(['n00000003']);
    expect(out.branches).toEqual([{ wnid: 'n00000001', word: 'w00000001', in21k: 3 }, { wnid: 'n00000002', word: 'w00000002', in21k: 1 }]);
    expect(() => run(imagenetPerson, { rows: { synsets: synsets.map((s) => ({ ...s, in21k: false })), instances }, files: { wnids } })).toThrow(/disagree with wnids.txt/);
  });
});
