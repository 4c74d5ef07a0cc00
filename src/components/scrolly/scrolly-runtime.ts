// The one client runtime behind every <Scrolly> on a page (bundled by Astro,
// a few KB). The active step always comes from the steps' geometry, so fast
// flings, anchor jumps, reloads and resizes land on the right step. State
// goes out through the bridge (for islands) and as attributes (for CSS-only
// graphics).
//
// Start-up never forces a layout: the first geometry (every step's box and
// the trigger line, a fixed 1 px element CSS places at --scrolly-offset) comes
// from an IntersectionObserver's first callback, which the browser delivers
// after its own layout. Later, while a scrolly is on screen, scroll events
// schedule one read of the step boxes per frame (at the start of a frame,
// when layout is clean).
import { publishStep, type ScrollDirection } from '../../lib/scrolly/bridge.ts';
import { activeStepFromGeometry, neighbourStep, triggerLine } from '../../lib/scrolly/geometry.ts';
import { parseStepHash } from '../../lib/scrolly/hash.ts';
import { scrollyCommand } from '../../lib/scrolly/keys.ts';
import { applyStates } from '../../lib/scrolly/states.ts';

interface Controller {
  root: HTMLElement;
  sync(): void;
  /** Reads the trigger line again (the viewport changed; a breakpoint may move it). */
  resize(): void;
  destroy(): void;
}

interface Runtime {
  controllers: Map<HTMLElement, Controller>;
  listeners: AbortController;
}

// Kept on globalThis so a re-executed module (Vite HMR) finds and destroys
// the previous instance's observers instead of doubling them.
const KEY = Symbol.for('dataset-essays.scrolly-runtime');
type Global = typeof globalThis & { [KEY]?: Runtime };

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function createController(root: HTMLElement): Controller | undefined {
  const id = root.dataset['scrolly'];
  const steps = Array.from(root.querySelectorAll<HTMLElement>('[data-step]'));
  if (!id || steps.length === 0) return undefined;
  const graphic = root.querySelector<HTMLElement>('[data-scrolly-graphic]');
  const status = root.querySelector<HTMLElement>('[data-scrolly-status]');
  // The trigger line comes from CSS (--scrolly-offset: per breakpoint, or the
  // author's offset prop) through the sentinel's position, so CSS
  // scroll-margin and the geometry agree. Until it is known: the middle.
  const sentinel = root.querySelector<HTMLElement>('[data-scrolly-trigger]');
  let trigger = triggerLine(window.innerHeight, 0.5);
  let started = false;
  let onScreen = false;
  let active = -1;
  let progress = -1;
  let lastY = window.scrollY;
  let frame = 0;
  let keyboardTarget: number | undefined;
  let announce = false;

  const measure = () =>
    activeStepFromGeometry(
      steps.map((s) => {
        const r = s.getBoundingClientRect();
        return { top: r.top, height: r.height };
      }),
      trigger,
    );

  function sync() {
    frame = 0;
    if (started) apply(measure());
  }
  function apply(next: ReturnType<typeof measure>) {
    const y = window.scrollY;
    const direction: ScrollDirection = next.step !== active ? (next.step > active ? 'down' : 'up') : y >= lastY ? 'down' : 'up';
    lastY = y;
    const stepChanged = next.step !== active;
    if (!stepChanged && Math.abs(next.progress - progress) < 0.002) return;
    if (stepChanged) {
      steps[active]?.removeAttribute('aria-current');
      steps[next.step]!.setAttribute('aria-current', 'step');
      root.dataset['activeStep'] = String(next.step);
      if (graphic) applyStates(graphic, next.step);
      if (announce && status) status.textContent = `Step ${next.step + 1} of ${steps.length}`;
    }
    active = next.step;
    progress = next.progress;
    publishStep({ id: id!, step: active, count: steps.length, progress, direction });
  }
  const schedule = () => {
    if (started && !frame) frame = requestAnimationFrame(sync);
  };

  // The first callback carries every target's box as the browser laid it out:
  // the start-up geometry, read without forcing a layout. Later callbacks
  // say whether the scrolly is on screen (scroll events are only followed
  // then) and, after resize(), where the trigger line now is.
  const boxes = new Map<Element, DOMRectReadOnly>();
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.target === sentinel) trigger = e.boundingClientRect.top;
      else if (e.target === root) onScreen = e.isIntersecting;
      else boxes.set(e.target, e.boundingClientRect);
    }
    if (!started && steps.every((s) => boxes.has(s))) {
      for (const s of steps) observer.unobserve(s);
      started = true;
      root.dataset['scrollyLive'] = '';
      const first = activeStepFromGeometry(steps.map((s) => ({ top: boxes.get(s)!.top, height: boxes.get(s)!.height })), trigger);
      boxes.clear();
      apply(first);
      // Changes after the first render come from the reader and are announced.
      announce = true;
    } else {
      schedule();
    }
  });
  if (sentinel) observer.observe(sentinel);
  observer.observe(root);
  for (const s of steps) observer.observe(s);
  const listeners = new AbortController();
  window.addEventListener('scroll', () => {
    if (onScreen) schedule();
  }, { passive: true, signal: listeners.signal });

  function goTo(step: number) {
    keyboardTarget = step;
    const target = steps[step]!;
    target.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
    target.focus({ preventScroll: true });
    schedule();
  }

  root.addEventListener(
    'keydown',
    (event) => {
      const command = scrollyCommand(event);
      if (!command) return;
      const t = event.target as HTMLElement;
      // Form fields and interactive islands keep their own keys.
      if (t.closest('input, textarea, select, button, [contenteditable], astro-island, [data-scrolly-graphic]')) return;
      event.preventDefault();
      const from = keyboardTarget ?? active;
      goTo(neighbourStep(Math.max(0, from), command === 'next' ? 1 : -1, steps.length));
    },
    { signal: listeners.signal },
  );

  return {
    root,
    sync() {
      keyboardTarget = undefined;
      schedule();
    },
    resize() {
      // Observing again delivers a fresh first entry: the sentinel's new top.
      if (sentinel) {
        observer.unobserve(sentinel);
        observer.observe(sentinel);
      } else {
        trigger = triggerLine(window.innerHeight, 0.5);
      }
      schedule();
    },
    destroy() {
      cancelAnimationFrame(frame);
      observer.disconnect();
      listeners.abort();
      delete root.dataset['scrollyLive'];
    },
  };
}

