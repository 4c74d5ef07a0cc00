// Adds a "Copy example" button to each example on the /components/ catalog.
import { copyControls } from '../essay/clipboard.ts';

export function addCopyButtons(): void {
  for (const pre of document.querySelectorAll<HTMLElement>('[data-example-code]')) {
    if (pre.previousElementSibling?.hasAttribute('data-copy-example')) continue;
    const name = pre.dataset['exampleCode'] ?? 'component';
    const box = document.createElement('div');
    box.className = 'copy-example';
    box.setAttribute('data-copy-example', name);
    box.append(...copyControls('Copy example', `Copy example of ${name}`, () => pre.innerText, 'Example copied'));
    pre.before(box);
  }
}
