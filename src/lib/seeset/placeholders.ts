// Marker lines become placeholder elements before Markdown rendering; the
// rendered HTML is then split at them and each piece of prose is followed by
// the widget the marker named.
import { findMarkers } from './markers.ts';

export const placeholderHtml = (key: string) => `<div data-seeset-widget="${key}"></div>`;

/**
 * Replaces each marker line with a placeholder, as its own HTML block (blank
 * lines around it), so a marker never merges into a neighbouring paragraph.
 */
export function markerPlaceholders(body: string): string {
  const lines = body.split('\n');
  for (const marker of findMarkers(body, 1, '(body)')) {
    lines[marker.line - 1] = `\n${placeholderHtml(marker.key)}\n`;
  }
  return lines.join('\n');
}

export type BodyPart = { html: string } | { widget: string };

/** Splits rendered HTML at the placeholders, in order. */
export function splitAtPlaceholders(html: string): BodyPart[] {
  const parts: BodyPart[] = [];
  const pattern = /<div data-seeset-widget="((?:grid|carousel|image)-\d+)"><\/div>/g;
  let last = 0;
  for (const match of html.matchAll(pattern)) {
    parts.push({ html: html.slice(last, match.index) }, { widget: match[1]! });
    last = match.index + match[0].length;
  }
  parts.push({ html: html.slice(last) });
  return parts.filter((part) => !('html' in part) || part.html.trim() !== '');
}
