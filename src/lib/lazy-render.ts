// Pure: the height a figure rendered lazily (content-visibility: auto) keeps
// while it is skipped. It must never be smaller than the figure really is:
// a skipped figure that is too short lets its content, laid out on demand by
// tools such as axe, overlap the next link or button (Lighthouse's
// target-size audit failed on a flat 30rem guess). So every estimate here is
// an upper bound, taken at the narrowest screen the site supports and the
// largest type size; once seen, `auto` keeps the figure's real height.

/** Narrowest screen the layout supports, in CSS px. */
export const NARROWEST_SCREEN_PX = 320;
/** A wide figure's width on that screen: `--wide-width` is the screen less `--space` (16 px there) on both sides. */
export const NARROWEST_FIGURE_PX = NARROWEST_SCREEN_PX - 2 * 16;
/** `--step-0` at its largest (20 px): the body type size figures inherit. */
export const BODY_FONT_MAX_PX = 20;
/** Root font size: rem lengths in components. */
export const REM_PX = 16;
/** The site's line height (body, inherited by figures). */
export const LINE_HEIGHT = 1.6;
/**
 * Widest average advance of one character, in em, for the UI fonts a reader
 * may get (system-ui falls back to DejaVu Sans on Linux, about 0.55 em for
 * mixed text; bold a little wider).
 */
const CHAR_EM = 0.62;

/** Upper bound of the height of `text` set in `fontPx` type wrapped to `widthPx`. */
export function textHeightBound(text: string, fontPx: number, widthPx: number, lineHeight = LINE_HEIGHT): number {
  const chars = text.trim().length;
  if (chars === 0) return 0;
  const perLine = Math.max(1, Math.floor(widthPx / (fontPx * CHAR_EM)));
  // Words wrap before the edge: a spare line for every three the text fills.
  const full = Math.ceil(chars / perLine);
  return (full + Math.ceil(full / 3)) * fontPx * lineHeight;
}

/** The style attribute value that gives a lazily rendered figure its placeholder height. */
export function lazyRenderStyle(heightPx: number): string {
  if (!(heightPx > 0)) throw new Error(`a lazily rendered figure needs a positive height bound, got ${heightPx}`);
  return `contain-intrinsic-size: auto ${Math.ceil(heightPx)}px`;
}

