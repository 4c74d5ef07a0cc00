// Raw HTML in a see:set body is untrusted (docs/quality.md, "Trust model").
// A hostile corpus (synthetic, written for this test) must come out inert,
// and what the published essays really use must come through unchanged.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { sanitizeSeesetHtml } from '../../src/lib/seeset/sanitize.ts';
import { splitAtPlaceholders, placeholderHtml } from '../../src/lib/seeset/placeholders.ts';

/** Every attribute and element name left in `html`, for the assertions below. */
function inventory(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const elements = [...document.body.querySelectorAll('*')];
  return {
    tags: new Set(elements.map((e) => e.localName)),
    attributes: elements.flatMap((e) => [...e.attributes].map((a) => ({ tag: e.localName, name: a.name, value: a.value }))),
    text: document.body.textContent ?? '',
  };
}

const HOSTILE: Array<[string, string]> = [
  ['script element', '<p>a</p><script>alert(1)</script>'],
  ['script in odd case', '<ScRiPt src="https://evil.example/x.js"></ScRiPt>'],
  ['iframe', '<iframe src="https://evil.example/"></iframe>'],
  ['srcdoc iframe', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['object/embed', '<object data="x.swf"></object><embed src="x.swf">'],
  ['style element', '<style>body{display:none}</style>'],
  ['onerror on img', '<img src="/img/a.png" onerror="alert(1)" alt="a">'],
  ['onclick on a paragraph', '<p onclick="alert(1)">click</p>'],
  ['javascript: link', '<a href="javascript:alert(1)">x</a>'],
  ['entity-encoded javascript:', '<a href="&#106;avascript:alert(1)">x</a>'],
  ['tab inside the scheme', '<a href="java\tscript:alert(1)">x</a>'],
  ['data: image', '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="d">'],
  ['vbscript:', '<a href="vbscript:msgbox(1)">x</a>'],
  ['protocol-relative', '<img src="//evil.example/x.png" alt="x">'],
  ['style attribute overlay', '<div style="position:fixed;inset:0;background:white">fake</div>'],
  ['svg with onload', '<svg onload="alert(1)"><circle r="4"/></svg>'],
  ['math', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'],
  ['form and button', '<form action="https://evil.example/"><input name="pw"><button>send</button></form>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
  ['base href', '<base href="https://evil.example/">'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['video poster javascript:', '<video controls poster="javascript:alert(1)"><source src="/media/a.mp4" type="video/mp4"></video>'],
  ['source with onerror', '<video controls><source src="/media/a.mp4" onerror="alert(1)"></video>'],
  ['unknown element with handler', '<marquee onstart="alert(1)">hi</marquee>'],
  ['target/rel on a link', '<a href="https://example.org/" target="_top" rel="opener">x</a>'],
  ['comment hiding markup', '<!-- <script>alert(1)</script> --><p>ok</p>'],
  ['forged widget placeholder', '<div data-seeset-widget="grid-1 onmouseover=alert(1)"></div>'],
];

describe('sanitizeSeesetHtml: hostile raw HTML', () => {
  const dangerousTags = ['script', 'iframe', 'object', 'embed', 'style', 'svg', 'math', 'form', 'button', 'meta', 'base', 'link', 'marquee'];
  it.each(HOSTILE)('%s comes out inert', (_name, html) => {
    const out = inventory(sanitizeSeesetHtml(html));
    for (const tag of dangerousTags) expect(out.tags.has(tag), `<${tag}> left in ${sanitizeSeesetHtml(html)}`).toBe(false);
    for (const { name, value } of out.attributes) {
      expect(name.startsWith('on'), `${name} left`).toBe(false);
      expect(['style', 'srcdoc', 'target', 'rel', 'action', 'http-equiv'].includes(name), `${name} left`).toBe(false);
      if (['href', 'src', 'poster', 'cite'].includes(name)) {
        expect(value.replace(/\s/g, '')).not.toMatch(/^(javascript|data|vbscript):|^\/\//i);
      }
      if (name === 'data-seeset-widget') expect(value).toMatch(/^(grid|carousel|image)-\d+$/);
    }
    expect(out.text).not.toContain('alert(1)');
  });

  it('keeps the text of an unknown element and of a removed style attribute', () => {
    expect(inventory(sanitizeSeesetHtml('<marquee>hello</marquee>')).text).toBe('hello');
    expect(sanitizeSeesetHtml('<div style="color:red">fake</div>')).toBe('<div>fake</div>');
  });

  it('keeps a task-list checkbox, disabled, and drops any other input', () => {
    const out = inventory(sanitizeSeesetHtml('<input type="checkbox" checked><input type="text" value="x">'));
    expect(out.attributes.filter((a) => a.tag === 'input').map((a) => a.name).sort()).toEqual(['checked', 'disabled', 'type']);
  });
});

describe('sanitizeSeesetHtml: what published see:set essays use', () => {
  it('keeps video with its source, site-path images, links between essays and footnotes', () => {
    const html = [
      '<p>Text with <em>emphasis</em>, <strong>bold</strong>, <code>code</code> and a note<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup>.</p>',
      '<video controls width="560"><source src="/media/clip.mp4" type="video/mp4"></video>',
      '<p><img src="/img/9_ways/graph.png" alt="A graph"> <a href="/9-ways-to-see/C4">the C4 essay</a> <a href="https://example.org/x">a source</a> <a href="mailto:a@example.org">mail</a></p>',
      '<table><thead><tr><th align="left">a</th></tr></thead><tbody><tr><td align="left">1</td></tr></tbody></table>',
      '<section data-footnotes="" class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-1"><p>Note. <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p></li></ol></section>',
    ].join('\n');
    const out = sanitizeSeesetHtml(html);
    expect(inventory(out)).toEqual(inventory(html));
  });

  it('keeps the widget placeholders, so the body still splits at them', () => {
    const html = `<p>before</p>\n${placeholderHtml('grid-1')}\n<p>after</p>`;
    const parts = splitAtPlaceholders(sanitizeSeesetHtml(html));
    expect(parts.filter((p) => 'widget' in p)).toEqual([{ widget: 'grid-1' }]);
  });
});
