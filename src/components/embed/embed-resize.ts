// On an /embed/ page inside an iframe: tells the host page how tall the
// content is, whenever that changes, as {type: EMBED_HEIGHT_MESSAGE, height}.
// The copied embed code listens for it (src/lib/embed-code.ts); a host that
// ignores it keeps the iframe's fixed height. Only the height is sent.
import { EMBED_HEIGHT_MESSAGE } from '../../lib/embed-message.ts';

export function reportHeight(): void {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: EMBED_HEIGHT_MESSAGE, height }, '*');
  };
  new ResizeObserver(send).observe(document.body);
}
