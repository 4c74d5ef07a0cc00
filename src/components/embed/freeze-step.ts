// `?step=n` on an embed page: freeze a scrolly at step n (0-based). Marks the
// step and the graphic states to show with attributes of our own, which the
// embed page's CSS shows and the scrolly runtime does not touch.
import { activeStateValue, parseStateValue } from '../../lib/scrolly/states.ts';

export function freezeStep(): void {
  const raw = new URLSearchParams(location.search).get('step');
  if (raw === null || !/^\d+$/.test(raw)) return;
  const step = Number(raw);
  const root = document.querySelector<HTMLElement>('[data-embed-figure] [data-scrolly]');
  if (!root) return;
  const steps = Array.from(root.querySelectorAll<HTMLElement>('[data-step]'));
  const current = steps.find((s) => Number(s.dataset['step']) === step);
  if (!current) return;
  root.setAttribute('data-frozen-step', String(step));
  current.setAttribute('data-embed-current', '');
  // Islands (threshold, grid) follow a fixed step where the graphic names one,
  // as on a slide (bridge.ts fixedStepOf), instead of the steps the scrolly
  // runtime publishes as the frozen page scrolls.
  for (const graphic of Array.from(root.querySelectorAll<HTMLElement>('[data-scrolly-graphic]'))) graphic.setAttribute('data-graphic-step', String(step));
  // States are grouped by parent: each chart keeps its own sequence.
  const groups = new Map<Element | null, HTMLElement[]>();
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-state]'))) {
    if (el.closest('[data-step]')) continue;
    groups.set(el.parentElement, [...(groups.get(el.parentElement) ?? []), el]);
  }
  for (const group of groups.values()) {
    const shown = activeStateValue(group.flatMap((el) => parseStateValue(el.getAttribute('data-state')) ?? []), step);
    for (const el of group) if (parseStateValue(el.getAttribute('data-state')) === shown) el.setAttribute('data-embed-state', '');
  }
}
