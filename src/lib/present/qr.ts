// QR codes for slides, made at build time as inline SVG (no runtime JS): a
// student scans the code on a slide to open that step of the essay on a phone.
import QRCode from 'qrcode';

/** An accessible inline SVG QR code for `url` (absolute). */
export async function qrSvg(url: string): Promise<string> {
  if (!/^https?:\/\//.test(url)) throw new Error(`qrSvg needs an absolute http(s) URL, got "${url}"`);
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  // QRCode escapes nothing in the URL because it never writes it into the SVG;
  // only the path data and our own attributes end up in the page.
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" class="qr" ');
}

/** The essay URL a slide's QR code opens: the essay page at that fragment. */
export function slideUrl(site: URL | string, slug: string, target: string): string {
  const url = new URL(`/${slug}/`, site);
  if (target) url.hash = target;
  return url.href;
}
