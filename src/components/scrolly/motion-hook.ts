// The part of scrolly motion every page with a scrolly carries (a few hundred
// bytes): the step progress as a CSS custom property, and the lazy load of
// motion.ts when a scrolly that asks for motion comes near the screen (never
// under prefers-reduced-motion, never without JavaScript).
import { STEP_EVENT } from '../../lib/scrolly/bridge.ts';

const STARTED = Symbol.for('dataset-essays.scrolly-motion');

export function startMotionHook(): void {
  const g = globalThis as typeof globalThis & { [STARTED]?: true };
  if (g[STARTED]) return;
  g[STARTED] = true;
  // --scrolly-progress: 0..1 through the active step, for graphics styled in CSS.
  document.addEventListener(STEP_EVENT, ({ detail }) => {
    document.querySelector<HTMLElement>(`[data-scrolly="${detail.id}"]`)?.style.setProperty('--scrolly-progress', detail.progress.toFixed(3));
  });
  const roots = Array.from(document.querySelectorAll<HTMLElement>('[data-motion="scrub"], [data-motion="step"]'));
  if (roots.length === 0 || matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  const near = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      near.disconnect();
      import('./motion.ts').then((m) => m.startMotion(roots));
    },
    { rootMargin: '100% 0px' },
  );
  roots.forEach((r) => near.observe(r));
}
