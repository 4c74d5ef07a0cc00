// Presentation slides as a pure function of rendered essay HTML (synthetic
// fixture shaped like <Content /> output), plus build-time QR codes.
import { describe, expect, it } from 'vitest';
import { buildSlides, suffixIds } from '../../src/lib/scrolly/slides.ts';
import { parseHTML } from 'linkedom';
import { qrSvg, slideUrl } from '../../src/lib/present/qr.ts';
import { AuthorError } from '../../src/lib/author-error.ts';

const opts = { file: 'content/essays/fixture/index.mdx', title: 'Fixture essay', byline: 'by A. Author', excerpt: 'An excerpt.' };

const scrolly = (id: string, steps: string[]) =>
  `<section class="scrolly" data-scrolly="${id}" aria-label="Label of ${id}"><div data-scrolly-graphic><svg><title id="t">T</title><g aria-labelledby="t" data-state="0" data-state-active></g><g data-state="2"></g></svg></div>` +
  `<div class="scrolly-steps">${steps.map((s, i) => `<div data-step="${i}" id="${id}-${i}" class="scrolly-step"><div class="scrolly-step-body">${s}</div></div>`).join('')}</div></section>`;

const essay = [
  '<p>Intro paragraph.</p>',
  '<template data-notes><p>Intro note.</p></template>',
  '<h2 id="first">First section</h2>',
  '<p>Before the scrolly.</p>',
  scrolly('cut', ['<p>Step zero.</p>', '<p>Step one.</p><template data-notes><p>Say one.</p></template>', '<p>Step two.</p>', '<p>Step three.</p>']),
  '<p>After the scrolly.</p>',
  '<script>islandRuntime()</script>',
  '<h2 id="second">Second section</h2>',
  '<h3 id="sub">A subsection</h3>',
  '<p>Sub text.</p>',
].join('\n');

