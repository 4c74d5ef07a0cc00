// The HTML an educator pastes to embed a figure: an iframe of its /embed/
// page with a fixed height that fits the content (measured when the code is
// copied), and a few lines of script that resize the iframe whenever the embed
// page reports a new height (EMBED_HEIGHT_MESSAGE). A host that strips scripts
// keeps the fixed height.
import { EMBED_HEIGHT_MESSAGE } from './embed-message.ts';
import { escapeXml } from './xml-escape.ts';

export interface EmbedTarget {
  /** Absolute URL of the embed page (with ?step=n if frozen). */
  src: string;
  /** The iframe's accessible title. */
  title: string;
  /** Fixed height in CSS px (the fallback when the host runs no script). */
  height?: number;
}

/** Used when the content could not be measured. */
export const DEFAULT_EMBED_HEIGHT = 560;

export function embedPath(slug: string, id: string): string {
  return `/embed/${slug}/${id}/`;
}

/** The embed page's URL at a step (0-based), or without one for a plain figure. */
export function embedUrl(src: string, base: string, step?: number): string {
  const url = new URL(src, base);
  if (step !== undefined) url.searchParams.set('step', String(step));
  return url.href;
}

/** A fixed height that fits content measured at `measured` px (a little room for rounding), or the default. */
export function fittedHeight(measured: number | undefined): number {
  return measured && measured > 0 ? Math.ceil(measured) + 8 : DEFAULT_EMBED_HEIGHT;
}

/** The host-side listener: sizes the iframe that sent the message, only for messages from the site's origin. */
export function resizeListener(origin: string): string {
  return `<script>addEventListener("message",function(e){var d=e.data;if(e.origin!==${JSON.stringify(origin)}||!d||d.type!==${JSON.stringify(EMBED_HEIGHT_MESSAGE)}||typeof d.height!=="number")return;document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=d.height+"px"})})</script>`;
}

export function embedCode({ src, title, height = DEFAULT_EMBED_HEIGHT }: EmbedTarget): string {
  const iframe = `<iframe src="${escapeXml(src)}" title="${escapeXml(title)}" width="100%" height="${Math.round(height)}" style="border:0" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
  return `${iframe}\n${resizeListener(new URL(src).origin)}`;
}
