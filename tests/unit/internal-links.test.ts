// The link checker's pure core: extraction, resolution and broken-link rules.
import { describe, expect, it } from 'vitest';
import {
  extractReferences,
  fileForPath,
  findBrokenLinks,
  pathForFile,
  resolveReference,
  srcsetUrls,
  type PageReferences,
} from '../../src/lib/quality/internal-links.ts';

const SITE = 'https://essays.example.org';

describe('extractReferences', () => {
  it('finds hrefs, srcs, every srcset candidate, SVG links, share images and ids', () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="/_astro/a.css"><meta property="og:image" content="${SITE}/cover.png">
      <script type="module" src="/_astro/x.js"></script></head><body>
      <a href="#intro" id="top-link">x</a><h2 id="intro">Intro</h2><a name="legacy"></a>
      <img src="/a.webp" srcset="/a-360.webp 360w, /a-720.webp 720w" alt="">
      <picture><source srcset="/b.avif 1x,/b@2x.avif 2x"></picture>
      <svg><use href="#icon"></use><use xlink:href="/sprite.svg#i"></use></svg>
    </body></html>`;
    const { ids, references } = extractReferences(html);
    expect(ids.sort()).toEqual(['intro', 'legacy', 'top-link']);
    expect(references.map((r) => `${r.where} ${r.url}`).sort()).toEqual(
      [
        'a[href] #intro',
        'img[src] /a.webp',
        'img[srcset] /a-360.webp',
        'img[srcset] /a-720.webp',
        'link[href] /_astro/a.css',
        `meta[content] ${SITE}/cover.png`,
        'script[src] /_astro/x.js',
        'source[srcset] /b.avif',
        'source[srcset] /b@2x.avif',
        'use[href] #icon',
        'use[xlink:href] /sprite.svg#i',
      ].sort(),
    );
  });

  it('splits srcset candidates that have no descriptor', () => {
    expect(srcsetUrls('/a.png')).toEqual(['/a.png']);
    expect(srcsetUrls(' /a.png 1x , /b.png 2x ')).toEqual(['/a.png', '/b.png']);
  });
});

describe('resolveReference', () => {
  it('resolves relative, root-relative and same-origin absolute URLs to decoded paths', () => {
    expect(resolveReference('../b/?q=1#Sec%20two', '/a/x/', SITE)).toEqual({ kind: 'internal', path: '/a/b/', fragment: 'Sec two' });
    expect(resolveReference('#top', '/essay/', SITE)).toEqual({ kind: 'internal', path: '/essay/', fragment: 'top' });
    expect(resolveReference(`${SITE}/essay/`, '/', SITE)).toEqual({ kind: 'internal', path: '/essay/', fragment: undefined });
    expect(resolveReference('/caf%C3%A9.png', '/', SITE)).toMatchObject({ path: '/café.png' });
  });

  it('leaves other origins and non-fetching schemes alone, and flags javascript: URLs', () => {
    expect(resolveReference('https://doi.org/10.1/x', '/', SITE)).toEqual({ kind: 'external' });
    expect(resolveReference('//cdn.example.com/x.js', '/', SITE)).toEqual({ kind: 'external' });
    expect(resolveReference('mailto:a@b.c', '/', SITE)).toEqual({ kind: 'ignored' });
    expect(resolveReference('data:image/png;base64,AAAA', '/', SITE)).toEqual({ kind: 'ignored' });
    expect(resolveReference(' JavaScript:alert(1)', '/', SITE)).toEqual({ kind: 'unsafe' });
    expect(resolveReference('java\nscript:alert(1)', '/', SITE)).toEqual({ kind: 'unsafe' });
  });
});

describe('files and paths', () => {
  const files = new Set(['index.html', 'a/index.html', '404.html', '_astro/x.js']);
  it('serves directories from index.html, as a static host does', () => {
    expect(fileForPath('/', files)).toBe('index.html');
    expect(fileForPath('/a/', files)).toBe('a/index.html');
    expect(fileForPath('/a', files)).toBe('a/index.html');
    expect(fileForPath('/_astro/x.js', files)).toBe('_astro/x.js');
    expect(fileForPath('/b/', files)).toBeUndefined();
    expect(fileForPath('/_astro/y.js', files)).toBeUndefined();
  });
  it('maps built files back to their URL paths', () => {
    expect(pathForFile('index.html')).toBe('/');
    expect(pathForFile('a/b/index.html')).toBe('/a/b/');
    expect(pathForFile('404.html')).toBe('/404.html');
  });
});

describe('findBrokenLinks', () => {
  const page = (ids: string[], urls: string[]): PageReferences => ({ ids, references: urls.map((url) => ({ where: 'a[href]', url })) });
  it('reports missing files, missing anchors on the target page and javascript: links, nothing else', () => {
    const pages = new Map([
      ['index.html', page(['main'], ['/essay/', '/essay/#ok', '/essay/#gone', '#main', '/missing/', 'https://other.org/', 'javascript:void(0)', '/essay/#top'])],
      ['essay/index.html', page(['ok'], ['/', '../', '/_astro/x.css', '/_astro/nope.css'])],
    ]);
    const files = new Set(['index.html', 'essay/index.html', '_astro/x.css']);
    const broken = findBrokenLinks({ files, pages, siteOrigin: SITE });
    expect(broken.map((b) => `${b.page} ${b.url}`)).toEqual([
      'index.html /essay/#gone',
      'index.html /missing/',
      'index.html javascript:void(0)',
      'essay/index.html /_astro/nope.css',
    ]);
    expect(broken[0]!.problem).toBe('no element with id "gone" on essay/index.html');
  });
});
