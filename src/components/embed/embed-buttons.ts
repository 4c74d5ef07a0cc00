// Adds a "Copy embed code" button after each embeddable figure of an essay
// (the list comes from the build, in data-embed-list). Without JavaScript the
// essay's tools list links to the embed pages instead.
import { embedCode } from '../../lib/embed-code.ts';
import { copyControls } from '../essay/clipboard.ts';

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
    box.append(...copyControls('Copy embed code', `Copy embed code for ${figure.title}`, () => code, 'Embed code copied'));
    el.after(box);
  }
}
