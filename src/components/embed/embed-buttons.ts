// Adds a "Copy embed code" button after each embeddable figure of an essay
// (the list comes from the build, in data-embed-list). Without JavaScript the
// essay's tools list links to the embed pages instead.
import { embedCode } from '../../lib/embed-code.ts';

interface ListedFigure {
  id: string;
  kind: 'scrolly' | 'figure';
  src: string;
  title: string;
}

function figureElement(figure: ListedFigure): Element | null {
  if (figure.kind === 'figure') return document.getElementById(figure.id);
  const all = Array.from(document.querySelectorAll(`[data-scrolly="${CSS.escape(figure.id)}"]`));
  return all.find((el) => !el.parentElement?.closest(`[data-scrolly="${CSS.escape(figure.id)}"]`)) ?? null;
}

async function copy(text: string, status: HTMLElement, fallback: HTMLTextAreaElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Embed code copied';
    fallback.hidden = true;
  } catch {
    // No clipboard permission (an old browser, an insecure origin): show the code to copy by hand.
    fallback.hidden = false;
    fallback.select();
    status.textContent = 'Copy the selected code';
  }
}

export function addEmbedButtons(): void {
  const list = document.querySelector<HTMLElement>('[data-embed-list]');
  if (!list) return;
  const figures = JSON.parse(list.dataset['embedList'] ?? '[]') as ListedFigure[];
  for (const figure of figures) {
    const el = figureElement(figure);
    if (!el || el.nextElementSibling?.hasAttribute('data-embed-copy')) continue;
    const code = embedCode({ src: new URL(figure.src, location.href).href, title: figure.title });
    const box = document.createElement('div');
    box.className = 'embed-copy';
    box.setAttribute('data-embed-copy', figure.id);
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Copy embed code';
    button.setAttribute('aria-label', `Copy embed code for ${figure.title}`);
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    const fallback = document.createElement('textarea');
    fallback.readOnly = true;
    fallback.hidden = true;
    fallback.value = code;
    fallback.setAttribute('aria-label', 'Embed code');
    button.addEventListener('click', () => void copy(code, status, fallback));
    box.append(button, status, fallback);
    el.after(box);
  }
}
