// Figure discovery, embed extraction and the print handout, on a synthetic
// rendered essay body that follows the scrolly markup contract.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { figureHtml, findFigures, handoutHtml } from '../../src/lib/essay-figures.ts';
import { embedCode, embedPath } from '../../src/lib/embed-code.ts';

const html = readFileSync('tests/fixtures/essay-body.html', 'utf8');
const dom = (s: string) => parseHTML(`<html><body>${s}</body></html>`).document;

describe('findFigures', () => {
  it('finds each scrolly once (not its steps) and each figure with an id, in order', () => {
    expect(findFigures(html, 'x.mdx')).toEqual([
      { id: 'threshold', kind: 'scrolly', steps: 3, label: 'First the whole distribution.' },
      { id: 'domains', kind: 'figure', steps: 0, label: 'Top source domains' },
      { id: 'plain-steps', kind: 'scrolly', steps: 1, label: 'Only text.' },
    ]);
  });
  it('rejects duplicate and URL-unsafe ids, naming the essay file', () => {
    expect(() => findFigures('<figure id="a"></figure><figure id="a"></figure>', 'content/essays/e/index.mdx')).toThrow(
      /content\/essays\/e\/index.mdx: id: two figures have the id "a"/,
    );
    expect(() => findFigures('<section data-scrolly="a b"></section>', 'e.mdx')).toThrow(/cannot be used in a URL/);
  });
});

