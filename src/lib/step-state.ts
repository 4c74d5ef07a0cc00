// Which pre-rendered state a graphic shows at a step (BRIEF decision 4), with
// no DOM library, so the browser (frozen embeds) and the build share it.

/** The largest state index <= step; before the first declared state, the first one. */
export function stateForStep(stateIndexes: readonly number[], step: number): number | undefined {
  let best: number | undefined;
  for (const n of stateIndexes) if (n <= step && (best === undefined || n > best)) best = n;
  return best ?? (stateIndexes.length ? Math.min(...stateIndexes) : undefined);
}
