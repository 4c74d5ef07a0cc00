// Measures the current slide of a live deck in the page: what does not fit
// (content below or beside the slide, content clipped inside it, the QR strip
// overlapping content) and the smallest rendered text, for the projector tests
// and for looking at a deck by hand (scripts would import the same function).
import type { Page } from 'playwright-core';

export interface SlideMeasure {
  slide: number;
  /** Pixels of content below / right of the slide box (0 = fits). */
  overflowY: number;
  overflowX: number;
  /** Elements whose own box clips its content (overflow hidden/auto with more inside). */
  clipped: string[];
  /** Content elements under the footer (QR code strip). */
  underFooter: string[];
  /** Smallest rendered text of the slide itself (headings, prose, captions, QR strip), in CSS px, and where. */
  minFont: number;
  minFontAt: string;
  /** Smallest rendered text inside figures (charts, grids, tables, trees), in CSS px, and where. */
  minFigureFont: number;
  minFigureFontAt: string;
  /**
   * The same, without figure captions and source lines: the figure's own
   * labels (SVG text, titles, legends, readouts, grid and tree labels).
   */
  minLabelFont: number;
  minLabelFontAt: string;
  /** The zoom slide-fit.ts gave the slide (1 = none). */
  zoom: number;
  /** Smallest rendered text of the source line(s), if any. */
  minSourceFont: number | null;
}

