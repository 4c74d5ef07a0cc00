// Presentation deck runtime: one slide at a time, keys (arrows, space,
// PageUp/PageDown from clicker remotes, Home/End, f), fullscreen, the URL
// follows the slide (#slide-3) so a refresh keeps the place, and a presenter
// view (?presenter) with the next slide, notes and a clock, kept in step with
// the audience window through a BroadcastChannel.
import { deckCommand } from '../../lib/scrolly/keys.ts';
import { formatSlideHash, parseSlideHash } from '../../lib/scrolly/hash.ts';
import { fitSlide } from './slide-fit.ts';

const KEY = Symbol.for('dataset-essays.deck-runtime');
type Global = typeof globalThis & { [KEY]?: AbortController };

export function startDeck(): void {
  const g = globalThis as Global;
  g[KEY]?.abort();
  const deck = document.querySelector<HTMLElement>('[data-deck]');
  if (!deck) return;
  const life = new AbortController();
  g[KEY] = life;
  const { signal } = life;

  const slides = Array.from(deck.querySelectorAll<HTMLElement>('[data-slide]'));
  const total = slides.length;
  const counter = deck.querySelector<HTMLElement>('[data-deck-current]');
  const status = deck.querySelector<HTMLElement>('[data-deck-status]');
  const panel = deck.querySelector<HTMLElement>('[data-presenter-panel]');
  const notes = deck.querySelector<HTMLElement>('[data-presenter-notes]');
  const presenter = new URLSearchParams(location.search).has('presenter');
  const presenterLink = deck.querySelector<HTMLAnchorElement>('[data-deck-presenter-link]');
  if (presenter) presenterLink?.remove();
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel(`deck:${deck.dataset['deck']}`) : undefined;
  signal.addEventListener('abort', () => channel?.close());

  let current = 0;
  function show(n: number, options: { broadcast?: boolean; announce?: boolean } = {}) {
    const next = Math.min(total, Math.max(1, n));
    slides.forEach((slide, i) => {
      const isCurrent = i + 1 === next;
      const isNext = presenter && i + 1 === next + 1;
      slide.toggleAttribute('data-current', isCurrent);
      slide.toggleAttribute('data-next', isNext);
      slide.inert = !isCurrent;
      if (isNext) slide.setAttribute('aria-hidden', 'true');
      else slide.removeAttribute('aria-hidden');
      if (!isCurrent && !isNext) slide.removeAttribute('data-fitted');
      if (i + 1 >= next && i + 1 <= next + 2) loadNow(slide);
    });
    fitShown();
    if (counter) counter.textContent = String(next);
    if (notes) {
      const template = slides[next - 1]!.querySelector<HTMLTemplateElement>('template[data-notes]');
      notes.replaceChildren(template ? template.content.cloneNode(true) : Object.assign(document.createElement('p'), { textContent: 'No notes for this slide.' }));
    }
    if (options.announce !== false && next !== current && status) status.textContent = `Slide ${next} of ${total}`;
    const changed = next !== current;
    current = next;
    const hash = formatSlideHash(next);
    if (presenterLink) presenterLink.href = `?presenter${hash}`;
    if (location.hash !== hash) history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    if (changed && options.broadcast !== false) channel?.postMessage({ slide: next });
  }

  // Shown slides fit the screen; again when the window changes size, an
  // island on the slide draws (a grid, a slider) or an image loads, one frame
  // later so a ResizeObserver never loops within a frame. Images of the shown
  // slide and the one after it load at once (a lazy image would load after
  // the fit and push the slide over the edge); a shown slide gets
  // data-fitted once its last refit ran with every image loaded (or failed).
  let refit = 0;
  const shownSlides = () => slides.filter((s) => s.hasAttribute('data-current') || s.hasAttribute('data-next'));
  function fitShown() {
    for (const slide of shownSlides()) {
      fitSlide(slide);
      slide.toggleAttribute('data-fitted', Array.from(slide.querySelectorAll('img')).every((img) => img.complete));
    }
  }
  const scheduleFit = () => {
    for (const slide of shownSlides()) slide.removeAttribute('data-fitted');
    cancelAnimationFrame(refit);
    refit = requestAnimationFrame(fitShown);
  };
  const loadNow = (slide: HTMLElement | undefined) => {
    for (const img of slide?.querySelectorAll<HTMLImageElement>('img[loading="lazy"]') ?? []) img.loading = 'eager';
  };
  const resized = new ResizeObserver(scheduleFit);
  // The slide's body, and its figure and text columns: a body stretched to the
  // slide keeps its size when an island inside it draws and shrinks (an image
  // grid replacing its tall no-JS atlases), its columns do not.
  for (const slide of slides) {
    for (const child of slide.children) {
      if (child.tagName === 'FOOTER' || child.tagName === 'TEMPLATE') continue;
      resized.observe(child);
      for (const column of child.querySelectorAll(':scope > .slide-graphic > *, :scope > .slide-caption')) resized.observe(column);
    }
  }
  window.addEventListener('resize', scheduleFit, { signal });
  // load/error do not bubble: caught on the way down.
  const imageSettled = (event: Event) => {
    if (event.target instanceof HTMLImageElement && event.target.closest('[data-slide][data-current], [data-slide][data-next]')) scheduleFit();
  };
  deck.addEventListener('load', imageSettled, { capture: true, signal });
  deck.addEventListener('error', imageSettled, { capture: true, signal });
  signal.addEventListener('abort', () => resized.disconnect());

  function toggleFullscreen() {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }

  let clock: Clock | undefined;
  deck.dataset['deckLive'] = '';
  if (presenter) {
    deck.dataset['presenter'] = '';
    if (panel) panel.hidden = false;
    clock = startClock(deck, `deck-clock:${deck.dataset['deck']}`, signal);
  }
  show(parseSlideHash(location.hash, total) ?? 1, { announce: false, broadcast: false });

  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable], astro-island')) return;
    if (clock && !event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 't' || event.key === 'r')) {
      event.preventDefault();
      if (event.key === 't') clock.toggle();
      else clock.reset();
      return;
    }
    // Space and Enter on a focused button press the button instead.
    if (target.closest('button, a') && (event.key === ' ' || event.key === 'Enter')) return;
    const command = deckCommand(event);
    if (!command) return;
    event.preventDefault();
    if (command === 'fullscreen') toggleFullscreen();
    else if (command === 'next') show(current + 1);
    else if (command === 'previous') show(current - 1);
    else if (command === 'first') show(1);
    else show(total);
  }, { signal });
  deck.querySelector('[data-deck-next]')?.addEventListener('click', () => show(current + 1), { signal });
  deck.querySelector('[data-deck-prev]')?.addEventListener('click', () => show(current - 1), { signal });
  const fullscreenButton = deck.querySelector<HTMLButtonElement>('[data-deck-fullscreen]');
  if (fullscreenButton) {
    fullscreenButton.hidden = !document.fullscreenEnabled;
    fullscreenButton.addEventListener('click', toggleFullscreen, { signal });
  }
  deck.querySelector('[data-presenter-open]')?.addEventListener('click', () => {
    window.open(`${location.pathname}${formatSlideHash(current)}`, 'deck-audience');
  }, { signal });
  // #slide-3, or a link to anything inside a slide (a footnote, a heading).
  window.addEventListener('hashchange', () => {
    let n = parseSlideHash(location.hash, total);
    if (n === undefined && location.hash.length > 1) {
      const slide = document.getElementById(decodeURIComponent(location.hash.slice(1)))?.closest<HTMLElement>('[data-slide]');
      if (slide) n = Number(slide.dataset['slide']);
    }
    if (n !== undefined && n !== current) show(n);
  }, { signal });
  if (channel) {
    channel.addEventListener('message', (event: MessageEvent<{ slide?: unknown }>) => {
      if (typeof event.data?.slide === 'number') show(event.data.slide, { broadcast: false });
    }, { signal });
  }
}

