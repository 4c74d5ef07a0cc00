// The HTML an educator pastes to embed a figure: an iframe of its /embed/ page.
import { escapeXml } from './xml-escape.ts';

export interface EmbedTarget {
  /** Absolute URL of the embed page (with ?step=n if frozen). */
  src: string;
  /** The iframe's accessible title. */
  title: string;
  height?: number;
}

export function embedPath(slug: string, id: string): string {
  return `/embed/${slug}/${id}/`;
}

export function embedCode({ src, title, height = 560 }: EmbedTarget): string {
  return `<iframe src="${escapeXml(src)}" title="${escapeXml(title)}" width="100%" height="${height}" style="border:0" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
}
