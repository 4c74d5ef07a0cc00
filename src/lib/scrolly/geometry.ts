// Which step is active, computed from where the steps are, never from the
// history of scroll events: a reload, a deep link or a fast fling all land on
// the step the geometry says (scroll and observer events can skip or misorder).

/** A step's box, relative to the viewport (getBoundingClientRect's top and height). */
export interface StepBox {
  top: number;
  height: number;
}

export interface ActiveStep {
  /** 0-based index of the active step. */
  step: number;
  /** How far the trigger line has travelled through the active step, 0..1. */
  progress: number;
}

/**
 * The active step is the last one whose top has crossed the trigger line
 * (a horizontal line at `triggerY` px from the viewport top). Before the first
 * step reaches the line, step 0 is active at progress 0; after the last step,
 * the last stays active at progress 1. Boxes are in document order.
 */
export function activeStepFromGeometry(boxes: readonly StepBox[], triggerY: number): ActiveStep {
  if (boxes.length === 0) throw new RangeError('activeStepFromGeometry: a scrolly needs at least one step');
  let step = 0;
  for (let i = 0; i < boxes.length; i++) {
    if (boxes[i]!.top <= triggerY) step = i;
    else break;
  }
  const box = boxes[step]!;
  const progress = box.height > 0 ? clamp01((triggerY - box.top) / box.height) : box.top <= triggerY ? 1 : 0;
  return { step, progress };
}

/** The trigger line in px for an offset (0 = viewport top, 1 = bottom). */
export function triggerLine(viewportHeight: number, offset: number): number {
  return viewportHeight * clamp01(offset);
}

/** The step a keyboard command moves to, clamped to the scrolly. */
export function neighbourStep(current: number, delta: number, count: number): number {
  return Math.min(count - 1, Math.max(0, current + delta));
}

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