function destroyAll(runtime: Runtime) {
  runtime.listeners.abort();
  for (const c of runtime.controllers.values()) c.destroy();
  runtime.controllers.clear();
}

/** Starts a controller for every scrolly on the page; safe to call again. */
export function startScrollies(): void {
  const g = globalThis as Global;
  const previous = g[KEY];
  if (previous) destroyAll(previous);
  const runtime: Runtime = { controllers: new Map(), listeners: new AbortController() };
  g[KEY] = runtime;
  const { signal } = runtime.listeners;

  for (const root of document.querySelectorAll<HTMLElement>('[data-scrolly]')) {
    const c = createController(root);
    if (c) runtime.controllers.set(root, c);
  }
  if (runtime.controllers.size === 0) return;
  const all = (f: (c: Controller) => void) => runtime.controllers.forEach(f);

  // A deep link (#<id>-<n>) on a fresh navigation: put that step on the trigger
  // line even if layout moved after the browser's own fragment scroll. A
  // reload keeps the browser's restored position instead.
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const address = parseStepHash(location.hash);
  if (address && nav?.type !== 'reload' && nav?.type !== 'back_forward') {
    const step = document.getElementById(`${address.id}-${address.step}`);
    if (step?.closest('[data-scrolly]')) step.scrollIntoView({ block: 'start' });
  }
  all((c) => c.sync());

  // Re-derive from geometry when scrolling settles (catches flings and jumps
  // that skipped IntersectionObserver callbacks).
  const win: Window = window;
  if ('onscrollend' in document.documentElement) {
    win.addEventListener('scrollend', () => all((c) => c.sync()), { signal, passive: true });
  } else {
    let timer = 0;
    win.addEventListener('scroll', () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => all((c) => c.sync()), 120);
    }, { signal, passive: true });
  }
  window.addEventListener('hashchange', () => all((c) => c.sync()), { signal });
  window.addEventListener('load', () => all((c) => c.sync()), { signal });

  // Viewport or content size changes (a phone's URL bar, an image loading
  // above, a font swap): read the trigger line again once things settle.
  let size = `${window.innerWidth}x${window.innerHeight}`;
  let resizeTimer = 0;
  const settle = () => {
    clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      const now = `${window.innerWidth}x${window.innerHeight}`;
      if (now !== size) {
        size = now;
        all((c) => c.resize());
      } else {
        all((c) => c.sync());
      }
    }, 150);
  };
  window.addEventListener('resize', settle, { signal, passive: true });
  const observer = new ResizeObserver(settle);
  observer.observe(document.body);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(resizeTimer);
  });

  // View transitions swap the page: tear down first, start again after.
  document.addEventListener('astro:before-swap', () => destroyAll(runtime), { signal, once: true });
  document.addEventListener('astro:page-load', () => startScrollies(), { signal, once: true });
}

if (import.meta.hot) {
  import.meta.hot.dispose(() => {
    const runtime = (globalThis as Global)[KEY];
    if (runtime) destroyAll(runtime);
  });
}
