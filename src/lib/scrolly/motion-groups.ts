// Which states of a graphic motion moves between. Its own module, not
// states.ts: the static state swap (scrolly-runtime.ts) loads states.ts on
// every page with a scrolly, and this is motion's code.
import { STATE_ATTR, parseStateValue } from './states.ts';

/**
 * The states motion can move between: groups (by parent, like applyStates)
 * of two or more states that draw SVG, each state with its step. Sentences
 * for screen readers and other HTML-only states never move.
 */
export function movingStateGroups(graphic: Element): { el: Element; n: number }[][] {
  const groups = new Map<Element | null, { el: Element; n: number }[]>();
  for (const el of Array.from(graphic.querySelectorAll(`[${STATE_ATTR}]`))) {
    const n = parseStateValue(el.getAttribute(STATE_ATTR));
    if (n === undefined || !(el.closest('svg') || el.querySelector('svg'))) continue;
    groups.set(el.parentElement, [...(groups.get(el.parentElement) ?? []), { el, n }]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
