// Plain-language text alternatives for charts, built from the same rows.

/** "A (155 million), B (140 million) and C (72 million)". */
export function listValues(rows: readonly { label: string; value: number }[], format: (v: number) => string, max = 5): string {
  const parts = rows.slice(0, max).map((r) => `${r.label} (${format(r.value)})`);
  const more = rows.length > max ? `, and ${rows.length - max} more` : '';
  if (parts.length <= 1) return parts.join('') + more;
  return more ? parts.join(', ') + more : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** " Highlighted: A and B." or "". */
export function describeHighlight(highlight: readonly string[] | undefined): string {
  if (!highlight?.length) return '';
  const h = [...highlight];
  return ` Highlighted: ${h.length === 1 ? h[0] : `${h.slice(0, -1).join(', ')} and ${h.at(-1)}`}.`;
}
