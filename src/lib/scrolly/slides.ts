// Presentation mode as a pure function of the rendered essay: every scrolly
// step becomes a slide (its graphic in that step's state, the step's text as
// caption), prose between scrollies becomes text slides split at headings
// (and at paragraph boundaries when a slide gets too long to read from the
// back of a room), and <Notes> go to the slide they were written in.
import { parseHTML } from 'linkedom';
import { AuthorError } from '../author-error.ts';
import { applyStates } from './states.ts';

export type SlideKind = 'title' | 'text' | 'step';

export interface Slide {
  kind: SlideKind;
  /** 1-based position, as shown in the "3 / 24" counter and #slide-3. */
  number: number;
  /** Section heading (text slides) or scrolly label (step slides); may be ''. */
  heading: string;
  /** Rendered HTML of the slide's text: prose, or the step's caption. */
  html: string;
  /** Step slides: the scrolly graphic with this step's states marked. */
  graphicHtml?: string;
  /**
   * Step slides: the captions of the graphic's charts (caption, note, source
   * line, data table), moved beside the chart so that the chart alone gets
   * the slide's height and its labels stay large; '' when there are none.
   */
  figureCaptionHtml?: string;
  /** Speaker notes as rendered HTML, '' when there are none. */
  notesHtml: string;
  /** Fragment of the essay page this slide comes from ('' = the top). */
  target: string;
  /** The id the slide's heading keeps from the essay (first slide of a section only), so in-page links still land. */
  headingId?: string;
  /** Step slides: which scrolly and step (0-based), and how many steps it has. */
  scrolly?: { id: string; step: number; count: number };
}

export interface SlideDeckModel {
  slides: Slide[];
  /**
   * Top-level <script>, <style> and <link> elements of the essay (e.g. the
   * island hydration runtime), to be output once outside the slides.
   */
  passthroughHtml: string;
}

export interface SlideOptions {
  /** Essay file, for error messages. */
  file: string;
  /** Title slide content. */
  title: string;
  byline: string;
  excerpt: string;
  /** Split a text slide before a paragraph once it holds this many characters. */
  maxTextChars?: number;
}

type El = Element;
type Draft = Omit<Slide, 'number'>;

const HEADINGS = new Set(['H1', 'H2', 'H3']);
const PASSTHROUGH = new Set(['SCRIPT', 'STYLE', 'LINK', 'NOSCRIPT']);

/** Builds the slide list from an essay's rendered HTML (the <Content /> output). */
export function buildSlides(html: string, options: SlideOptions): SlideDeckModel {
  const maxChars = options.maxTextChars ?? 600;
  const { document } = parseHTML(`<!doctype html><html><body><div id="essay-root">${html}</div></body></html>`);
  const root = document.getElementById('essay-root') as unknown as El;
  checkIds(root, options.file);

  const drafts: Draft[] = [
    { kind: 'title', heading: options.title, html: '', notesHtml: '', target: '' },
  ];
  let text: { heading: string; target: string; parts: string[]; notes: string[]; chars: number; continued: boolean } | undefined;
  let section = { heading: '', target: '' };
  const passthrough: string[] = [];

  const flush = () => {
    if (text && (text.parts.length > 0 || (text.heading && !text.continued))) {
      drafts.push({
        kind: 'text',
        heading: text.heading + (text.continued && text.heading ? ' (continued)' : ''),
        html: text.parts.join(''),
        notesHtml: text.notes.join(''),
        target: text.target,
        ...(text.continued || !text.target ? {} : { headingId: text.target }),
      });
    }
    text = undefined;
  };
  const openText = (continued: boolean) => {
    text = { heading: section.heading, target: section.target, parts: [], notes: [], chars: 0, continued };
    return text;
  };

  for (const node of Array.from(root.children)) {
    if (PASSTHROUGH.has(node.tagName)) {
      passthrough.push(node.outerHTML);
      continue;
    }
    if (HEADINGS.has(node.tagName)) {
      flush();
      section = { heading: (node.textContent ?? '').trim(), target: node.getAttribute('id') ?? '' };
      openText(false);
      continue;
    }
    if (node.hasAttribute('data-scrolly')) {
      flush();
      drafts.push(...stepSlides(node));
      continue;
    }
    if (node.tagName === 'TEMPLATE' && node.hasAttribute('data-notes')) {
      // Notes belong to the slide being written, else to the one before.
      if (text) text.notes.push(node.innerHTML);
      else drafts.at(-1)!.notesHtml += node.innerHTML;
      continue;
    }
    if (node.tagName === 'SECTION' && node.hasAttribute('data-footnotes')) {
      flush();
      const label = node.querySelector('h2');
      label?.remove();
      const id = label?.getAttribute('id') ?? '';
      const heading = (label?.textContent ?? 'Footnotes').trim();
      footnoteChunks(node, maxChars).forEach((html, i) => {
        drafts.push({ kind: 'text', heading: i === 0 ? heading : `${heading} (continued)`, html, notesHtml: '', target: id, ...(id && i === 0 ? { headingId: id } : {}) });
      });
      continue;
    }
    if (node.classList.contains('content-note')) {
      // A content note is read before what it warns about: a slide of its own.
      flush();
      drafts.push({ kind: 'text', heading: '', html: node.outerHTML, notesHtml: '', target: section.target });
      continue;
    }
    const rowParts = figureRowChunks(node);
    if (rowParts.length > 1) {
      // A figure of many rows (digits, words) read from the back of a room
      // is too tall for one slide: its rows go on slides of their own.
      flush();
      const last = drafts.at(-1)!;
      const opened = last.kind === 'text' && last.target === section.target;
      rowParts.forEach((html, i) => {
        const heading = section.heading && (i > 0 || opened) ? `${section.heading} (continued)` : section.heading;
        drafts.push({ kind: 'text', heading, html, notesHtml: '', target: section.target });
      });
      continue;
    }
    const carouselParts = carouselChunks(node, maxChars);
    if (carouselParts.length > 1) {
      // A clicker cannot page a carousel: its images go on slides of their own.
      flush();
      const heading = section.heading || (node.querySelector('figure.carousel')?.getAttribute('aria-label') ?? '');
      carouselParts.forEach((html, i) => {
        drafts.push({ kind: 'text', heading: i === 0 ? heading : `${heading} (continued)`, html, notesHtml: '', target: section.target });
      });
      continue;
    }
    const notes = Array.from(node.querySelectorAll('template[data-notes]'));
    const notesHtml = notes.map((n) => n.innerHTML);
    for (const n of notes) n.remove();
    const chars = (node.textContent ?? '').trim().length;
    let t = text ?? openText(true);
    if (t.chars > 0 && t.chars + chars > maxChars) {
      flush();
      t = openText(true);
    }
    t.parts.push(node.outerHTML);
    t.notes.push(...notesHtml);
    t.chars += chars;
  }
  flush();
  return { slides: drafts.map((d, i) => ({ ...d, number: i + 1 })), passthroughHtml: passthrough.join('') };
}

