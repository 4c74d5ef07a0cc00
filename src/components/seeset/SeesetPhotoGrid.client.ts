// The photo grid's upgrade (SeesetPhotoGrid.astro): a tile opens its item's
// detail in a modal <dialog> (the browser keeps focus inside it and closes it
// on Esc) with previous/next buttons and arrow keys, and focus goes back to
// the tile of the item last shown. The details live in the page (they open in
// place without JavaScript); the dialog borrows one at a time and puts it
// back. Also lifts the content warning of flagged tiles on request.

export function setupPhotoGrid(root: HTMLElement): void {
  const dialog = root.querySelector<HTMLDialogElement>('[data-photo-dialog]');
  const slot = root.querySelector<HTMLElement>('[data-photo-slot]');
  const home = root.querySelector<HTMLElement>('[data-photo-details]');
  const status = root.querySelector<HTMLElement>('[data-photo-status]');
  const prev = root.querySelector<HTMLButtonElement>('[data-photo-prev]');
  const next = root.querySelector<HTMLButtonElement>('[data-photo-next]');
  if (!dialog || !slot || !home || !status || !prev || !next || typeof dialog.showModal !== 'function') return;
  const tiles = [...root.querySelectorAll<HTMLAnchorElement>('[data-photo-tile]')];
  const details = [...home.querySelectorAll<HTMLElement>('[data-photo-detail]')];
  let current = -1;

  const show = (k: number) => {
    if (k < 0 || k >= details.length) return;
    if (current >= 0) home.append(details[current]!);
    current = k;
    slot.replaceChildren(details[k]!);
    status.textContent = `${k + 1} of ${details.length}`;
    prev.disabled = k === 0;
    next.disabled = k === details.length - 1;
    slot.scrollTop = 0;
  };

  for (const [k, tile] of tiles.entries()) {
    tile.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // new tab/window: let the link work
      event.preventDefault();
      show(k);
      dialog.showModal();
      root.querySelector<HTMLButtonElement>('[data-photo-close]')?.focus();
    });
  }
  prev.addEventListener('click', () => show(current - 1));
  next.addEventListener('click', () => show(current + 1));
  root.querySelector('[data-photo-close]')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop (the dialog box itself, outside its content) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  for (const back of root.querySelectorAll('[data-photo-back]')) {
    back.addEventListener('click', (event) => {
      if (!dialog.open) return;
      event.preventDefault();
      dialog.close();
    });
  }
  // A modal dialog makes the page inert, but Tab from its last control would
  // leave for the browser's own toolbar: wrap around inside the dialog instead.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), a[href], summary, [tabindex="0"]')].filter((el) => el.getClientRects().length > 0);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    } else if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    }
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    if ((event.target as HTMLElement).closest('summary, input, textarea, select')) return;
    event.preventDefault();
    show(current + (event.key === 'ArrowRight' ? 1 : -1));
    // Keep focus inside the dialog when the button that had it is now disabled.
    if (document.activeElement === document.body || (document.activeElement as HTMLButtonElement | null)?.disabled) root.querySelector<HTMLButtonElement>('[data-photo-close]')?.focus();
  });
  dialog.addEventListener('close', () => {
    if (current < 0) return;
    home.append(details[current]!);
    const tile = tiles[current];
    current = -1;
    tile?.focus();
  });

  const reveal = root.querySelector<HTMLButtonElement>('[data-photo-reveal]');
  if (reveal) {
    reveal.hidden = false;
    reveal.addEventListener('click', () => {
      for (const img of root.querySelectorAll<HTMLImageElement>('img.photo-tile-blurred')) {
        const picture = img.parentElement!;
        const sources = JSON.parse(picture.dataset['sources'] ?? '[]') as { type: string; srcset: string }[];
        // The sizes travel as data-sizes until there is a srcset (HTML allows sizes only beside one).
        img.sizes = img.dataset['sizes'] ?? '';
        picture.prepend(...sources.map(({ type, srcset }) => Object.assign(document.createElement('source'), { type, srcset, sizes: img.sizes })));
        img.srcset = img.dataset['srcset'] ?? '';
        img.src = img.dataset['src'] ?? img.src;
        img.classList.remove('photo-tile-blurred');
      }
      for (const warning of root.querySelectorAll<HTMLDetailsElement>('.photo-detail-warning')) warning.open = true;
      for (const tile of tiles) if (tile.dataset['flagged']) tile.setAttribute('aria-label', tile.getAttribute('aria-label')!.replace('Content warning (blurred): ', 'Content warning (shown): '));
      root.dataset['revealed'] = 'true';
      const note = reveal.closest('p')!;
      note.textContent = 'Content warning lifted: every image is shown.';
      note.tabIndex = -1;
      note.focus(); // the button that had focus is gone

    });
  }
  root.dataset['enhanced'] = 'true';
}
