// Fits a projected slide on the screen: when its content is taller or wider
// than the slide, the content (not the QR strip) is scaled down with CSS zoom
// (layout-aware: text reflows at the new size) to the largest factor that
// fits, never below a floor (a clicker cannot scroll, so a slide must fit).
// Set through the CSSOM, which the page's CSP allows.

/** Smallest zoom factor a slide is shrunk to; below it text stops being legible. */
export const MIN_SLIDE_ZOOM = 0.4;

/** Nothing sticks out of the slide, nor out of its body into the QR strip below it. */
const fits = (slide: HTMLElement, body: HTMLElement) =>
  slide.scrollHeight <= slide.clientHeight + 1 && slide.scrollWidth <= slide.clientWidth + 1
  && body.scrollHeight <= body.clientHeight + 1 && body.scrollWidth <= body.clientWidth + 1;

/** The part of a slide that is scaled: everything but the footer (QR strip) and notes. */
export function slideBody(slide: HTMLElement): HTMLElement | null {
  return slide.querySelector<HTMLElement>(':scope > :not(footer):not(template)');
}

/**
 * Scales the slide's body to fit and returns the factor used (1 = untouched).
 * A binary search over the factor: each probe is one layout of one slide.
 */
export function fitSlide(slide: HTMLElement, min = MIN_SLIDE_ZOOM): number {
  const body = slideBody(slide);
  if (!body) return 1;
  body.style.removeProperty('zoom');
  if (fits(slide, body)) {
    delete slide.dataset['fit'];
    return 1;
  }
  let lo = min;
  let hi = 1;
  for (let i = 0; i < 7; i++) {
    const mid = (lo + hi) / 2;
    body.style.setProperty('zoom', String(mid));
    if (fits(slide, body)) lo = mid;
    else hi = mid;
  }
  const factor = Math.floor(lo * 100) / 100;
  body.style.setProperty('zoom', String(factor));
  slide.dataset['fit'] = String(factor);
  return factor;
}

/** Undoes fitSlide (e.g. when the slide is shown in the presenter view). */
export function unfitSlide(slide: HTMLElement): void {
  slideBody(slide)?.style.removeProperty('zoom');
  delete slide.dataset['fit'];
}