interface Clock { toggle(): void; reset(): void }

/**
 * The presenter's clock: pause/resume (t, or its button) and reset (r). Its
 * state lives in sessionStorage, so a reload of the presenter tab keeps the
 * time and whether it runs.
 */
function startClock(deck: HTMLElement, key: string, signal: AbortSignal): Clock {
  const face = deck.querySelector<HTMLElement>('[data-presenter-clock]');
  const pauseButton = deck.querySelector<HTMLButtonElement>('[data-clock-toggle]');
  type State = { before: number; since: number | null };
  let state: State = { before: 0, since: Date.now() };
  try {
    const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null') as State | null;
    if (saved && typeof saved.before === 'number' && (saved.since === null || typeof saved.since === 'number')) state = saved;
  } catch { /* storage unavailable or corrupt: start from zero */ }
  const elapsed = () => state.before + (state.since === null ? 0 : Date.now() - state.since);
  const render = () => {
    const s = Math.floor(elapsed() / 1000);
    if (face) {
      face.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
      face.toggleAttribute('data-paused', state.since === null);
    }
    if (pauseButton) {
      pauseButton.textContent = state.since === null ? 'Resume' : 'Pause';
      pauseButton.setAttribute('aria-pressed', String(state.since === null));
    }
  };
  const save = () => {
    try { sessionStorage.setItem(key, JSON.stringify(state)); } catch { /* private mode: the clock still runs */ }
    render();
  };
  const clock: Clock = {
    toggle() {
      state = state.since === null ? { before: state.before, since: Date.now() } : { before: elapsed(), since: null };
      save();
    },
    reset() {
      state = { before: 0, since: state.since === null ? null : Date.now() };
      save();
    },
  };
  save();
  const timer = window.setInterval(render, 500);
  signal.addEventListener('abort', () => clearInterval(timer));
  pauseButton?.addEventListener('click', () => clock.toggle(), { signal });
  deck.querySelector('[data-clock-reset]')?.addEventListener('click', () => clock.reset(), { signal });
  return clock;
}

if (import.meta.hot) import.meta.hot.dispose(() => (globalThis as Global)[KEY]?.abort());
