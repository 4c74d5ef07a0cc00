// Pure transforms of an essay's rendered HTML (parsed with linkedom): find the
// figures that can be embedded, cut one out for an iframe, and lay out a print
// handout where every scrolly becomes its sequence of static states.
// Markup contract (scrolly helper, BRIEF decision 4): a scrolly's root and its
// steps carry data-scrolly="<id>"; steps carry data-step="<n>" (0-based); the
// graphic's pre-rendered states carry data-state="<n>". Other embeddable
// figures are <figure id="..."> elements outside scrollies.
import { parseHTML } from 'linkedom';
import { AuthorError } from './author-error.ts';
import { applyStates } from './scrolly/states.ts';

export interface EssayFigure {
  id: string;
  kind: 'scrolly' | 'figure';
  /** Number of steps (0 for a plain figure). */
  steps: number;
  /** A short human label: the figure's caption or first step text. */
  label: string;
}

type Doc = ReturnType<typeof parseHTML>['document'];
type El = ReturnType<Doc['createElement']>;

const FIGURE_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

function parse(html: string): Doc {
  return parseHTML(`<!doctype html><html><body><div id="__root">${html}</div></body></html>`).document;
}

/**
 * Read-only parse, memoised for the last input: every embed page of an essay
 * reads the same (possibly multi-megabyte) body. Never mutate its result.
 */
let lastParsed: { html: string; doc: Doc } | undefined;
function parseShared(html: string): Doc {
  if (lastParsed?.html !== html) lastParsed = { html, doc: parse(html) };
  return lastParsed.doc;
}

function rootOf(doc: Doc): El {
  return doc.getElementById('__root') as El;
}

/** The outermost element of each scrolly (steps repeat data-scrolly). */
function scrollyRoots(root: El): El[] {
  return (Array.from(root.querySelectorAll('[data-scrolly]')) as El[]).filter((el) => {
    const id = el.getAttribute('data-scrolly');
    const outer = el.parentElement?.closest('[data-scrolly]');
    return !outer || outer.getAttribute('data-scrolly') !== id;
  });
}

function plainFigures(root: El): El[] {
  return (Array.from(root.querySelectorAll('figure[id]')) as El[]).filter((el) => !el.closest('[data-scrolly]'));
}

function stepsOf(scrolly: El): El[] {
  return (Array.from(scrolly.querySelectorAll('[data-step]')) as El[]).sort(
    (a, b) => Number(a.getAttribute('data-step')) - Number(b.getAttribute('data-step')),
  );
}

