// see:set Markdown is data from another site (docs/quality.md, "Trust
// model"): its raw HTML passes through an allow-list before it reaches a
// page. Kept: text formatting, lists, tables, links, images, figures,
// details, video/audio with their sources, GFM footnotes and our widget
// placeholders. Dropped with their content: script, style, iframe, object,
// forms, svg, math... Any other unknown element is unwrapped (its text stays).
// Attributes: a per-element allow-list; never on* handlers or style; URLs only
// http(s), mailto: (links) or relative.
import { parseHTML } from 'linkedom';
import { linkUrlProblem } from '../link-url.ts';

const DROPPED = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template', 'noscript',
  'form', 'textarea', 'select', 'option', 'button', 'base', 'link', 'meta', 'title', 'head',
  'svg', 'math', 'canvas', 'dialog', 'portal', 'slot',
]);

const GLOBAL = ['id', 'class', 'title', 'lang', 'dir', 'aria-describedby', 'aria-label', 'aria-hidden'];
const FOOTNOTES = ['data-footnotes', 'data-footnote-ref', 'data-footnote-backref'];
const CELL = ['colspan', 'rowspan', 'align', 'scope'];

const ELEMENTS: Record<string, readonly string[]> = {
  p: [], br: [], hr: [], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  em: [], strong: [], b: [], i: [], u: [], s: [], del: [], ins: [], sub: [], sup: FOOTNOTES, small: [],
  mark: [], abbr: [], cite: [], q: ['cite'], blockquote: ['cite'], code: [], pre: [], kbd: [], samp: [], var: [],
  ul: [], ol: ['start', 'reversed', 'type'], li: ['value'], dl: [], dt: [], dd: [],
  a: ['href', ...FOOTNOTES], img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
  figure: [], figcaption: [], picture: [], details: ['open'], summary: [],
  table: [], thead: [], tbody: [], tfoot: [], tr: [], th: CELL, td: CELL, caption: [], colgroup: ['span'], col: ['span'],
  section: FOOTNOTES, div: ['data-seeset-widget'], span: [],
  video: ['src', 'controls', 'width', 'height', 'poster', 'preload', 'muted', 'loop', 'playsinline'],
  audio: ['src', 'controls', 'preload', 'loop', 'muted'],
  source: ['src', 'type', 'media'], track: ['src', 'kind', 'srclang', 'label', 'default'],
  // GFM task lists: a disabled checkbox, nothing else.
  input: ['type', 'checked', 'disabled'],
};

const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite']);

/** Whether `value` of attribute `name` may stay on the element. */
function attributeAllowed(tag: string, name: string, value: string): boolean {
  if (!GLOBAL.includes(name) && !ELEMENTS[tag]!.includes(name)) return false;
  if (URL_ATTRIBUTES.has(name)) {
    if (value.trim().startsWith('#')) return true;
    return linkUrlProblem(value, { relative: true, mailto: tag === 'a' && name === 'href' }) === undefined;
  }
  if (name === 'data-seeset-widget') return /^(?:grid|carousel|image)-\d+$/.test(value);
  return true;
}

function clean(node: Element): void {
  for (const child of [...node.childNodes]) {
    if (child.nodeType === 8 /* comment */ || child.nodeType === 7 /* processing instruction */) {
      child.remove();
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.localName.toLowerCase();
    if (DROPPED.has(tag)) {
      element.remove();
      continue;
    }
    clean(element);
    if (!(tag in ELEMENTS) || (tag === 'input' && element.getAttribute('type') !== 'checkbox')) {
      element.replaceWith(...element.childNodes);
      continue;
    }
    for (const { name, value } of [...element.attributes]) {
      if (!attributeAllowed(tag, name.toLowerCase(), value)) element.removeAttribute(name);
    }
    if (tag === 'input') element.setAttribute('disabled', '');
  }
}

/** The HTML of a rendered see:set body, reduced to the allow-list above. */
export function sanitizeSeesetHtml(html: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const root = document.createElement('div');
  root.innerHTML = html;
  clean(root);
  return root.innerHTML;
}
