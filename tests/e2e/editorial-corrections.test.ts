// The corrections of the source audit (issue #21), checked on the built pages
// against the aggregates they print from: each test fails if a corrected
// sentence, number or marker goes back to what the audit found. Reads dist/
// (the suite's one build) with linkedom: no browser, no extra build.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../src/lib/format-value.ts';

type Doc = ReturnType<typeof parseHTML>['document'];
const page = (path: string): Doc => parseHTML(readFileSync(`dist/${path}/index.html`, 'utf8')).document;
const text = (doc: Doc, selector = 'main, article, body') => (doc.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const data = (name: string): any => JSON.parse(readFileSync(`src/generated/data/${name}.json`, 'utf8')).data;
/** The <Value> elements printed from one aggregate whose value equals `value`. */
const values = (doc: Doc, aggregate: string, value: number) =>
  Array.from(doc.querySelectorAll(`data.value[data-aggregate="${aggregate}"]`)).filter((el) => Number(el.getAttribute('value')) === value);

describe('ways-to-see-a-dataset', () => {
  const doc = page('ways-to-see-a-dataset');
  const body = text(doc);
  const scale = data('dataset-scale');
  const balance = data('mnist-split-balance');

  it('words the scale steps in its own words (no sentence of the series introduction)', () => {
    expect(body).not.toMatch(/By 2010, ImageNet was approaching/);
    expect(body).not.toMatch(/In 2003, Caltech 101 gathered/);
  });

  it('gives the MNIST viewing time in days and working weeks, not "a long working week"', () => {
    expect(body).not.toContain('a long working week');
    expect(balance.viewingDays).toBeGreaterThan(8);
    expect(body).toContain(`${formatValue(balance.viewingDays, 'number', 1)} days without a break`);
    expect(body).toContain(`${formatValue(balance.viewingWorkWeeks, 'number', 1)} full-time working weeks`);
  });

  it('names the published viewing times beside the computed ones', () => {
    const published = (dataset: string) => scale.published.find((p: { dataset: string }) => p.dataset === dataset).publishedYears;
    expect(values(doc, 'dataset-scale', published('ImageNet'))).toHaveLength(1);
    expect(values(doc, 'dataset-scale', published('CommonPool (DataComp)'))).toHaveLength(1);
    expect(body).toContain('the published times are rounded');
  });

  it('rounds near-duplicate distances once, from the exact value', () => {
    const pair = data('mnist-near-duplicates').pairs[1];
    expect(pair.distance).not.toBe(Math.round(pair.distance * 1000) / 1000); // stored exactly
    expect(body).toContain(`${pair.train} · ${pair.distance.toFixed(2)}`);
  });

  it('no longer claims atypical images are where labels are most often wrong, and backs the balance claim', () => {
    expect(body).not.toContain('most often wrong');
    expect(body).not.toContain('balance is a choice that someone made');
    expect(body).toMatch(/Orr and Crawford/);
  });
});

describe('curation-by-statistics', () => {
  const doc = page('curation-by-statistics');
  const body = text(doc);
  const domains = data('laion-source-domains');
  const names = data('openmoji-name-similarity');

  it('says in the content note that some numbers are derived, and marks every derived one', () => {
    expect(text(doc, '.content-note')).toMatch(/worked out from those figures/);
    const clip = data('laion-clip-filter');
    const aesthetics = data('laion-aesthetics');
    const lux = data('laion-captions-per-speaker').luxembourgish;
    for (const [aggregate, value] of [
      ['laion-clip-filter', clip.computed.pairsAbove05OneIn],
      ['laion-aesthetics', aesthetics.computed.reviewsPerTopReviewer],
      ['laion-captions-per-speaker', lux.captionsPerSpeakerPublished],
      ['laion-captions-per-speaker', lux.captionsPerSpeakerCldr],
      ['laion-source-domains', domains.domains[0].computedOneIn],
    ] as const) {
      const found = values(doc, aggregate, value);
      expect(found.length, `${aggregate} ${value}`).toBeGreaterThan(0);
      expect(found.every((el) => el.hasAttribute('data-computed')), `${aggregate} ${value} marked computed`).toBe(true);
    }
    // The unsupported aesthetic-subset share is gone.
    expect(values(doc, 'laion-aesthetics', aesthetics.computed.subsetShare)).toHaveLength(0);
  });

  it('gives Pinterest one share, the same in the prose and in the waffle', () => {
    const oneIn = domains.domains[0].computedOneIn;
    expect(oneIn).toBe(Math.round(domains.totalPairs / domains.domains[0].pairs));
    expect(body).toContain(`about one pair in ${oneIn}`);
    expect(text(doc, '#pinterest-share')).toContain(`about 1 in ${oneIn}`);
  });

  it('names both denominators of the threshold histogram, and what the stand-in score measures', () => {
    expect(values(doc, 'openmoji-name-similarity', names.cuts[0].keptShare)).toHaveLength(1);
    expect(values(doc, 'openmoji-name-similarity', names.cuts[0].keptShareOfCharted)).toHaveLength(1);
    expect(names.charted).toBe(names.pairs - names.counts[0]);
    expect(body).toContain(`${formatValue(names.cuts[0].keptShareOfCharted, 'percent')} of the ${formatValue(names.charted, 'integer')} drawn on the chart`);
    expect(body).toMatch(/is no evidence about how CLIP scores Yoruba/);
  });

  it('flags the two near-threshold figures as inconsistent instead of corroborating', () => {
    expect(body).not.toContain('tell the same story');
    expect(body).toContain('does not sit easily with the first');
  });

  it('uses one count for LAION-2B-en in the prose', () => {
    const en = data('laion-language-subsets').subsets[0].pairs;
    const prose = text(doc, '.essay-body');
    // 2.3 billion appears only in the footnote that explains the two counts.
    const footnotes = text(doc, '.footnotes, section[data-footnotes]');
    expect(prose.split('2.3 billion').length - 1).toBe(footnotes.split('2.3 billion').length - 1);
    expect(values(doc, 'laion-language-subsets', en).length).toBeGreaterThan(0);
  });

  it('shows the Swahili carousel as a stand-in in visible text, not only to screen readers', () => {
    const caption = doc.querySelector('[data-carousel] > figcaption.carousel-caption');
    expect(caption?.textContent).toMatch(/not LAION/);
  });

  it('gives the circularity and LAION\'s openness their own paragraphs', () => {
    expect(body).toMatch(/ResNet-50/);
    expect(body).toMatch(/undisclosed data/);
    expect(body).toMatch(/it published the dataset/);
    expect(body).toMatch(/Closed datasets do not have fewer of these problems/);
  });
});

describe('a-taxonomy-of-people', () => {
  const doc = page('a-taxonomy-of-people');
  const body = text(doc);
  const tree = data('wordnet-person-tree');
  const find = (n: { wnid: string; children: unknown[] }, wnid: string): { synsets: number; in21k: number } | undefined =>
    n.wnid === wnid ? (n as never) : (n.children as (typeof n)[]).reduce<ReturnType<typeof find>>((f, c) => f ?? find(c, wnid), undefined);

  it('says the class order is ours, and that some categories have more than one parent', () => {
    expect(body).not.toContain("ImageNet's own list");
    expect(body).toContain('the list ImageNet-21k ships is not itself sorted');
    expect(body).toContain('have more than one parent');
    expect(body).not.toMatch(/have two parents/);
  });

  it('counts how many wrongdoer and unpleasant-person categories were ImageNet classes', () => {
    for (const wnid of ['n09633969', 'n09631463']) {
      const node = find(tree.tree, wnid)!;
      expect(node.in21k).toBeLessThan(node.synsets);
      expect(values(doc, 'wordnet-person-tree', node.synsets).length).toBeGreaterThan(0);
      expect(values(doc, 'wordnet-person-tree', node.in21k).length).toBeGreaterThan(0);
    }
    expect(body).not.toContain('Every one of these words was a search query');
  });

  it('says what the image layer adds and why it is left out', () => {
    expect(body).toContain('The layer this essay leaves out');
    expect(body).toMatch(/predictive policing/);
  });
});

describe('numbers in prose', () => {
  it.each(['ways-to-see-a-dataset', 'curation-by-statistics', 'a-taxonomy-of-people'])('%s keeps every <Value> inside its sentence (none split off as a block)', (slug) => {
    const doc = page(slug);
    const loose = Array.from(doc.querySelectorAll('data.value')).filter((el) => ['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'LI'].includes(el.parentElement?.tagName ?? ''));
    expect(loose.map((el) => `${el.getAttribute('data-aggregate')}=${el.getAttribute('value')}`)).toEqual([]);
  });
});

describe('print handouts', () => {
  it.each(['ways-to-see-a-dataset', 'curation-by-statistics', 'a-taxonomy-of-people'])('%s prints every figure title and note of the essay', (slug) => {
    const essay = page(slug);
    const print = text(page(`${slug}/print`));
    const titles = Array.from(essay.querySelectorAll('.chart-title, .chart-note')).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(print, title).toContain(title);
  });
});

describe('dataset pages', () => {
  it.each(['mnist', 'dataset-scale', 'laion-5b-published', 'cldr-speakers', 'wordnet-person', 'imagenet-21k', 'openmoji'])('%s says how we checked it', (id) => {
    const doc = page(`datasets/${id}`);
    expect(doc.querySelector('#how-we-checked')).not.toBeNull();
    expect(doc.querySelectorAll('dl.checked li').length).toBeGreaterThan(0);
  });
});