describe('figureHtml', () => {
  it('cuts out one figure and keeps the scripts from outside it', () => {
    const out = figureHtml(html, 'domains')!;
    const doc = dom(out);
    expect(doc.querySelectorAll('figure#domains').length).toBe(1);
    expect(doc.querySelector('[data-scrolly]')).toBeNull();
    expect(out).toContain('window.islandRuntime = 1');
    expect(out).toContain('/_astro/Scrolly.js');
    expect(figureHtml(html, 'nope')).toBeUndefined();
  });

  it('points links to places outside the figure back at the essay', () => {
    const essay = '<p id="intro">x</p><figure id="f"><a href="#intro">up</a><a href="#note">n</a><span id="note"></span></figure>';
    const doc = dom(figureHtml(essay, 'f', '/e/')!);
    expect(Array.from(doc.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['/e/#intro', '#note']);
  });

  it('keeps id references (aria-describedby, aria-labelledby) only to what the embed holds', () => {
    const essay = '<h2 id="footnote-label">Notes</h2><figure id="f" aria-labelledby="f-t"><p id="f-t">T</p>'
      + '<a href="#fn-1" aria-describedby="footnote-label">1</a><span aria-describedby="f-t footnote-label">s</span></figure>';
    const doc = dom(figureHtml(essay, 'f', '/e/')!);
    expect(doc.querySelector('a')!.hasAttribute('aria-describedby')).toBe(false);
    expect(doc.querySelector('span')!.getAttribute('aria-describedby')).toBe('f-t');
    expect(doc.querySelector('figure')!.getAttribute('aria-labelledby')).toBe('f-t');
  });
});

describe('handoutHtml', () => {
  const { html: out, links } = handoutHtml(html, 'https://site.example/essay/');
  const doc = dom(out);

  it('unrolls a scrolly into one figure per step, each with its own state and caption', () => {
    const steps = Array.from(doc.querySelectorAll('[data-handout-scrolly="threshold"] .handout-step'));
    expect(steps).toHaveLength(3);
    const shown = steps.map((s) => Array.from(s.querySelectorAll('[data-state]')).map((g) => g.getAttribute('data-state')));
    expect(shown).toEqual([['0'], ['0'], ['2']]);
    expect(steps.every((s) => s.querySelector('[data-state]')!.hasAttribute('data-state-active'))).toBe(true);
    expect(steps[2]!.querySelector('.handout-caption')!.textContent).toContain('Now the cut.');
    expect(steps[0]!.querySelector('.source-line')!.textContent).toBe('Source: fixture');
    expect(doc.querySelector('[data-scrolly]')).toBeNull();
  });

  it('prints a graphic without states (an island histogram) once, above its steps, with its title and note', () => {
    const body = '<section data-scrolly="ink"><div class="scrolly-graphic" data-scrolly-graphic><figure id="ink-histogram"><figcaption>Ink per image</figcaption><svg></svg><p class="note">Measured: every image.</p></figure></div>'
      + '<div data-scrolly="ink" data-step="0"><p>One.</p></div><div data-scrolly="ink" data-step="1"><p>Two.</p></div></section>';
    const printed = dom(handoutHtml(body, 'https://site.example/e/').html);
    const section = printed.querySelector('[data-handout-scrolly="ink"]')!;
    expect(section.querySelectorAll('figure').length).toBe(1);
    expect(section.querySelector('.handout-graphic figcaption')!.textContent).toBe('Ink per image');
    expect(section.querySelector('.handout-graphic .note')!.textContent).toBe('Measured: every image.');
    expect(section.querySelectorAll('.handout-step').length).toBe(2);
  });

  it('keeps text-only scrollies as captions', () => {
    expect(doc.querySelector('[data-handout-scrolly="plain-steps"] .handout-caption')!.textContent).toContain('Only text.');
  });

  it('removes scripts and buttons, and unwraps islands into their static HTML', () => {
    expect(doc.querySelectorAll('script, button, astro-island').length).toBe(0);
    expect(doc.querySelector('a.copy-link')!.textContent).toBe('Copy a link');
  });

  it('prints disclosures open, content warnings without their image, closed tree branches as one line', () => {
    const body = '<details class="sc-more"><summary>About this photo</summary><p>CC BY 4.0, by A. Person</p></details>'
      + '<details class="item-warning"><summary><span>Content warning: marked NSFW.</span> <span>Show image</span></summary><img src="/x.png" alt="x"></details>'
      + '<ul class="taxonomy-tree"><li><details open><summary><span class="taxonomy-label">person</span></summary><ul>'
      + '<li><details><summary><span class="taxonomy-label">worker</span></summary><ul><li>hidden leaf</li></ul></details></li></ul></details></li></ul>';
    const printed = dom(handoutHtml(body, 'https://site.example/e/').html);
    expect(printed.querySelectorAll('details, summary')).toHaveLength(0);
    expect(printed.querySelector('.handout-details.sc-more')!.textContent).toBe('About this photoCC BY 4.0, by A. Person');
    expect(printed.querySelector('img')).toBeNull();
    expect(printed.querySelector('.handout-warning')!.textContent).toBe('Content warning: marked NSFW. The image is not printed; it is behind the same warning online.');
    expect(Array.from(printed.querySelectorAll('.taxonomy-label')).map((l) => l.textContent)).toEqual(['person', 'worker']);
    expect(printed.body.textContent).not.toContain('hidden leaf');
  });

  it('keeps ids unique across the per-step copies of a graphic, with their references', () => {
    const titles = Array.from(doc.querySelectorAll('[data-handout-scrolly="threshold"] title')).map((t) => t.getAttribute('id'));
    expect(titles).toEqual(['th-title-step-0', 'th-title-step-1', 'th-title-step-2']);
    const refs = Array.from(doc.querySelectorAll('[data-handout-scrolly="threshold"] svg')).map((s) => s.getAttribute('aria-labelledby'));
    expect(refs).toEqual(titles);
  });

  it('numbers links (one number per URL), absolute, skipping footnote refs', () => {
    expect(links).toEqual(['https://example.org/paper', 'https://site.example/datasets/mnist/']);
    expect(Array.from(doc.querySelectorAll('.link-ref')).map((s) => s.textContent)).toEqual(['[1]', '[2]', '[1]']);
  });
});

describe('embedCode', () => {
  it('builds an iframe whose attributes cannot be broken out of', () => {
    const code = embedCode({ src: 'https://s.example/embed/e/f/?step=2&x=1', title: 'The "cut" <b>' });
    const iframe = dom(code).querySelector('iframe')!;
    expect(iframe.getAttribute('src')).toBe('https://s.example/embed/e/f/?step=2&x=1');
    expect(iframe.getAttribute('title')).toBe('The "cut" <b>');
    expect(dom(code).querySelector('b')).toBeNull();
    expect(embedPath('ways', 'threshold')).toBe('/embed/ways/threshold/');
  });
});
