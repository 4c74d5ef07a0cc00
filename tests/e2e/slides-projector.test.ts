// Every slide of every essay on a projector: at 1920x1080, 1280x720 and
// 1024x768 nothing lies outside the slide or is clipped inside it, the QR
// strip covers no content, and the smallest text stays legible from the back
// of a room. One browser for the file, one page session per essay and size:
// the deck is walked with the clicker key (PageDown), as a teacher would.
import { readdirSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type OpenBrowser } from './browser.ts';
import { walkDeck, type SlideMeasure } from './slide-measure.ts';
import { MIN_SLIDE_ZOOM } from '../../src/components/present/slide-fit.ts';

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];
/**
 * Legibility floor in CSS px for the slide's own text (a 1024x768 projector
 * shows CSS px 1:1), on slides shown at full size; a slide shrunk to fit keeps
 * the same floor times its zoom (so never under MIN_SLIDE_ZOOM of it).
 */
const MIN_TEXT = 16;
/**
 * Text inside figures (chart labels, grid and tree labels, source lines) is
 * measured and reported; the floor asserted here only keeps it from vanishing
 * at every size. The legibility floors (labels >= 20 px, source lines >= 16 px
 * at 1024x768) are tests/e2e/slides-legible.test.ts.
 */
const MIN_FIGURE_TEXT = 5;
/**
 * Interactive scroll boxes that still clip on a slide (issue #22, not done
 * yet): the taxonomy explorer, the image grid's scroller when a grid has more
 * groups than fit at 2 px cells, and the carousel track (one image at a time).
 */
/**
 * Slides still too tall at the zoom floor (none since issue #22: a carousel
 * item with a very long description takes the slide's width, deck.css).
 * Asserted to still fail, so that a fix has to remove the entry.
 */
const KNOWN_TOO_TALL: Record<string, number[]> = {};
const KNOWN_SCROLLERS = /^(ul\.taxonomy-tree|div\.grid-scroller|ol\.carousel-track)\b/;

const essays = readdirSync('dist', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`dist/${d.name}/present/index.html`))
  .map((d) => d.name)
  .sort();

describe('slides on a projector', () => {
  let browser: OpenBrowser;
  const results = new Map<string, SlideMeasure[]>();
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the decks', () => {
    expect(essays.length).toBeGreaterThanOrEqual(4);
  });

  for (const size of SIZES) {
    for (const slug of essays) {
      const key = `${slug} ${size.width}x${size.height}`;
      it(`${key}: every slide fits, nothing clipped or under the QR strip, text legible`, async () => {
        const { page, errors } = await browser.open(`/${slug}/present/#slide-1`);
        await page.setViewportSize(size);
        const measures = await walkDeck(page);
        results.set(key, measures);
        await page.close();
        const problems = measures.flatMap((m) => {
          const out: string[] = [];
          const tooBig = m.overflowY > 1 || m.overflowX > 1;
          const knownTooTall = KNOWN_TOO_TALL[slug]?.includes(m.slide) ?? false;
          if (tooBig && !knownTooTall) out.push(`slide ${m.slide}: ${m.overflowY}px too tall, ${m.overflowX}px too wide`);
          if (knownTooTall && !tooBig) out.push(`slide ${m.slide}: fits now: remove it from KNOWN_TOO_TALL`);
          const clipped = m.clipped.filter((c) => !KNOWN_SCROLLERS.test(c));
          if (clipped.length) out.push(`slide ${m.slide}: clipped ${clipped.join('; ')}`);
          if (m.underFooter.length) out.push(`slide ${m.slide}: under the QR strip ${m.underFooter.join('; ')}`);
          // A slide shrunk to fit (slide-fit.ts) shrinks its text with it, never below the zoom floor.
          if (m.zoom < MIN_SLIDE_ZOOM) out.push(`slide ${m.slide}: shrunk to ${m.zoom}`);
          if (m.minFont < MIN_TEXT * m.zoom - 0.5) out.push(`slide ${m.slide}: ${m.minFont}px text ${m.minFontAt}`);
          if (m.minFigureFont < MIN_FIGURE_TEXT) out.push(`slide ${m.slide}: ${m.minFigureFont}px figure text ${m.minFigureFontAt}`);
          return out;
        });
        const smallest = measures.reduce((a, b) => (b.minFigureFont < a.minFigureFont ? b : a));
        const source = Math.min(...measures.map((m) => m.minSourceFont ?? Infinity));
        console.info(`${key}: smallest figure text ${smallest.minFigureFont}px (slide ${smallest.slide}, ${smallest.minFigureFontAt}); smallest source line ${source}px; shrunk slides ${measures.filter((m) => m.zoom < 1).map((m) => `${m.slide}x${m.zoom}`).join(' ') || 'none'}`);
        expect(problems, `${key}:\n${problems.join('\n')}`).toEqual([]);
        expect(errors).toEqual([]);
      }, 120_000);
    }
  }
});
