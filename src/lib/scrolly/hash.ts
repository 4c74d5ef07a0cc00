// URL fragments for steps (`#threshold-3`, 0-based like data-step) and for
// presentation slides (`#slide-3`, 1-based like the "3 / 24" counter).

export interface StepAddress {
  id: string;
  step: number;
}

/** A scrolly id: lowercase letters, digits and hyphens, starting with a letter. */
export const SCROLLY_ID = /^[a-z][a-z0-9-]*$/;

export function formatStepHash(id: string, step: number): string {
  return `#${id}-${step}`;
}

/** `#threshold-3` -> { id: 'threshold', step: 3 }; ids may contain hyphens. */
export function parseStepHash(hash: string): StepAddress | undefined {
  const m = /^#?([a-z][a-z0-9-]*)-(\d+)$/.exec(safeDecode(hash));
  if (!m) return undefined;
  return { id: m[1]!, step: Number(m[2]) };
}

export function formatSlideHash(slide: number): string {
  return `#slide-${slide}`;
}

/** `#slide-3` -> 3 (1-based), clamped into 1..count; undefined if not a slide hash. */
export function parseSlideHash(hash: string, count: number): number | undefined {
  const m = /^#?slide-(\d+)$/.exec(safeDecode(hash));
  if (!m || count < 1) return undefined;
  return Math.min(count, Math.max(1, Number(m[1])));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
