// Escaping for text placed in XML or HTML (RSS, SVG share cards, embed code).
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Drops the characters XML 1.0 forbids (for text an XML library escapes itself). */
export function xmlChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** Escapes the five XML special characters and drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
