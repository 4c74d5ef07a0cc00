// The tween core with every refinement registered: what the build uses to
// find which refinements a scrolly needs, and what unit tests exercise.
import './tween-axis.ts';
import './tween-labels.ts';
import './tween-morph.ts';

export * from './tween.ts';
export { axisMap, positionOn } from './tween-axis.ts';
export { overlapSpan } from './tween-labels.ts';
export { pathMorph, pathPoints } from './tween-morph.ts';
