// The text layer of an Open Graph share card, as SVG that sharp renders over
// the essay's cover: a band with the title (wrapped) and the byline.
import { escapeXml } from './xml-escape.ts';

export const SHARE_CARD = { width: 1200, height: 630 } as const;

/** Greedy word wrap to at most `maxLines` lines of `maxChars`; the last line gets an ellipsis if cut. */
export function wrapTitle(title: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = title.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.length > maxChars ? `${words[i]!.slice(0, maxChars - 1)}…` : words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= maxChars) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      const last = lines[maxLines - 1]!;
      lines[maxLines - 1] = `${last.length + 1 > maxChars ? last.slice(0, maxChars - 1) : last}…`;
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The SVG overlay: every piece of text escaped. */
export function shareCardSvg(p: { title: string; byline: string; site: string }): string {
  const { width, height } = SHARE_CARD;
  const lines = wrapTitle(p.title, 28, 3);
  const lineHeight = 64;
  const bandTop = height - 110 - lines.length * lineHeight;
  const title = lines
    .map((l, i) => `<text x="60" y="${bandTop + 80 + i * lineHeight}" font-size="56" font-weight="700">${escapeXml(l)}</text>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect x="0" y="${bandTop}" width="${width}" height="${height - bandTop}" fill="#fbfaf7"/>`,
    `<rect x="0" y="${bandTop}" width="${width}" height="6" fill="#8a2d1c"/>`,
    `<g font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" fill="#1b1b1f">`,
    title,
    `<text x="60" y="${height - 40}" font-size="28" fill="#4a4a55">${escapeXml(p.byline)} · ${escapeXml(p.site)}</text>`,
    '</g></svg>',
  ].join('');
}
