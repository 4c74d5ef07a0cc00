// Motion for scrollies with motion="scrub" or motion="step" (loaded lazily by
// motion-hook.ts, never under prefers-reduced-motion). The pre-rendered states
// stay the truth: the state on screen is moved toward its neighbour
// (src/lib/scrolly/tween.ts) and put back exactly when motion ends, for print,
// for a frozen embed, or when the reader asks for reduced motion.
import { STEP_EVENT, onStep } from '../../lib/scrolly/bridge.ts';
import { publishMotion } from '../../lib/scrolly/motion-bridge.ts';
import { easeInOut, motionProgress } from '../../lib/scrolly/motion-progress.ts';
import { ACTIVE_ATTR, STATE_ATTR, activeStateValue, parseStateValue } from '../../lib/scrolly/states.ts';
import { tweenToward, type Tween } from '../../lib/scrolly/tween.ts';

/** How long motion="step" plays on a step change. */
const STEP_MS = 400;

interface StateGroup {
  states: { el: Element; n: number }[];
  current?: { shown: Element; other: Element; tween: Tween };
}

const reduced = window.matchMedia('(prefers-reduced-motion: reduce)');
let printing = false;

/** The step-driven states of a graphic that draw SVG, grouped by parent like applyStates. */
function stateGroups(graphic: Element): StateGroup[] {
  const groups = new Map<Element | null, StateGroup>();
  for (const el of Array.from(graphic.querySelectorAll(`[${STATE_ATTR}]`))) {
    const n = parseStateValue(el.getAttribute(STATE_ATTR));
    // Sentences for screen readers and other HTML states never move.
    if (n === undefined || !(el.closest('svg') || el.querySelector('svg'))) continue;
    const group = groups.get(el.parentElement) ?? { states: [] };
    group.states.push({ el, n });
    groups.set(el.parentElement, group);
  }
  return [...groups.values()].filter((g) => g.states.length > 1);
}

function stateAt(group: StateGroup, step: number): Element | undefined {
  const value = activeStateValue(group.states.map((s) => s.n), step);
  return group.states.find((s) => s.n === value)?.el;
}

function clear(group: StateGroup): void {
  group.current?.tween.reset();
  delete group.current;
}

/** Draws `shown` at t of the way toward `other`; t = 0 or no other: the exact state. */
function draw(group: StateGroup, shown: Element | undefined, other: Element | undefined, t: number): void {
  if (!shown || !other || shown === other || t <= 0 || printing || reduced.matches) return clear(group);
  const c = group.current;
  if (!c || c.shown !== shown || c.other !== other) {
    clear(group);
    group.current = { shown, other, tween: tweenToward(shown, other) };
  }
  group.current!.tween.apply(Math.min(1, t));
}

interface MotionScrolly {
  root: HTMLElement;
  groups: StateGroup[];
  update(): void;
  stop(): void;
}

function scrubbed(root: HTMLElement, groups: StateGroup[]): MotionScrolly {
  const steps = Array.from(root.querySelectorAll<HTMLElement>('[data-step]'));
  const id = root.dataset['scrolly']!;
  let published = '';
  // Islands drawing their own states follow the same t (motion-bridge.ts).
  const publish = (step: number, t: number) => {
    const key = `${step}:${t.toFixed(3)}`;
    if (key === published) return;
    published = key;
    publishMotion({ id, step, t });
  };
  return {
    root,
    groups,
    update() {
      const offset = parseFloat(getComputedStyle(root).getPropertyValue('--scrolly-offset'));
      const { step, t } = motionProgress(
        steps.map((s) => {
          const r = s.getBoundingClientRect();
          return { top: r.top, height: r.height };
        }),
        window.innerHeight * (Number.isFinite(offset) ? offset : 0.5),
      );
      publish(step, printing || reduced.matches ? 0 : easeInOut(t));
      for (const group of groups) {
        const shown = group.states.find((s) => s.el.hasAttribute(ACTIVE_ATTR))?.el;
        // The runtime has not caught up with the geometry yet: wait for it.
        if (shown !== stateAt(group, step)) clear(group);
        else draw(group, shown, stateAt(group, step + 1), easeInOut(t));
      }
    },
    stop() {
      groups.forEach(clear);
      const step = Number(root.dataset['activeStep'] ?? 0);
      publish(step, 0);
    },
  };
}

function timed(root: HTMLElement, groups: StateGroup[]): MotionScrolly {
  let last: number | undefined;
  let frame = 0;
  const play = (from: number, to: number) => {
    cancelAnimationFrame(frame);
    const start = performance.now();
    const tick = (now: number) => {
      const k = Math.min(1, (now - start) / STEP_MS);
      // The new state is on screen; it starts looking like the old one and arrives.
      for (const group of groups) draw(group, stateAt(group, to), stateAt(group, from), 1 - easeInOut(k));
      if (k < 1) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
  };
  onStep(root.dataset['scrolly']!, ({ step }) => {
    if (last !== undefined && step !== last && !reduced.matches) play(last, step);
    last = step;
  });
  return {
    root,
    groups,
    update() {},
    stop() {
      cancelAnimationFrame(frame);
      groups.forEach(clear);
    },
  };
}

/** Starts motion for the given scrolly roots (each with data-motion="scrub" or "step"). */
export function startMotion(roots: readonly HTMLElement[]): void {
  const all: MotionScrolly[] = [];
  for (const root of roots) {
    const graphic = root.querySelector('[data-scrolly-graphic]');
    const groups = graphic ? stateGroups(graphic) : [];
    const scrub = root.dataset['motion'] === 'scrub';
    // A timed scrolly with nothing to move needs no code; a scrubbed one may drive an island.
    if (groups.length === 0 && !scrub) continue;
    all.push(root.dataset['motion'] === 'step' ? timed(root, groups) : scrubbed(root, groups));
  }
  const scrub = all.filter((m) => m.root.dataset['motion'] === 'scrub');
  const visible = new Set<MotionScrolly>();
  let frame = 0;
  const update = () => {
    frame = 0;
    for (const m of visible) {
      // An embed frozen at ?step=n shows that exact state.
      if (m.root.hasAttribute('data-frozen-step')) m.stop();
      else m.update();
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(update);
  };
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const m = scrub.find((x) => x.root === e.target)!;
      if (e.isIntersecting) visible.add(m);
      else visible.delete(m);
    }
    schedule();
  });
  scrub.forEach((m) => observer.observe(m.root));
  addEventListener('scroll', schedule, { passive: true });
  // The runtime marks a new step in its own frame: draw again once it has.
  document.addEventListener(STEP_EVENT, schedule);
  addEventListener('resize', schedule, { passive: true });
  // Print and reduced motion get the exact states.
  addEventListener('beforeprint', () => {
    printing = true;
    all.forEach((m) => m.stop());
  });
  addEventListener('afterprint', () => {
    printing = false;
    schedule();
  });
  reduced.addEventListener('change', () => (reduced.matches ? all.forEach((m) => m.stop()) : schedule()));
}
