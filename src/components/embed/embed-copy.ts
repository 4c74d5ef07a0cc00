// Loaded on the first click on "Copy embed code" (embed-buttons.ts): builds
// the embed code for the step the reader is on (?step=n for a scrolly),
// measures the embed page's height in a hidden same-origin iframe at the
// figure's width (the embed page reports it, embed-resize.ts), copies the code
// and confirms in the button and its live region.
import { EMBED_HEIGHT_MESSAGE } from '../../lib/embed-message.ts';
import { embedCode, embedUrl, fittedHeight } from '../../lib/embed-code.ts';
import { copyWithFallback } from '../essay/clipboard.ts';
import type { ListedFigure } from './embed-buttons.ts';

/** Quiet time after the last height report before the height counts as settled. */
const SETTLE_MS = 400;
/** Longest wait for the embed page: the code is copied with the default height after it. */
const MAX_WAIT_MS = 3500;

/** The content height the embed page at `src` reports at `width` px, or undefined. */
export function measureEmbedHeight(src: string, width: number): Promise<number | undefined> {
  return new Promise((done) => {
    const probe = document.createElement('iframe');
    probe.setAttribute('aria-hidden', 'true');
    probe.tabIndex = -1;
    probe.title = 'Measuring the embed';
    // In the viewport (offscreen frames may not be laid out) but invisible and inert.
    probe.style.cssText = `position:fixed;left:0;top:0;width:${width}px;height:300px;border:0;opacity:0;pointer-events:none;z-index:-1`;
    let height: number | undefined;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      clearTimeout(settle);
      clearTimeout(cap);
      removeEventListener('message', onMessage);
      probe.remove();
      done(height);
    };
    const onMessage = (e: MessageEvent) => {
      const data = e.data as { type?: unknown; height?: unknown } | null;
      if (e.source !== probe.contentWindow || data?.type !== EMBED_HEIGHT_MESSAGE || typeof data.height !== 'number') return;
      height = data.height;
      clearTimeout(settle);
      settle = setTimeout(finish, SETTLE_MS);
    };
    const cap = setTimeout(finish, MAX_WAIT_MS);
    addEventListener('message', onMessage);
    probe.src = src;
    document.body.append(probe);
  });
}

/** The step a scrolly shows now (0 before the reader reached it); undefined for a plain figure. */
function currentStep(figure: ListedFigure, el: HTMLElement): number | undefined {
  if (figure.kind !== 'scrolly') return undefined;
  const step = Number(el.dataset['activeStep'] ?? 0);
  return Number.isInteger(step) && step >= 0 ? step : 0;
}

export async function copyEmbed(figure: ListedFigure, el: HTMLElement, box: HTMLElement, button: HTMLButtonElement, status: HTMLElement): Promise<void> {
  const step = currentStep(figure, el);
  const src = embedUrl(figure.src, location.href, step);
  const width = Math.round(Math.min(960, Math.max(320, el.getBoundingClientRect().width)));
  const measured = await measureEmbedHeight(src, width);
  const code = embedCode({ src, title: figure.title, height: fittedHeight(measured) });
  let fallback = box.querySelector('textarea');
  if (!fallback) {
    fallback = document.createElement('textarea');
    fallback.readOnly = true;
    fallback.hidden = true;
    fallback.setAttribute('aria-label', `Embed code for ${figure.title}`);
    box.append(fallback);
  }
  const what = step === undefined ? 'this figure' : `step ${step + 1}`;
  await copyWithFallback(code, status, fallback, `Copied: embed code for ${what}, ${fittedHeight(measured)} px tall${measured ? '' : ' (not measured)'}`);
  if (fallback.hidden) {
    button.textContent = 'Copied';
    setTimeout(() => (button.textContent = 'Copy embed code'), 2500);
  }
}