/** Runs in the page: measures `[data-slide][data-current]`. */
export function measureCurrentSlide(page: Page): Promise<SlideMeasure> {
  return page.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('[data-slide][data-current]')!;
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' ? el.className : el.getAttribute('class') ?? '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''} "${text}"`;
    };
    // Seen by the eye: displayed, visible, not transparent, and not inside a
    // box clipped to a pixel (the visually-hidden pattern of data tables).
    const hiddenBox = new WeakMap<Element, boolean>();
    const inHiddenBox = (el: Element | null): boolean => {
      if (!el || el === slide) return false;
      if (hiddenBox.has(el)) return hiddenBox.get(el)!;
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const hidden = (style.overflow !== 'visible' || style.clipPath !== 'none') && (r.width <= 1 || r.height <= 1)
        || style.display === 'none' || inHiddenBox(el.parentElement);
      hiddenBox.set(el, hidden);
      return hidden;
    };
    const rendered = (el: Element) => {
      if (!(el instanceof HTMLElement || el instanceof SVGElement)) return false;
      if (el.closest('.visually-hidden, template, [hidden], dialog:not([open])')) return false;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return false;
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && !inHiddenBox(el.parentElement);
    };
    // The part of an element its scrolling/clipping ancestors let through.
    const visibleRect = (el: Element) => {
      const r = el.getBoundingClientRect();
      let { top, bottom, left, right } = r;
      for (let a = el.parentElement; a && a !== slide; a = a.parentElement) {
        const st = getComputedStyle(a);
        if (st.overflowX === 'visible' && st.overflowY === 'visible') continue;
        const c = a.getBoundingClientRect();
        top = Math.max(top, c.top); bottom = Math.min(bottom, c.bottom);
        left = Math.max(left, c.left); right = Math.min(right, c.right);
      }
      return { top, bottom: Math.max(top, bottom), left, right: Math.max(left, right) };
    };
    const box = slide.getBoundingClientRect();
    const overflowY = Math.max(0, slide.scrollHeight - slide.clientHeight, box.bottom - innerHeight);
    const overflowX = Math.max(0, slide.scrollWidth - slide.clientWidth, box.right - innerWidth);

    const clipped: string[] = [];
    const footer = slide.querySelector('.slide-footer');
    const footerBox = footer?.getBoundingClientRect();
    const underFooter: string[] = [];
    for (const el of slide.querySelectorAll('*')) {
      if (!rendered(el)) continue;
      const style = getComputedStyle(el);
      // A window onto one image (a digit cropped from a sprite sheet) is not content cut off.
      const spriteWindow = el.childElementCount === 1 && el.firstElementChild!.tagName === 'IMG' && !(el.textContent ?? '').trim();
      if (el instanceof HTMLElement && !spriteWindow && /hidden|auto|scroll|clip/.test(style.overflowY + style.overflowX)) {
        if (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2) clipped.push(describe(el));
      }
      // Content scrolled out of sight inside a scroll box is reported as clipped (above), not as under the footer.
      const inScroller = (() => {
        for (let a = el.parentElement; a && a !== slide; a = a.parentElement) {
          if (a.scrollHeight > a.clientHeight + 2 && /auto|scroll|hidden|clip/.test(getComputedStyle(a).overflowY)) return true;
        }
        return false;
      })();
      if (footer && footerBox && !inScroller && !footer.contains(el) && !el.contains(footer) && el.childElementCount === 0) {
        const r = visibleRect(el);
        if (r.bottom > footerBox.top + 1 && r.top < footerBox.bottom && r.right > footerBox.left && r.left < footerBox.right) underFooter.push(describe(el));
      }
    }

    const FIGURE = 'figure, table, [data-scrolly-graphic], [data-image-grid], .taxonomy-tree, .carousel';
    let minFont = Infinity;
    let minFontAt = '';
    let minFigureFont = Infinity;
    let minFigureFontAt = '';
    let minSourceFont: number | null = null;
    let minLabelFont = Infinity;
    let minLabelFontAt = '';
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!(node.textContent ?? '').trim()) continue;
      const el = node.parentElement ?? (node.parentNode as Element);
      if (!rendered(el)) continue;
      // Computed font sizes are before CSS zoom (slide-fit.ts shrinks slides
      // with it); SVG text is scaled by its screen transform (zoom included).
      let size = parseFloat(getComputedStyle(el).fontSize);
      const ctm = el instanceof SVGElement ? (el as SVGGraphicsElement).getScreenCTM?.() : null;
      if (ctm) size *= Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c));
      else size *= el.currentCSSZoom ?? 1;
      if (el.closest(FIGURE)) {
        if (size < minFigureFont) {
          minFigureFont = size;
          minFigureFontAt = describe(el);
        }
        if (size < minLabelFont && !el.closest('figcaption, .source-line, .figure-source, [data-source-line]')) {
          minLabelFont = size;
          minLabelFontAt = describe(el);
        }
      } else if (size < minFont) {
        minFont = size;
        minFontAt = describe(el);
      }
      if (el.closest('.source-line, .figure-source, [data-source-line]')) minSourceFont = Math.min(minSourceFont ?? Infinity, size);
    }
    return {
      slide: Number(slide.dataset['slide']),
      zoom: Number(slide.dataset['fit'] ?? 1),
      overflowY: Math.round(overflowY), overflowX: Math.round(overflowX),
      clipped, underFooter,
      minFont: Math.round(minFont * 10) / 10, minFontAt,
      minFigureFont: Math.round(minFigureFont * 10) / 10, minFigureFontAt,
      minLabelFont: Math.round(minLabelFont * 10) / 10, minLabelFontAt,
      minSourceFont: minSourceFont === null ? null : Math.round(minSourceFont * 10) / 10,
    };
  });
}

/**
 * Walks a live deck from its first slide with the clicker key (PageDown), as
 * a teacher would, and measures each slide once its islands have drawn and
 * the deck has fitted it.
 */
export async function walkDeck(page: Page): Promise<SlideMeasure[]> {
  const total = Number(await page.locator('[data-deck]').getAttribute('data-slide-count'));
  const measures: SlideMeasure[] = [];
  for (let n = 1; n <= total; n++) {
    if (n > 1) await page.keyboard.press('PageDown');
    await page.waitForFunction((n) => document.querySelector('[data-slide][data-current]')?.getAttribute('data-slide') === String(n), n);
    // Islands on the slide (image grids, sliders) draw before measuring.
    await page.waitForFunction(() => {
      const slide = document.querySelector('[data-slide][data-current]')!;
      const grids = slide.querySelectorAll('[data-image-grid]').length;
      return [...slide.querySelectorAll('astro-island')].every((i) => !i.hasAttribute('ssr'))
        && slide.querySelectorAll('.grid-island[data-drawn="true"], .grid-error').length === grids;
    }, undefined, { timeout: 20_000 });
    // Two frames let a resize from that drawing reach the deck's
    // ResizeObserver (which clears data-fitted); then the deck's own
    // signal: refitted after the last change, every image loaded.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForSelector('[data-slide][data-current][data-fitted]', { state: 'attached', timeout: 20_000 });
    measures.push(await measureCurrentSlide(page));
  }
  return measures;
}
