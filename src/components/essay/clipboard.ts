// Copies text for a button, announcing the result in a status element; when
// the clipboard is refused (old browser, insecure origin) it reveals a
// textarea with the text selected, to copy by hand.
export async function copyWithFallback(text: string, status: HTMLElement, fallback: HTMLTextAreaElement, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = done;
    fallback.hidden = true;
  } catch {
    fallback.value = text;
    fallback.hidden = false;
    fallback.select();
    status.textContent = 'Copy the selected text';
  }
}

/** A button, a polite status and a hidden fallback textarea, wired to copy `text()`. */
export function copyControls(label: string, accessibleLabel: string, text: () => string, done: string): HTMLElement[] {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-label', accessibleLabel);
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  const fallback = document.createElement('textarea');
  fallback.readOnly = true;
  fallback.hidden = true;
  fallback.setAttribute('aria-label', accessibleLabel);
  button.addEventListener('click', () => void copyWithFallback(text(), status, fallback, done));
  return [button, status, fallback];
}
