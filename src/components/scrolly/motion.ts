// Motion for scrollies with motion="scrub" or motion="step" (loaded lazily by
// motion-hook.ts, never under prefers-reduced-motion). The pre-rendered states
// stay the truth: the state on screen is moved toward its neighbour
// (src/lib/scrolly/tween.ts) and put back exactly when motion ends, for print,
// for a frozen embed, or when the reader asks for reduced motion.
import { STEP_EVENT, onStep } from '../../lib/scrolly/bridge.ts';
import { easeInOut, publishMotion } from '../../lib/scrolly/motion-bridge.ts';
import { motionProgress } from '../../lib/scrolly/motion-progress.ts';
import { movingStateGroups } from '../../lib/scrolly/motion-groups.ts';
import { ACTIVE_ATTR, activeStateValue } from '../../lib/scrolly/states.ts';
import { tweenToward, type Tween } from '../../lib/scrolly/tween.ts';

/** How long motion="step" plays on a step change. */
const STEP_MS = 400;

/** The refinements of the tween a scrolly's graphic needs (the build lists them in data-motion-parts). */
const PARTS: Record<string, () => Promise<unknown>> = {
  axis: () => import('../../lib/scrolly/tween-axis.ts'),
  labels: () => import('../../lib/scrolly/tween-labels.ts'),
  morph: () => import('../../lib/scrolly/tween-morph.ts'),
};

/** A graphic's states that move into one another, and the tween on screen. */
interface Group {
  states: { el: Element; n: number }[];
  tween?: Tween | undefined;
  pair?: [Element, Element] | undefined;
}

const reduced = matchMedia('(prefers-reduced-motion: reduce)');
let printing = false;

const stateAt = (g: Group, step: number) => {
  const value = activeStateValue(g.states.map((s) => s.n), step);
  return g.states.find((s) => s.n === value)?.el;
};

const clear = (g: Group) => {
  g.tween?.reset();
  g.tween = g.pair = undefined;
};

/** Draws `shown` at t of the way toward `other`; t = 0 or no other: the exact state. */
function draw(g: Group, shown: Element | undefined, other: Element | undefined, t: number): void {
  if (!shown || !other || shown === other || t <= 0 || printing || reduced.matches) return clear(g);
  if (g.pair?.[0] !== shown || g.pair[1] !== other) {
    clear(g);
    g.pair = [shown, other];
    g.tween = tweenToward(shown, other);
  }
  g.tween!.apply(Math.min(1, t));
}

/** Starts motion for the given scrolly roots (each with data-motion="scrub" or "step"), once the refinements they need have loaded. */
export async function startMotion(roots: readonly HTMLElement[]): Promise<void> {
  const names = new Set(roots.flatMap((r) => (r.dataset['motionParts'] ?? '').split(' ')));
  // A part that fails to load leaves its marks cross-fading: motion still starts.
  await Promise.all([...names].map((n) => PARTS[n]?.().catch(() => undefined)));
  const stops: (() => void)[] = [];
  const updates = new Map<Element, () => void>();
  for (const root of roots) {
    const graphic = root.querySelector('[data-scrolly-graphic]');
    const groups: Group[] = graphic ? movingStateGroups(graphic).map((states) => ({ states })) : [];
    const id = root.dataset['scrolly']!;
    const frozen = () => root.hasAttribute('data-frozen-step');
    if (root.dataset['motion'] === 'step') {
      let last: number | undefined;
      let frame = 0;
      onStep(id, ({ step }) => {
        const from = last;
        last = step;
        if (from === undefined || step === from || reduced.matches || frozen()) return;
        cancelAnimationFrame(frame);
        const start = performance.now();
        const tick = (now: number) => {
          const k = Math.min(1, (now - start) / STEP_MS);
          // The new state is on screen; it starts looking like the old one and arrives.
          for (const g of groups) draw(g, stateAt(g, step), stateAt(g, from), 1 - easeInOut(k));
          if (k < 1) frame = requestAnimationFrame(tick);
        };
        frame = requestAnimationFrame(tick);
      });
      stops.push(() => {
        cancelAnimationFrame(frame);
        groups.forEach(clear);
      });
      continue;
    }
    // Scrubbed: the geometry of the steps says where motion stands (motion-progress.ts).
    const steps = Array.from(root.querySelectorAll('[data-step]'));
    const trigger = root.querySelector('[data-scrolly-trigger]');
    let published = '';
    // Islands drawing their own states follow the same t (motion-bridge.ts).
    const publish = (step: number, t: number) => {
      const key = `${step}:${t.toFixed(3)}`;
      if (key !== published) publishMotion({ id, step, t });
      published = key;
    };
    const stop = () => {
      groups.forEach(clear);
      publish(Number(root.dataset['activeStep'] ?? 0), 0);
    };
    stops.push(stop);
    updates.set(root, () => {
      // An embed frozen at ?step=n shows that exact state.
      if (frozen()) return stop();
      // The trigger line is where CSS puts the runtime's sentinel (--scrolly-offset).
      const { step, t } = motionProgress(
        steps.map((s) => s.getBoundingClientRect()),
        trigger?.getBoundingClientRect().top ?? innerHeight / 2,
      );
      const eased = printing || reduced.matches ? 0 : easeInOut(t);
      publish(step, eased);
      for (const g of groups) {
        const shown = g.states.find((s) => s.el.hasAttribute(ACTIVE_ATTR))?.el;
        // The runtime has not caught up with the geometry yet: wait for it.
        if (shown !== stateAt(g, step)) clear(g);
        else draw(g, shown, stateAt(g, step + 1), eased);
      }
    });
  }
  // Only scrubbed scrollies on screen follow the scroll.
  const visible = new Set<() => void>();
  let frame = 0;
  const schedule = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      visible.forEach((update) => update());
    });
  };
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) visible[e.isIntersecting ? 'add' : 'delete'](updates.get(e.target)!);
    schedule();
  });
  updates.forEach((_, root) => observer.observe(root));
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('resize', schedule, { passive: true });
  // The runtime marks a new step in its own frame: draw again once it has.
  document.addEventListener(STEP_EVENT, schedule);
  // Print and reduced motion get the exact states.
  const stopAll = () => stops.forEach((stop) => stop());
  addEventListener('beforeprint', () => {
    printing = true;
    stopAll();
  });
  addEventListener('afterprint', () => {
    printing = false;
    schedule();
  });
  reduced.addEventListener('change', () => (reduced.matches ? stopAll() : schedule()));
}