function statesOf(scrolly: El): El[] {
  return (Array.from(scrolly.querySelectorAll('[data-state]')) as El[]).filter((el) => !el.closest('[data-step]'));
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function labelOf(el: El, kind: EssayFigure['kind']): string {
  const text = kind === 'scrolly' ? stepsOf(el)[0]?.textContent : (el.querySelector('figcaption')?.textContent ?? el.getAttribute('aria-label'));
  const label = squash(text);
  return label.length > 80 ? `${label.slice(0, 79)}…` : label;
}

/** Every embeddable figure of an essay, in document order; `file` names the essay in errors. */
export function findFigures(html: string, file: string): EssayFigure[] {
  const root = rootOf(parseShared(html));
  const scrollies = new Set(scrollyRoots(root));
  const figures = new Set(plainFigures(root));
  const found: EssayFigure[] = [];
  for (const el of Array.from(root.querySelectorAll('[data-scrolly], figure[id]')) as El[]) {
    if (scrollies.has(el)) {
      found.push({ id: el.getAttribute('data-scrolly') ?? '', kind: 'scrolly', steps: stepsOf(el).length, label: labelOf(el, 'scrolly') });
    } else if (figures.has(el)) {
      found.push({ id: el.getAttribute('id') ?? '', kind: 'figure', steps: 0, label: labelOf(el, 'figure') });
    }
  }
  const seen = new Set<string>();
  for (const figure of found) {
    if (!FIGURE_ID.test(figure.id)) {
      throw new AuthorError(`figure id "${figure.id}" cannot be used in a URL`, {
        file,
        field: 'id',
        hint: 'use letters, digits and hyphens, starting with a letter, e.g. id="threshold"',
      });
    }
    if (seen.has(figure.id)) {
      throw new AuthorError(`two figures have the id "${figure.id}"`, { file, field: 'id', hint: 'give every figure and scrolly its own id' });
    }
    seen.add(figure.id);
  }
  return found;
}

function findFigureElement(root: El, id: string): El | undefined {
  return scrollyRoots(root).find((el) => el.getAttribute('data-scrolly') === id) ?? plainFigures(root).find((el) => el.getAttribute('id') === id);
}

/**
 * The HTML of one figure, for its embed page, followed by every <script> the
 * essay's HTML contains outside it (island loaders), so islands still hydrate.
 * In-page links to places outside the figure (footnotes, sections) point to
 * `essayPath` instead, where their targets are.
 */
export function figureHtml(html: string, id: string, essayPath = ''): string | undefined {
  const root = rootOf(parseShared(html));
  const el = findFigureElement(root, id);
  if (!el) return undefined;
  for (const a of Array.from(el.querySelectorAll('a[href^="#"]')) as El[]) {
    const target = decodeURIComponent((a.getAttribute('href') ?? '#').slice(1));
    const inside = el.getAttribute('id') === target || (Array.from(el.querySelectorAll('[id]')) as El[]).some((e) => e.getAttribute('id') === target);
    if (!inside) a.setAttribute('href', `${essayPath}#${target}`);
  }
  // Names and descriptions by id reach only what the embed has (a footnote
  // reference's aria-describedby="footnote-label" names the essay's footnotes heading).
  const ids = new Set((Array.from(el.querySelectorAll('[id]')) as El[]).map((e) => e.getAttribute('id')));
  ids.add(el.getAttribute('id'));
  for (const attr of ['aria-describedby', 'aria-labelledby']) {
    for (const e of Array.from(el.querySelectorAll(`[${attr}]`)) as El[]) {
      const kept = (e.getAttribute(attr) ?? '').split(/\s+/).filter((ref) => ref && ids.has(ref));
      if (kept.length) e.setAttribute(attr, kept.join(' '));
      else e.removeAttribute(attr);
    }
  }
  const scripts = (Array.from(root.querySelectorAll('script')) as El[]).filter((s) => !el.contains(s)).map((s) => s.outerHTML);
  return [el.outerHTML, ...new Set(scripts)].join('\n');
}

/**
 * The graphic of a scrolly: the lowest element holding every state, widened to
 * the largest ancestor that holds no step (so axes and source lines come along).
 */
function graphicOf(scrolly: El, states: El[]): El | undefined {
  if (!states.length) return undefined;
  let graphic = states[0]!.parentElement as El | null;
  while (graphic && !states.every((s) => graphic!.contains(s))) graphic = graphic.parentElement as El | null;
  while (graphic && graphic.parentElement && graphic.parentElement !== scrolly && !graphic.parentElement.querySelector('[data-step]')) {
    graphic = graphic.parentElement as El;
  }
  return graphic ?? undefined;
}

const ID_LIST_ATTRS = new Set(['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'for', 'headers']);

/** Makes the ids inside a cloned graphic unique (one clone per step), with every reference to them. */
function suffixIds(clone: El, suffix: string): void {
  const all = [clone, ...(Array.from(clone.querySelectorAll('*')) as El[])];
  const ids = new Set(all.map((el) => el.getAttribute('id')).filter((id): id is string => !!id));
  if (!ids.size) return;
  for (const el of all) {
    for (const { name, value } of Array.from(el.attributes) as { name: string; value: string }[]) {
      let next = value;
      if (name === 'id' && ids.has(value)) next = value + suffix;
      else if (ID_LIST_ATTRS.has(name)) next = value.split(/\s+/).map((t) => (ids.has(t) ? t + suffix : t)).join(' ');
      else if (/^#/.test(value) && ids.has(value.slice(1))) next = value + suffix;
      else if (value.includes('url(#')) next = value.replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${id}${suffix})` : m));
      if (next !== value) el.setAttribute(name, next);
    }
  }
}

/**
 * Paper has no disclosures: a content warning (details.item-warning) prints
 * its warning and leaves the image out; a closed branch of a tree prints its
 * line only; any other <details> prints open, its summary as a plain label.
 */
function unfoldDetails(doc: Doc, root: El): void {
  // Innermost first, so a replaced parent carries already unfolded children.
  for (const details of (Array.from(root.querySelectorAll('details')) as El[]).reverse()) {
    const summary = details.querySelector(':scope > summary') as El | null;
    if (details.classList.contains('item-warning')) {
      const note = doc.createElement('p');
      note.setAttribute('class', 'handout-warning');
      const warning = squash((summary?.querySelector('span') ?? summary)?.textContent) || 'Content warning.';
      note.textContent = `${warning} The image is not printed; it is behind the same warning online.`;
      details.replaceWith(note);
      continue;
    }
    const label = doc.createElement(summary?.closest('.taxonomy-tree') ? 'span' : 'p');
    label.setAttribute('class', 'handout-details-label');
    if (summary) {
      for (const child of Array.from(summary.childNodes)) label.appendChild(child);
      summary.remove();
    }
    const block = doc.createElement('div');
    block.setAttribute('class', `handout-details ${details.getAttribute('class') ?? ''}`.trim());
    block.appendChild(label);
    const closedBranch = !details.hasAttribute('open') && details.closest('.taxonomy-tree');
    if (!closedBranch) for (const child of Array.from(details.childNodes)) block.appendChild(child);
    details.replaceWith(block);
  }
}

export interface Handout {
  html: string;
  /** Absolute URLs of the links in the text, numbered in order (footnote n = links[n-1]). */
  links: string[];
}

/**
 * The print handout of an essay body: scripts and interactive chrome removed,
 * each scrolly unrolled into one figure per step (graphic state + step text),
 * and every link numbered with its URL listed at the end.
 */
export function handoutHtml(html: string, pageUrl: string): Handout {
  const doc = parse(html);
  const root = rootOf(doc);
  for (const el of Array.from(root.querySelectorAll('script, button, template, [data-print-hide]')) as El[]) el.remove();
  // Islands stay as their server-rendered HTML: nothing on paper hydrates.
  for (const el of Array.from(root.querySelectorAll('astro-island, astro-slot')) as El[]) el.replaceWith(...Array.from(el.childNodes));
  unfoldDetails(doc, root);

  for (const scrolly of scrollyRoots(root)) {
    const id = scrolly.getAttribute('data-scrolly') ?? '';
    const steps = stepsOf(scrolly);
    const states = statesOf(scrolly);
    const graphic = graphicOf(scrolly, states);
    const section = doc.createElement('div');
    section.setAttribute('class', 'handout-scrolly');
    section.setAttribute('data-handout-scrolly', id);
    section.setAttribute('role', 'group');
    section.setAttribute('aria-label', scrolly.getAttribute('aria-label') ?? `Steps of ${id}`);
    // A graphic without pre-rendered states (a histogram whose threshold is an
    // island) looks the same at every step: printed once, above the steps, so
    // its title, chart and note are on paper too.
    const stateless = graphic ? undefined : (scrolly.querySelector('[data-scrolly-graphic]') as El | null);
    if (stateless) {
      const figure = doc.createElement('div');
      figure.setAttribute('class', 'handout-graphic');
      figure.appendChild(stateless);
      section.appendChild(figure);
    }
    const list = doc.createElement('ol');
    list.setAttribute('class', 'handout-steps');
    steps.forEach((step, k) => {
      const item = doc.createElement('li');
      item.setAttribute('class', 'handout-step');
      item.setAttribute('data-handout-step', String(k));
      if (graphic) {
        const clone = graphic.cloneNode(true) as El;
        suffixIds(clone, `-step-${k}`);
        // The same rule as the scrolly runtime, then only the shown states are kept.
        applyStates(clone as unknown as Element, Number(step.getAttribute('data-step')));
        for (const state of Array.from(clone.querySelectorAll('[data-state]:not([data-state-active])')) as El[]) state.remove();
        const figure = doc.createElement('div');
        figure.setAttribute('class', 'handout-graphic');
        figure.appendChild(clone);
        item.appendChild(figure);
      }
      const caption = doc.createElement('div');
      caption.setAttribute('class', 'handout-caption');
      const number = doc.createElement('p');
      number.setAttribute('class', 'handout-step-number');
      number.textContent = `Step ${k + 1} of ${steps.length}`;
      caption.appendChild(number);
      for (const child of Array.from(step.childNodes)) caption.appendChild(child);
      item.appendChild(caption);
      list.appendChild(item);
    });
    section.appendChild(list);
    scrolly.replaceWith(section);
  }

  const links: string[] = [];
  for (const a of Array.from(root.querySelectorAll('a[href]')) as El[]) {
    const href = a.getAttribute('href') ?? '';
    if (href.startsWith('#') || a.hasAttribute('data-footnote-ref') || a.hasAttribute('data-footnote-backref')) continue;
    let url: string;
    try {
      url = new URL(href, pageUrl).href;
    } catch {
      continue;
    }
    let n = links.indexOf(url) + 1;
    if (!n) n = links.push(url);
    const ref = doc.createElement('sup');
    ref.setAttribute('class', 'link-ref');
    ref.textContent = `[${n}]`;
    a.after(ref);
  }
  return { html: root.innerHTML, links };
}
