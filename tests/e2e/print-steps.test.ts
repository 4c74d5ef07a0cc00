// Checks over the built HTML (the suite's one build, read with linkedom: no
// browser): every print handout gives every step of every scrolly its own
// figure, interactive histograms drawn at each step's threshold, image grids
// at each step's view, the tree at each step's branch (issue #22,
// deliverable 4; issue #21, item 13), and no page repeats an element id, so
// a figure drawn twice cannot point at the other copy's <pattern> or label.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { binEdges, unpackBins } from '../../src/lib/charts/bins.ts';

type Doc = ReturnType<typeof parseHTML>['document'];
const read = (file: string): Doc => parseHTML(readFileSync(file, 'utf8')).document;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

const printPages = readdirSync('dist', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .filter((slug) => readdirSync(join('dist', slug)).includes('print'));

/** Astro's serialised island props, for the plain values and arrays the threshold island takes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function islandProps(island: Element): Record<string, any> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const decode = (v: any): any => (Array.isArray(v) && v[0] === 1 ? (v[1] as unknown[]).map(decode) : Array.isArray(v) ? v[1] : v);
  const raw = JSON.parse(island.getAttribute('props') ?? '{}') as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decode(v)]));
}

describe('print handouts', () => {
  it('finds the handouts of the essays', () => {
    expect(printPages).toEqual(expect.arrayContaining(['ways-to-see-a-dataset', 'curation-by-statistics']));
  });

  it.each(printPages)('%s prints one figure per step for every scrolly', (slug) => {
    const essay = read(`dist/${slug}/index.html`);
    const print = read(`dist/${slug}/print/index.html`);
    const ids = [...new Set(Array.from(essay.querySelectorAll('[data-scrolly]')).map((el) => el.getAttribute('data-scrolly')))];
    const printed = Array.from(print.querySelectorAll('[data-handout-scrolly]'));
    expect(printed.map((el) => el.getAttribute('data-handout-scrolly'))).toEqual(ids);
    for (const section of printed) {
      const id = section.getAttribute('data-handout-scrolly');
      const steps = essay.querySelectorAll(`[data-scrolly="${id}"] [data-step], [data-scrolly="${id}"][data-step]`).length;
      const items = Array.from(section.querySelectorAll('.handout-step'));
      expect(items.length, `${id}: printed steps`).toBe(steps);
      const figures = items.map((item) => item.querySelectorAll(':scope > .handout-graphic').length);
      expect(figures, `${id}: one figure per step`).toEqual(items.map(() => 1));
      expect(section.querySelectorAll(':scope > .handout-graphic'), `${id}: no figure printed once above its steps`).toHaveLength(0);
    }
  });
});

describe('threshold histograms on paper', () => {
  const cases = printPages.flatMap((slug) => {
    const essay = read(`dist/${slug}/index.html`);
    return Array.from(essay.querySelectorAll('[data-scrolly] astro-island[component-url*="Histogram.Threshold"]')).map((island) => {
      const scrolly = island.closest('[data-scrolly]')!.getAttribute('data-scrolly')!;
      return { slug, scrolly, props: islandProps(island) };
    });
  });

  it('has the threshold scrollies of both essays', () => {
    expect(cases.map((c) => `${c.slug}#${c.scrolly}`)).toEqual(
      expect.arrayContaining(['ways-to-see-a-dataset#ink', 'curation-by-statistics#threshold']),
    );
  });

  it.each(cases)('$slug $scrolly: each step shows its own threshold, counts, title and note, with no script', ({ slug, scrolly, props }) => {
    const print = read(`dist/${slug}/print/index.html`);
    const section = print.querySelector(`[data-handout-scrolly="${scrolly}"]`)!;
    const edges = binEdges(unpackBins(props.edges, props.counts));
    const stepEdges: number[] = props.steps;
    const items = Array.from(section.querySelectorAll('.handout-step'));
    expect(stepEdges.length).toBeGreaterThan(1);
    const shown = items.map((item) => {
      const thresholds = item.querySelectorAll('.threshold');
      expect(thresholds).toHaveLength(1);
      expect(item.querySelector('.chart-title')?.textContent?.trim()).toBeTruthy();
      expect(item.querySelector('.chart-note')?.textContent?.trim()).toBeTruthy();
      expect(item.querySelector('script, astro-island, [role="slider"]')).toBeNull();
      const labels = Array.from(thresholds[0]!.querySelectorAll('svg text')).map((t) => Number(t.textContent));
      return { edge: Number(thresholds[0]!.getAttribute('data-edge')), labels, readout: thresholds[0]!.querySelector('.threshold-readout')?.textContent };
    });
    // The essay's step k sets the threshold to edge steps[k] (the last one holds for later steps).
    const expected = items.map((_, k) => stepEdges[Math.min(k, stepEdges.length - 1)]!);
    expect(shown.map((s) => s.edge)).toEqual(expected);
    for (const [k, s] of shown.entries()) {
      const value = edges[expected[k]!]!;
      expect(s.labels.length).toBeGreaterThan(0);
      for (const label of s.labels) expect(label).toBeCloseTo(value, 6);
    }
    // Different thresholds print different labels and different kept/removed counts.
    const distinct = new Set(expected).size;
    expect(new Set(shown.map((s) => s.labels[0])).size).toBe(distinct);
    expect(new Set(shown.map((s) => s.readout)).size).toBe(distinct);
  });
});

describe('element ids', () => {
  const files = htmlFiles('dist');

  it('finds the built pages', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('no page of dist/ repeats an id', () => {
    const repeats: string[] = [];
    for (const file of files) {
      // Tags only: script and style bodies, comments and text are left out.
      const html = readFileSync(file, 'utf8').replace(/<(script|style)\b[\s\S]*?<\/\1>|<!--[\s\S]*?-->/gi, '');
      const seen = new Set<string>();
      for (const m of html.matchAll(/<[a-zA-Z][^>]*?\sid="([^"]*)"/g)) {
        if (seen.has(m[1]!)) repeats.push(`${file}: id="${m[1]}"`);
        seen.add(m[1]!);
      }
    }
    expect(repeats).toEqual([]);
  });
});
