// Fits a projected slide on the screen: when its content is taller or wider
// than the slide, the content (not the QR strip) is scaled down with CSS zoom
// (layout-aware: text reflows at the new size) to the largest factor that
// fits, never below a floor (a clicker cannot scroll, so a slide must fit).
// Set through the CSSOM, which the page's CSP allows.

/** Smallest zoom factor a slide is shrunk to; below it text stops being legible. */
export const MIN_SLIDE_ZOOM = 0.4;

/**
 * Smallest zoom at which a figure's labels keep their floor while the slide
 * shrinks around them (deck.css): below it the slide's own text (~28 px at
 * 1024 px) would drop under MIN_SLIDE_TEXT_PX beside a figure set large.
 */
const MIN_FLOORED_ZOOM = 0.6;

/** Text on a slide never goes below this (CSS px, a 1024x768 projector shows them 1:1). */
export const MIN_SLIDE_TEXT_PX = 16;

/**
 * The zoom is also set as this custom property, so that text with a floor
 * (figure labels, source lines: deck.css) can be set larger by 1 / zoom and
 * keep its size on screen while the rest of the slide shrinks around it.
 */
export const ZOOM_PROPERTY = '--slide-zoom';

function setZoom(part: HTMLElement, zoom: number): void {
  part.style.setProperty('zoom', String(zoom));
  part.style.setProperty(ZOOM_PROPERTY, String(zoom));
}

function clearZoom(part: HTMLElement | null | undefined): void {
  part?.style.removeProperty('zoom');
  part?.style.removeProperty(ZOOM_PROPERTY);
}

/** Nothing sticks out of the slide, nor out of its body into the QR strip below it. */
const fits = (slide: HTMLElement, body: HTMLElement) =>
  slide.scrollHeight <= slide.clientHeight + 1 && slide.scrollWidth <= slide.clientWidth + 1
  && body.scrollHeight <= body.clientHeight + 1 && body.scrollWidth <= body.clientWidth + 1;

/** The part of a slide that is scaled: everything but the footer (QR strip) and notes. */
export function slideBody(slide: HTMLElement): HTMLElement | null {
  return slide.querySelector<HTMLElement>(':scope > :not(footer):not(template)');
}

/**
 * Fits a slide and returns the zoom used (1 = untouched). In order: a step
 * slide's text is set smaller, down to MIN_SLIDE_TEXT_PX; then, if the
 * figure fits, only the text column is zoomed (data-fit-part="caption": the
 * figure's labels keep their size); else the whole body is. Each is a binary
 * search where each probe is one layout of one slide.
 */
export function fitSlide(slide: HTMLElement, min = MIN_SLIDE_ZOOM): number {
  const body = slideBody(slide);
  if (!body) return 1;
  clearZoom(body);
  const caption = slide.querySelector<HTMLElement>('.slide-caption');
  caption?.style.removeProperty('font-size');
  clearZoom(caption);
  delete slide.dataset['fit'];
  delete slide.dataset['fitPart'];
  delete slide.dataset['fitLoose'];
  if (fits(slide, body)) return 1;
  // A step's text gives way first, down to the floor: the figure keeps its size.
  if (caption && fitCaption(slide, body, caption)) return 1;
  // Then, if the figure alone fits, only the text column is shrunk (zoom).
  const captionAlone = !!caption && zoomToFit(slide, body, caption, min, false);
  const part = captionAlone ? caption : body;
  // The body's figure labels keep their floor (deck.css) if the slide fits
  // so without shrinking the rest below MIN_FLOORED_ZOOM; else they shrink
  // with the rest (data-fit-loose).
  let fitted = captionAlone || zoomToFit(slide, body, body, Math.max(min, MIN_FLOORED_ZOOM), false);
  if (!fitted) {
    slide.dataset['fitLoose'] = '';
    fitted = zoomToFit(slide, body, body, min, true);
  }
  const factor = fitted ? Number(part.style.getPropertyValue('zoom') || 1) : min;
  slide.dataset['fit'] = String(factor);
  if (part === caption) slide.dataset['fitPart'] = 'caption';
  else delete slide.dataset['fitPart'];
  return factor;
}

/**
 * Shrinks `part` of a slide with CSS zoom to the largest factor (>= min)
 * that fits and leaves it there; false if even `min` does not fit (then,
 * unless `keep`, the zoom is removed again).
 */
function zoomToFit(slide: HTMLElement, body: HTMLElement, part: HTMLElement, min: number, keep: boolean): boolean {
  setZoom(part, min);
  if (!fits(slide, body)) {
    if (!keep) clearZoom(part);
    return false;
  }
  let lo = min;
  let hi = 1;
  for (let i = 0; i < 7; i++) {
    const mid = (lo + hi) / 2;
    setZoom(part, mid);
    if (fits(slide, body)) lo = mid;
    else hi = mid;
  }
  setZoom(part, Math.floor(lo * 100) / 100);
  return true;
}

/**
 * Lowers the font size of a step slide's text (the figure beside it keeps
 * its size) to the largest that fits, never under MIN_SLIDE_TEXT_PX; true if
 * the slide fits so, else the text stays at the floor for the zoom to follow.
 */
function fitCaption(slide: HTMLElement, body: HTMLElement, caption: HTMLElement): boolean {
  let hi = parseFloat(getComputedStyle(caption).fontSize);
  let lo = MIN_SLIDE_TEXT_PX;
  if (!(hi > lo)) return false;
  caption.style.setProperty('font-size', `${lo}px`);
  if (!fits(slide, body)) return false;
  for (let i = 0; i < 6; i++) {
    const mid = (lo + hi) / 2;
    caption.style.setProperty('font-size', `${mid}px`);
    if (fits(slide, body)) lo = mid;
    else hi = mid;
  }
  caption.style.setProperty('font-size', `${Math.floor(lo * 10) / 10}px`);
  return true;
}

/** Undoes fitSlide (e.g. when the slide is shown in the presenter view). */
export function unfitSlide(slide: HTMLElement): void {
  clearZoom(slideBody(slide));
  const caption = slide.querySelector<HTMLElement>('.slide-caption');
  caption?.style.removeProperty('font-size');
  clearZoom(caption);
  delete slide.dataset['fitPart'];
  delete slide.dataset['fit'];
  delete slide.dataset['fitLoose'];
}
