// Scrubbed motion's progress, for islands that draw their own states (the
// histogram's threshold): while the reader scrolls from step `step` toward
// step + 1, `t` goes 0..1 (see motion-progress.ts). Published only for
// scrollies with motion="scrub", and never under reduced motion, in print or
// in a frozen embed: there an island simply shows its step.
import type { StepState } from './bridge.ts';

/** A scrolly's id, its active step, and how far it has moved toward the next step's state. */
export type MotionState = Pick<StepState, 'id' | 'step'> & { t: number };

export const MOTION_EVENT = 'scrolly:motion';

declare global {
  interface DocumentEventMap {
    [MOTION_EVENT]: CustomEvent<MotionState>;
  }
}

/** Publishes a scrolly's motion (called by the motion runtime). */
export function publishMotion(state: MotionState): void {
  document.dispatchEvent(new CustomEvent(MOTION_EVENT, { detail: state }));
}

/** Calls `listener` with each motion of scrolly `id`; returns the unsubscribe function. */
export function onMotion(id: string, listener: (state: MotionState) => void): () => void {
  const handler = (event: CustomEvent<MotionState>) => {
    if (event.detail.id === id) listener(event.detail);
  };
  document.addEventListener(MOTION_EVENT, handler);
  return () => document.removeEventListener(MOTION_EVENT, handler);
}

/**
 * Slow in, slow out (smoothstep) on 0..1: motion starts and lands gently.
 * Here, with the bridge, so the islands that follow motion and the motion
 * runtime share one small chunk.
 */
export function easeInOut(t: number): number {
  const x = Math.min(1, Math.max(0, t || 0));
  return x * x * (3 - 2 * x);
}
