// Presentation deck runtime: one slide at a time, keys (arrows, space,
// PageUp/PageDown from clicker remotes, Home/End, f), fullscreen, the URL
// follows the slide (#slide-3) so a refresh keeps the place, and a presenter
// view (?presenter) with the next slide, notes and a clock, kept in step with
// the audience window through a BroadcastChannel.
import { deckCommand } from '../../lib/scrolly/keys.ts';
import { formatSlideHash, parseSlideHash } from '../../lib/scrolly/hash.ts';

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
    });
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

  function toggleFullscreen() {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }

  deck.dataset['deckLive'] = '';
  if (presenter) {
    deck.dataset['presenter'] = '';
    if (panel) panel.hidden = false;
    const clock = deck.querySelector<HTMLElement>('[data-presenter-clock]');
    const start = Date.now();
    const timer = window.setInterval(() => {
      const s = Math.floor((Date.now() - start) / 1000);
      if (clock) clock.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    }, 1000);
    signal.addEventListener('abort', () => clearInterval(timer));
  }
  show(parseSlideHash(location.hash, total) ?? 1, { announce: false, broadcast: false });

  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable], astro-island')) return;
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

if (import.meta.hot) import.meta.hot.dispose(() => (globalThis as Global)[KEY]?.abort());
