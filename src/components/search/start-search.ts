// Starts Pagefind's UI on the search page, unless the page was opened from
// disk (file://: the index cannot be fetched) or the index was not built.
interface PagefindUIConstructor {
  new (options: { element: string; showSubResults?: boolean; resetStyles?: boolean; translations?: Record<string, string> }): unknown;
}

export function startSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search-root]');
  const note = document.querySelector<HTMLElement>('[data-search-note]');
  if (!root || !note) return;
  if (location.protocol === 'file:') {
    note.textContent = 'Search is not available in the offline copy: it needs the site served over the web. Every essay is listed below.';
    return;
  }
  const PagefindUI = (window as unknown as { PagefindUI?: PagefindUIConstructor }).PagefindUI;
  if (!PagefindUI) {
    note.textContent = 'The search index is built by `npm run build`; it is not available in `npm run dev`. Every essay is listed below.';
    return;
  }
  new PagefindUI({ element: '#search', showSubResults: true, resetStyles: false });
  note.hidden = true;
  root.querySelector<HTMLInputElement>('input')?.focus();
}
