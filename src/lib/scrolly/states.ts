// Step-driven graphic states (architecture decision 4): an element with
// data-state="<n>" is a pre-rendered state; among siblings, the one with the
// largest n <= the active step carries data-state-active. Works on any DOM
// that implements the standard Element API (the browser, or linkedom at build time).

export const STATE_ATTR = 'data-state';
export const ACTIVE_ATTR = 'data-state-active';

/** The state value to show at `step`: the largest declared n <= step, if any. */
export function activeStateValue(values: readonly number[], step: number): number | undefined {
  let best: number | undefined;
  for (const n of values) if (n <= step && (best === undefined || n > best)) best = n;
  return best;
}

/** Parses a data-state value: a non-negative integer, or undefined if malformed. */
export function parseStateValue(raw: string | null): number | undefined {
  if (raw === null || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

/**
 * Marks the active states inside `graphic` for `step`; returns how many
 * elements are active. States are grouped by their parent element, so two
 * charts in one graphic each keep their own sequence.
 */
export function applyStates(graphic: Element, step: number): number {
  const groups = new Map<Element | null, { el: Element; n: number | undefined }[]>();
  for (const el of Array.from(graphic.querySelectorAll(`[${STATE_ATTR}]`))) {
    const key = el.parentElement;
    const group = groups.get(key) ?? [];
    group.push({ el, n: parseStateValue(el.getAttribute(STATE_ATTR)) });
    groups.set(key, group);
  }
  let active = 0;
  for (const group of groups.values()) {
    const value = activeStateValue(group.flatMap((s) => (s.n === undefined ? [] : [s.n])), step);
    for (const { el, n } of group) {
      const on = n !== undefined && n === value;
      if (on) {
        active++;
        if (!el.hasAttribute(ACTIVE_ATTR)) el.setAttribute(ACTIVE_ATTR, '');
      } else if (el.hasAttribute(ACTIVE_ATTR)) {
        el.removeAttribute(ACTIVE_ATTR);
      }
    }
  }
  return active;
}
