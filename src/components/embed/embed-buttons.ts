// Adds a "Copy embed code" button after each embeddable figure of an essay
// (the list comes from the build, in data-embed-list). Without JavaScript the
// essay's tools list links to the embed pages instead. Only the button and its
// live region load with the page: measuring the embed and copying
// (embed-copy.ts) load on the first click.
export interface ListedFigure {
  id: string;
  kind: 'scrolly' | 'figure';
  src: string;
  title: string;
}

function figureElement(figure: ListedFigure): HTMLElement | null {
  if (figure.kind === 'figure') return document.getElementById(figure.id);
  const all = Array.from(document.querySelectorAll<HTMLElement>(`[data-scrolly="${CSS.escape(figure.id)}"]`));
  return all.find((el) => !el.parentElement?.closest(`[data-scrolly="${CSS.escape(figure.id)}"]`)) ?? null;
}

export function addEmbedButtons(): void {
  const list = document.querySelector<HTMLElement>('[data-embed-list]');
  if (!list) return;
  const figures = JSON.parse(list.dataset['embedList'] ?? '[]') as ListedFigure[];
  for (const figure of figures) {
    const el = figureElement(figure);
    if (!el || el.nextElementSibling?.hasAttribute('data-embed-copy')) continue;
    const box = document.createElement('div');
    box.className = 'embed-copy';
    box.setAttribute('data-embed-copy', figure.id);
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Copy embed code';
    button.setAttribute('aria-label', `Copy embed code for ${figure.title}`);
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    button.addEventListener('click', () => {
      status.textContent = 'Preparing the embed code…';
      import('./embed-copy.ts').then(
        (m) => m.copyEmbed(figure, el, box, button, status),
        () => (status.textContent = 'Could not load the embed code; use the embed links at the end of the essay'),
      );
    });
    box.append(button, status);
    el.after(box);
  }
}
