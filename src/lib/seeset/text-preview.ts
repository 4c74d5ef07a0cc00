// The opening of a long text, for cards that clamp what an export says and
// offer the rest behind "Read all". Counts characters as a reader sees them
// (grapheme clusters: an emoji or a Hangul syllable is never cut in half).

/** Texts longer than this many characters are clamped on photo cards. */
export const TEXT_PREVIEW_CHARS = 280;

/**
 * `text` itself when it is at most `max` characters, else its first `max`
 * characters cut back to the last space in the final fifth (so a word is not
 * cut, unless the text has no spaces there, as in Korean or Chinese runs) and
 * an ellipsis.
 */
export function textPreview(text: string, max = TEXT_PREVIEW_CHARS): { preview: string; clamped: boolean } {
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
  if (graphemes.length <= max) return { preview: text, clamped: false };
  const head = graphemes.slice(0, max);
  const space = head.lastIndexOf(' ');
  const cut = space >= Math.floor(max * 0.8) ? head.slice(0, space) : head;
  return { preview: `${cut.join('').trimEnd()}…`, clamped: true };
}