/**
 * The footnotes section as one or more slides' HTML: its list is split
 * between notes once a slide holds `maxChars` characters, each part an <ol>
 * that keeps its numbering (start) and the notes' ids.
 */
function footnoteChunks(section: El, maxChars: number): string[] {
  const list = section.querySelector('ol');
  const items = list ? Array.from(list.children).filter((c) => c.tagName === 'LI') : [];
  if (items.length < 2) return [section.innerHTML];
  const chunks: El[][] = [[]];
  let chars = 0;
  for (const item of items) {
    const n = (item.textContent ?? '').trim().length;
    if (chars > 0 && chars + n > maxChars) {
      chunks.push([]);
      chars = 0;
    }
    chunks.at(-1)!.push(item);
    chars += n;
  }
  let start = 1;
  return chunks.map((chunk) => {
    const html = `<ol${start > 1 ? ` start="${start}"` : ''}>${chunk.map((li) => li.outerHTML).join('')}</ol>`;
    start += chunk.length;
    return html;
  });
}

/** Most images of a carousel shown on one slide. */
const CAROUSEL_PER_SLIDE = 4;

/**
 * A top-level node holding a carousel, as the HTML of one slide per run of
 * its images (at most CAROUSEL_PER_SLIDE, and a new slide once the captions
 * so far hold `maxChars` characters): each a copy of the node with only that
 * run in the carousel's track. One part (the node as is) when it fits.
 */
export function carouselChunks(node: El, maxChars: number): string[] {
  const track = node.querySelector('figure.carousel .carousel-track');
  const items = track ? Array.from(track.children).filter((c) => c.tagName === 'LI') : [];
  const runs: number[][] = [[]];
  let chars = 0;
  items.forEach((item, k) => {
    const n = (item.textContent ?? '').trim().length;
    const run = runs.at(-1)!;
    if (run.length > 0 && (run.length >= CAROUSEL_PER_SLIDE || chars + n > maxChars)) {
      runs.push([]);
      chars = 0;
    }
    runs.at(-1)!.push(k);
    chars += n;
  });
  if (runs.length < 2) return [node.outerHTML];
  return runs.map((run) => {
    const copy = node.cloneNode(true) as El;
    const copyItems = Array.from(copy.querySelector('figure.carousel .carousel-track')!.children).filter((c) => c.tagName === 'LI');
    copyItems.forEach((item, k) => {
      if (!run.includes(k)) item.remove();
    });
    return copy.outerHTML;
  });
}

/**
 * Most rows of a figure table on one slide: at 1024x768 with its labels at
 * 20 px a row of 56 px digits and their captions (DigitRows) takes ~90 px,
 * and the slide has ~450 px for the figure under its heading; a row of
 * words (TextTable) wraps to two or three lines in its columns.
 */
export const FIGURE_ROWS_PER_SLIDE = { digits: 5, words: 3 };

/**
 * A top-level figure whose table has more rows than FIGURE_ROWS_PER_SLIDE, as
 * the HTML of one slide per run of rows: each a copy of the figure (title and
 * source line included) with only that run in its table body; ids in the
 * copies after the first get a suffix so they stay unique on the page. One
 * part (the node as is) for any other node.
 */
