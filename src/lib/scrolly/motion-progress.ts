// Where scrubbed motion stands, from the steps' geometry alone (like the
// active step, see geometry.ts): a graphic moves from step k's state to step
// k+1's while the reader scrolls through the gap between the two step cards,
// where there is no text to read, and arrives exactly when step k+1 becomes
// active. Inside a card, or at a deep link or keyboard jump (which put a
// step's top on the trigger line), there is no motion: the exact state shows.
import { activeStepFromGeometry, clamp01, type StepBox } from './geometry.ts';

export interface MotionPoint {
  /** The active step (the state on screen). */
  step: number;
  /** How far the graphic has moved toward step + 1's state, 0..1. */
  t: number;
}

export function motionProgress(boxes: readonly StepBox[], triggerY: number): MotionPoint {
  const { step } = activeStepFromGeometry(boxes, triggerY);
  const box = boxes[step]!;
  const next = boxes[step + 1];
  if (!next) return { step, t: 0 };
  const bottom = box.top + box.height;
  const gap = next.top - bottom;
  if (triggerY <= bottom || gap <= 0) return { step, t: 0 };
  return { step, t: clamp01((triggerY - bottom) / gap) };
}
