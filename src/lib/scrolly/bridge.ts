// The bridge between a scrolly and its graphics, across island boundaries.
// A scrolly publishes its state on the document as a `scrolly:step` event and
// on its root element as `data-active-step`; any island subscribes by id.
// Step indexes are 0-based everywhere: data-step, data-state, URL #<id>-<n>.

export type ScrollDirection = 'down' | 'up';

export interface StepState {
  /** The scrolly's id (its `data-scrolly` attribute). */
  id: string;
  /** Active step, 0-based. */
  step: number;
  /** How many steps the scrolly has. */
  count: number;
  /** Progress through the active step, 0..1. */
  progress: number;
  direction: ScrollDirection;
}

export const STEP_EVENT = 'scrolly:step';

declare global {
  interface DocumentEventMap {
    [STEP_EVENT]: CustomEvent<StepState>;
  }
}

// Kept on globalThis, not in this module, so that an island bundled with its
// own copy of this file still sees the state the runtime published.
const LATEST = Symbol.for('dataset-essays.scrolly-latest');
type Global = typeof globalThis & { [LATEST]?: Map<string, StepState> };
const latestStates = (): Map<string, StepState> => ((globalThis as Global)[LATEST] ??= new Map());

/** Publishes a scrolly's state to every subscriber (called by the Scrolly runtime). */
export function publishStep(state: StepState): void {
  latestStates().set(state.id, state);
  document.dispatchEvent(new CustomEvent(STEP_EVENT, { detail: state }));
}

/** The last published state of a scrolly, if any. */
export function currentStep(id: string): StepState | undefined {
  return latestStates().get(id);
}

/**
 * Calls `listener` with each new state of scrolly `id` (and at once with the
 * current one, if known). Returns the unsubscribe function: call it on teardown.
 */
export function onStep(id: string, listener: (state: StepState) => void): () => void {
  const handler = (event: CustomEvent<StepState>) => {
    if (event.detail.id === id) listener(event.detail);
  };
  document.addEventListener(STEP_EVENT, handler);
  const now = latestStates().get(id);
  if (now) listener(now);
  return () => document.removeEventListener(STEP_EVENT, handler);
}

/** The id of the scrolly an element sits in, or undefined outside a scrolly. */
export function scrollyIdOf(element: Element): string | undefined {
  return element.closest<HTMLElement>('[data-scrolly]')?.dataset['scrolly'];
}

/**
 * Where a graphic is shown for one step only (a slide of presentation mode
 * copies the graphic once per step and marks the copy `data-graphic-step`),
 * the step it stands for; undefined elsewhere.
 */
export function fixedStepOf(element: Element): number | undefined {
  const value = element.closest<HTMLElement>('[data-graphic-step]')?.dataset['graphicStep'];
  return value === undefined || value === '' ? undefined : Number(value);
}

/**
 * Follows the steps that drive an island at `element`: on a slide, its fixed
 * step once; in a scrolly, every step the scrolly publishes; elsewhere nothing.
 * A graphic fixed after the island subscribed (an embed's ?step=n is applied
 * by a script that runs after the figure's own) keeps to its fixed step
 * whatever the scrolly publishes. Returns the unsubscribe function.
 */
export function followSteps(element: Element, listener: (step: number) => void): () => void {
  const fixed = fixedStepOf(element);
  if (fixed !== undefined) {
    listener(fixed);
    return () => {};
  }
  const id = scrollyIdOf(element);
  return id ? onStep(id, (state) => listener(fixedStepOf(element) ?? state.step)) : () => {};
}