export function figureRowChunks(node: El): string[] {
  const perSlide = node.matches('figure[data-digit-rows]') ? FIGURE_ROWS_PER_SLIDE.digits : FIGURE_ROWS_PER_SLIDE.words;
  const body = node.matches('figure[data-digit-rows], figure[data-text-table]') ? node.querySelector('tbody') : null;
  const rows = body ? Array.from(body.children).filter((c) => c.tagName === 'TR') : [];
  if (rows.length <= perSlide) return [node.outerHTML];
  const parts: string[] = [];
  for (let from = 0; from < rows.length; from += perSlide) {
    const copy = node.cloneNode(true) as El;
    Array.from(copy.querySelector('tbody')!.children).filter((c) => c.tagName === 'TR').forEach((row, k) => {
      if (k < from || k >= from + perSlide) row.remove();
    });
    // In a holder, so that the figure's own id gets the suffix too.
    const holder = node.ownerDocument.createElement('div');
    holder.append(copy);
    if (from > 0) suffixIds(holder, `--rows${from}`);
    parts.push(holder.innerHTML);
  }
  return parts;
}

function stepSlides(scrolly: El): Draft[] {
  const id = scrolly.getAttribute('data-scrolly')!;
  const heading = scrolly.getAttribute('aria-label') ?? '';
  const graphic = scrolly.querySelector('[data-scrolly-graphic]');
  const steps = Array.from(scrolly.querySelectorAll('[data-step]'));
  return steps.map((step, i) => {
    const body = (step.querySelector('.scrolly-step-body') ?? step).cloneNode(true) as El;
    const notes = Array.from(body.querySelectorAll('template[data-notes]'));
    const notesHtml = notes.map((n) => n.innerHTML).join('');
    for (const n of notes) n.remove();
    let graphicHtml = '';
    let figureCaptionHtml = '';
    if (graphic) {
      const copy = graphic.cloneNode(true) as El;
      applyStates(copy, i);
      suffixIds(copy, `--s${i}`);
      figureCaptionHtml = moveChartCaptions(copy);
      graphicHtml = copy.innerHTML;
    }
    return { kind: 'step' as const, heading, html: body.innerHTML, graphicHtml, figureCaptionHtml, notesHtml, target: `${id}-${i}`, scrolly: { id, step: i, count: steps.length } };
  });
}

/**
 * Takes the figcaption out of every chart in a slide's graphic and returns
 * their contents, each as a `div.slide-figure-caption` (a figcaption may only
 * sit in its figure): on a 1024x768 projector a chart (or an image grid) with
 * its caption, note and source line under it is too tall to show its labels
 * at 20 px.
 */
function moveChartCaptions(graphic: El): string {
  return Array.from(graphic.querySelectorAll('figure.chart > figcaption, figure.image-grid > figcaption')).map((caption) => {
    const html = `<div class="slide-figure-caption">${caption.innerHTML}</div>`;
    caption.remove();
    return html;
  }).join('');
}

const ID_REFS = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for', 'headers'];

/**
 * Gives every id inside `el` a suffix and rewrites references to them
 * (aria-*, for, href="#", url(#...)), so repeated copies of one graphic on
 * the slides page keep unique ids and working references.
 */
export function suffixIds(el: El, suffix: string): void {
  const ids = new Set(Array.from(el.querySelectorAll('[id]')).map((e) => e.getAttribute('id')!));
  if (ids.size === 0) return;
  const rename = (id: string) => (ids.has(id) ? id + suffix : id);
  for (const e of [el, ...Array.from(el.querySelectorAll('*'))]) {
    for (const attr of Array.from(e.attributes)) {
      const { name, value } = attr;
      let next = value;
      if (name === 'id') next = rename(value);
      else if (ID_REFS.includes(name)) next = value.split(/\s+/).map(rename).join(' ');
      else if ((name === 'href' || name === 'xlink:href') && value.startsWith('#')) next = `#${rename(value.slice(1))}`;
      else if (value.includes('url(#')) next = value.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`);
      if (next !== value) e.setAttribute(name, next);
    }
  }
}

/** Scrolly ids and step ids must be unique on the page, or deep links break. */
function checkIds(root: El, file: string): void {
  const seen = new Set<string>();
  for (const scrolly of Array.from(root.querySelectorAll('[data-scrolly]'))) {
    const id = scrolly.getAttribute('data-scrolly')!;
    if (seen.has(id)) {
      throw new AuthorError(`two scrollies use id="${id}"`, { file, field: 'Scrolly.id', hint: 'give each <Scrolly> on the page its own id' });
    }
    seen.add(id);
  }
  const ids = new Map<string, El>();
  for (const el of Array.from(root.querySelectorAll('[id]'))) {
    const id = el.getAttribute('id')!;
    const other = ids.get(id);
    if (other && (el.hasAttribute('data-step') || other.hasAttribute('data-step'))) {
      throw new AuthorError(`the step link #${id} is also the id of another element (a heading?)`, {
        file, field: 'Scrolly.id', hint: `rename the <Scrolly> or the heading so that #${id} points to one place`,
      });
    }
    ids.set(id, el);
  }
}