describe('buildSlides', () => {
  const { slides, passthroughHtml } = buildSlides(essay, opts);
  const summary = slides.map((s) => [s.number, s.kind, s.heading, s.target]);

  it('makes a title slide, text slides split at headings and one slide per step', () => {
    expect(summary).toEqual([
      [1, 'title', 'Fixture essay', ''],
      [2, 'text', '', ''],
      [3, 'text', 'First section', 'first'],
      [4, 'step', 'Label of cut', 'cut-0'],
      [5, 'step', 'Label of cut', 'cut-1'],
      [6, 'step', 'Label of cut', 'cut-2'],
      [7, 'step', 'Label of cut', 'cut-3'],
      [8, 'text', 'First section (continued)', 'first'],
      [9, 'text', 'Second section', 'second'],
      [10, 'text', 'A subsection', 'sub'],
    ]);
  });

  it('captions step slides with the step text and marks the graphic state for that step', () => {
    const step = (n: number) => slides.find((s) => s.scrolly?.step === n)!;
    expect(step(1).html).toBe('<p>Step one.</p>');
    expect(step(1).scrolly).toEqual({ id: 'cut', step: 1, count: 4 });
    const active = (html: string) => [...html.matchAll(/<g[^>]*>/g)].filter((m) => m[0].includes('data-state-active')).map((m) => /data-state="(\d)"/.exec(m[0])![1]);
    expect(active(step(1).graphicHtml!)).toEqual(['0']);
    expect(active(step(2).graphicHtml!)).toEqual(['2']);
    expect(active(step(3).graphicHtml!)).toEqual(['2']);
  });

  it('gives each copy of a graphic its own ids, references included', () => {
    const g = slides.find((s) => s.scrolly?.step === 3)!.graphicHtml!;
    expect(g).toContain('id="t--s3"');
    expect(g).toContain('aria-labelledby="t--s3"');
  });

  it('attaches notes to the slide they were written in, and removes them from the text', () => {
    expect(slides[1]!.notesHtml).toBe('<p>Intro note.</p>');
    expect(slides.find((s) => s.target === 'cut-1')!.notesHtml).toBe('<p>Say one.</p>');
    expect(slides.find((s) => s.target === 'cut-1')!.html).not.toContain('template');
    expect(slides.filter((s) => s.notesHtml).length).toBe(2);
  });

  it('keeps scripts out of the slides but passes them through once', () => {
    expect(passthroughHtml).toBe('<script>islandRuntime()</script>');
    expect(slides.some((s) => s.html.includes('islandRuntime'))).toBe(false);
  });

  it('keeps heading ids on the first slide of each section only', () => {
    expect(slides.map((s) => s.headingId ?? null)).toEqual([null, null, 'first', null, null, null, null, null, 'second', 'sub']);
  });

  it('keeps a heading followed directly by another as a section slide', () => {
    expect(slides[8]!.html).toBe('');
  });

  it('splits long prose at paragraph boundaries', () => {
    const long = Array.from({ length: 6 }, (_, i) => `<p>${'word '.repeat(40)}${i}</p>`).join('');
    const { slides } = buildSlides(`<h2 id="h">Long</h2>${long}`, { ...opts, maxTextChars: 450 });
    expect(slides.map((s) => s.heading)).toEqual(['Fixture essay', 'Long', 'Long (continued)', 'Long (continued)']);
    expect(slides.slice(1).map((s) => (s.html.match(/<p>/g) ?? []).length)).toEqual([2, 2, 2]);
  });

  it('gives a content note a slide of its own, before the prose it warns about', () => {
    const { slides } = buildSlides('<h2 id="h">Intro</h2><aside class="content-note" aria-label="Content note"><p><strong>Content note.</strong> Warned.</p></aside><p>After.</p>', opts);
    expect(slides.map((s) => [s.kind, s.heading, s.html.includes('content-note'), s.html.includes('After.')])).toEqual([
      ['title', 'Fixture essay', false, false],
      ['text', 'Intro', false, false],
      ['text', '', true, false],
      ['text', 'Intro (continued)', false, true],
    ]);
  });

  it('splits long footnotes between notes, keeping their numbers and ids', () => {
    const notes = Array.from({ length: 5 }, (_, i) => `<li id="fn-${i + 1}"><p>${'note '.repeat(40)}${i + 1}</p></li>`).join('');
    const { slides } = buildSlides(`<p>Text.</p><section data-footnotes class="footnotes"><h2 id="footnote-label">Footnotes</h2><ol>${notes}</ol></section>`, { ...opts, maxTextChars: 450 });
    const feet = slides.filter((s) => s.heading.startsWith('Footnotes'));
    expect(feet.map((s) => s.heading)).toEqual(['Footnotes', 'Footnotes (continued)', 'Footnotes (continued)']);
    expect(feet.map((s) => (s.html.match(/<li /g) ?? []).length)).toEqual([2, 2, 1]);
    expect(feet.map((s) => s.html.match(/<ol[^>]*>/)![0])).toEqual(['<ol>', '<ol start="3">', '<ol start="5">']);
    expect(feet.map((s) => s.headingId)).toEqual(['footnote-label', undefined, undefined]);
    expect(feet.flatMap((s) => [...s.html.matchAll(/id="(fn-\d)"/g)].map((m) => m[1]))).toEqual(['fn-1', 'fn-2', 'fn-3', 'fn-4', 'fn-5']);
  });

  it('refuses duplicate scrolly ids and step links that collide with other ids', () => {
    expect(() => buildSlides(scrolly('a', ['<p>x</p>']) + scrolly('a', ['<p>y</p>']), opts)).toThrow(AuthorError);
    expect(() => buildSlides(scrolly('a', ['<p>x</p>']) + scrolly('a', ['<p>y</p>']), opts)).toThrow(/content\/essays\/fixture\/index.mdx: Scrolly.id: two scrollies use id="a"/);
    expect(() => buildSlides('<h2 id="a-0">A 0</h2>' + scrolly('a', ['<p>x</p>']), opts)).toThrow(/#a-0 is also the id/);
  });
});

describe('suffixIds', () => {
  it('rewrites ids and url(#) / href="#" references, leaving other links alone', () => {
    const { document } = parseHTML('<div id="r"><svg><clipPath id="c"></clipPath><rect clip-path="url(#c)"/><use href="#c"/><a href="#elsewhere">x</a></svg></div>');
    const r = document.getElementById('r')!;
    suffixIds(r as unknown as Element, '--s1');
    const html = r.innerHTML;
    expect(html).toContain('id="c--s1"');
    expect(html).toContain('clip-path="url(#c--s1)"');
    expect(html).toContain('href="#c--s1"');
    expect(html).toContain('href="#elsewhere"');
  });
});

describe('QR codes', () => {
  it('builds the absolute essay URL of a slide', () => {
    expect(slideUrl('https://example.org', 'mnist', 'cut-2')).toBe('https://example.org/mnist/#cut-2');
    expect(slideUrl('https://example.org/', 'mnist', '')).toBe('https://example.org/mnist/');
  });
  it('renders a deterministic, decorative inline SVG and refuses relative URLs', async () => {
    const a = await qrSvg('https://example.org/mnist/#cut-2');
    expect(a).toMatch(/^<svg aria-hidden="true" focusable="false" class="qr" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(a).toBe(await qrSvg('https://example.org/mnist/#cut-2'));
    expect(a).not.toBe(await qrSvg('https://example.org/mnist/#cut-3'));
    expect(a).not.toContain('<style');
    await expect(qrSvg('/mnist/')).rejects.toThrow(/absolute/);
  });
});

describe('carousels on slides', () => {
  const carousel = (captions: string[]) =>
    `<figure class="widget"><figure class="carousel" aria-label="Six photos" data-carousel><ol class="carousel-track">${captions.map((c, i) => `<li class="carousel-slide" aria-label="${i + 1} of ${captions.length}"><figure><img alt=""><figcaption>${c}</figcaption></figure></li>`).join('')}</ol><p class="source-line">Source: fixture</p></figure></figure>`;
  const labels = (html: string) => [...html.matchAll(/aria-label="(\d+) of/g)].map((m) => Number(m[1]));

  it('splits a carousel into "(continued)" slides of at most four images, each with its source line', () => {
    const { slides } = buildSlides(`<h2 id="photos">Photos</h2>${carousel(['a', 'b', 'c', 'd', 'e', 'f'])}`, opts);
    const photoSlides = slides.filter((s) => s.html.includes('carousel'));
    expect(photoSlides.map((s) => s.heading)).toEqual(['Photos', 'Photos (continued)']);
    expect(photoSlides.map((s) => labels(s.html))).toEqual([[1, 2, 3, 4], [5, 6]]);
    expect(photoSlides.every((s) => s.html.includes('Source: fixture'))).toBe(true);
  });

  it('starts a new slide once the captions are long, and leaves a short carousel whole', () => {
    const long = 'x'.repeat(400);
    const { slides } = buildSlides(`<h2 id="photos">Photos</h2>${carousel([long, long, 'c'])}`, opts);
    expect(slides.filter((s) => s.html.includes('carousel')).map((s) => labels(s.html))).toEqual([[1], [2, 3]]);
    const whole = buildSlides(`<h2 id="photos">Photos</h2>${carousel(['a', 'b'])}`, opts).slides.filter((s) => s.html.includes('carousel'));
    expect(whole.map((s) => labels(s.html))).toEqual([[1, 2]]);
  });
});

describe('tall figure tables on slides', () => {
  const digitRows = (n: number) =>
    `<figure class="digit-rows" id="means" data-digit-rows aria-labelledby="means-title"><p id="means-title">Means</p><table><tbody>${
      Array.from({ length: n }, (_, i) => `<tr><th scope="row">${i}</th><td>row ${i}</td></tr>`).join('')
    }</tbody></table><p class="source-line">Source: fixture</p></figure>`;
  const rowLabels = (html: string) => [...html.matchAll(/<th scope="row">(\d+)<\/th>/g)].map((m) => Number(m[1]));

  it('splits a figure of ten rows into "(continued)" slides of five, each with its title and source line, ids kept unique', () => {
    const { slides } = buildSlides(`<h2 id="ways">Ways</h2><p>Intro.</p>${digitRows(10)}`, opts);
    const parts = slides.filter((s) => s.html.includes('data-digit-rows'));
    expect(parts.map((s) => s.heading)).toEqual(['Ways (continued)', 'Ways (continued)']);
    expect(parts.map((s) => rowLabels(s.html))).toEqual([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]);
    expect(parts.every((s) => s.html.includes('Source: fixture') && s.html.includes('Means'))).toBe(true);
    expect(parts[1]!.html).toMatch(/id="means--rows5"[^>]*aria-labelledby="means-title--rows5"/);
    expect(parts[0]!.html).toMatch(/id="means"[^>]*aria-labelledby="means-title"/);
    expect(slides.find((s) => s.html.includes('Intro.'))!.heading).toBe('Ways');
  });

  it('leaves a figure of five rows whole, in the text slide it belongs to', () => {
    const { slides } = buildSlides(`<h2 id="ways">Ways</h2><p>Intro.</p>${digitRows(5)}`, opts);
    expect(slides.filter((s) => s.html.includes('data-digit-rows')).map((s) => [s.heading, rowLabels(s.html)])).toEqual([['Ways', [0, 1, 2, 3, 4]]]);
  });
});
