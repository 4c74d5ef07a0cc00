// The print handouts as Chromium lays them out on paper (print media, the
// width of an A4 and a US Letter page inside the margins of print.css):
// every scrolly shows one drawn figure per step, interactive ones included
// (image grids, threshold histograms, the taxonomy tree), no control is
// visible, nothing reaches past the page box, every image loads, and
// page.pdf() makes a document of several pages at both sizes (issue #22,
// deliverable 4). The linkedom checks of the same HTML are in print-steps.test.ts.
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type OpenBrowser } from './browser.ts';

const handouts = readdirSync('dist', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`dist/${d.name}/print/index.html`))
  .map((d) => d.name)
  .sort();

/** Page width minus the left and right margins of print.css (@page margin 15mm 14mm), in CSS px (96 per inch). */
const MM = 96 / 25.4;
const PAPERS = [
  { name: 'A4', format: 'A4', width: Math.floor((210 - 28) * MM) },
  { name: 'Letter', format: 'Letter', width: Math.floor(8.5 * 96 - 28 * MM) },
] as const;

interface PaperReport {
  scrollies: { id: string; steps: number; figures: number[]; blank: number[] }[];
  controls: string[];
  tooWide: string[];
  brokenImages: string[];
}

describe('print handouts on paper', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch({ javaScriptEnabled: false });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the handouts', () => {
    expect(handouts).toEqual(expect.arrayContaining(['ways-to-see-a-dataset', 'curation-by-statistics', 'a-taxonomy-of-people']));
  });

  for (const slug of handouts) {
    for (const paper of PAPERS) {
      it(`${slug} on ${paper.name}: a drawn figure per step, no controls, nothing past the page`, async () => {
        const failed: string[] = [];
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: paper.width, height: 1000 });
        await page.emulateMedia({ media: 'print' });
        page.on('requestfailed', (r) => failed.push(r.url()));
        page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
        await page.goto(new URL(`/${slug}/print/`, inject('baseUrl')).href, { waitUntil: 'networkidle' });
        const report: PaperReport = await page.evaluate(async () => {
          // Print loads every image: make lazy ones load too, and wait for them.
          for (const img of document.images) img.loading = 'eager';
          await Promise.all(Array.from(document.images).map((img) => img.decode().catch(() => undefined)));
          const shown = (el: Element) => {
            if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
            const r = el.getBoundingClientRect();
            if (r.width <= 2 || r.height <= 2) return false;
            // Inside a box clipped to a pixel (visually hidden) is not seen.
            for (let a = el.parentElement; a; a = a.parentElement) {
              const b = a.getBoundingClientRect();
              if (getComputedStyle(a).overflow !== 'visible' && (b.width <= 2 || b.height <= 2)) return false;
            }
            return true;
          };
          const describe = (el: Element) => `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').trim().split(/\s+/).join('.')} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
          // A drawn figure: a rendered drawing (SVG, image) or text, outside the hidden data table.
          const drawn = (graphic: Element) =>
            Array.from(graphic.querySelectorAll('*')).filter((el) => !el.closest('.chart-table') && shown(el)
              && (/^(svg|img|canvas)$/i.test(el.tagName) || Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim()))).length;
          const scrollies = Array.from(document.querySelectorAll('[data-handout-scrolly]')).map((section) => {
            const steps = Array.from(section.querySelectorAll('.handout-step'));
            return {
              id: section.getAttribute('data-handout-scrolly') ?? '',
              steps: steps.length,
              figures: steps.map((s) => Array.from(s.querySelectorAll(':scope > .handout-graphic')).filter(shown).length),
              blank: steps.flatMap((s, k) => (Array.from(s.querySelectorAll(':scope > .handout-graphic')).some((g) => drawn(g) > 0) ? [] : [k])),
            };
          });
          const controls = Array.from(document.querySelectorAll('button, input, select, textarea, summary, [role="button"], [role="switch"], [role="slider"], .chart-table-label, .carousel-controls, .threshold-handle'))
            .filter(shown)
            .map(describe);
          // The part of an element that shows: its box cut by every ancestor that clips (a sprite's window, an SVG's viewport).
          const visibleX = (el: Element) => {
            let { left, right } = el.getBoundingClientRect();
            for (let a = el.parentElement as Element | null; a; a = a.parentElement) {
              if (getComputedStyle(a).overflowX === 'visible') continue;
              const b = a.getBoundingClientRect();
              left = Math.max(left, b.left);
              right = Math.min(right, b.right);
            }
            return { left, right: Math.max(left, right) };
          };
          const W = document.documentElement.clientWidth;
          const tooWide = Array.from(document.querySelectorAll('body *'))
            .filter(shown)
            .map((el) => ({ el, x: visibleX(el) }))
            .filter(({ x }) => x.right > W + 1 || x.left < -1)
            .map(({ el, x }) => `${describe(el)} ${Math.round(x.left)}..${Math.round(x.right)} of ${W}`);
          if (document.documentElement.scrollWidth > W + 1) tooWide.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} of ${W}`);
          const brokenImages = Array.from(document.images).filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.currentSrc || img.src);
          return { scrollies, controls, tooWide, brokenImages };
        });
        for (const s of report.scrollies) {
          expect(s.figures, `${slug} ${s.id}: one figure shown per step`).toEqual(Array.from({ length: s.steps }, () => 1));
          expect(s.blank, `${s.id}: steps whose figure draws nothing`).toEqual([]);
        }
        expect(report.controls, 'controls visible on paper').toEqual([]);
        expect(report.tooWide, 'elements past the page box').toEqual([]);
        expect(report.brokenImages, 'images that did not load').toEqual([]);
        expect(failed, 'failed requests').toEqual([]);
        // Chromium's own print of the page: a document of several pages.
        const pdf = await page.pdf({ format: paper.format });
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pages).toBeGreaterThan(1);
        await page.close();
      }, 120_000);
    }
  }
});

