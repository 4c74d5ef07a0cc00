// Gate: untrusted text (HTML/JS payloads in frontmatter, captions, ALT text,
// labels) is shown as text and never executes. Builds the SYNTHETIC fixture
// essay from tests/fixtures/hostile-essay/ alone in a throwaway copy of the
// project, then checks the HTML and opens every page in Chromium, with the
// CSP ignored (escaping alone must hold) and enforced (nothing even tries).
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractReferences, pathForFile, resolveReference } from '../../src/lib/quality/internal-links.ts';
import { builtSiteOrigin, listBuiltPages } from '../../scripts/quality/built-files.ts';
import { startServer } from '../../scripts/serve.ts';
import { FRONTMATTER, PAYLOADS, SEESET_RAW_HTML, SEESET_RAW_TEXT, SLUG, hostileEssayMdx } from '../fixtures/hostile-essay/hostile-essay.ts';
import { launch } from './browser.ts';
import { recordedViolations, refreshTarget, scrollThrough, watchPages } from './page-audit.ts';
import { copyProject, type ProjectCopy } from '../../scripts/quality/project-copy.ts';

/** Everything in a page that would run a payload, found in its HTML. */
function injectedCode(html: string, siteOrigin: string, pagePath: string): string[] {
  const { document } = parseHTML(html);
  const found: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`<${el.localName} ${attr.name}="${attr.value}">`);
    }
  }
  for (const script of document.querySelectorAll('script')) {
    if (/alert\(/.test(script.textContent ?? '')) found.push(`<script>${script.textContent}</script>`);
  }
  for (const img of document.querySelectorAll('img[src="x"]')) found.push(img.outerHTML);
  for (const ref of extractReferences(html).references) {
    if (resolveReference(ref.url, pagePath, siteOrigin).kind === 'unsafe') found.push(`${ref.where}="${ref.url}"`);
  }
  return found;
}

describe('hostile input (synthetic fixture essay)', () => {
  let project: ProjectCopy;
  let dist: string;
  let server: Server;
  let baseUrl: string;
  let pages: string[];

  beforeAll(async () => {
    project = copyProject();
    const essays = join(project.dir, 'content/essays');
    const cover = readFileSync('content/essays/reading-a-datasheet/cover.png');
    rmSync(essays, { recursive: true });
    mkdirSync(join(essays, SLUG), { recursive: true });
    writeFileSync(join(essays, SLUG, 'index.mdx'), hostileEssayMdx());
    writeFileSync(join(essays, SLUG, 'cover.png'), cover);
    // see:set Markdown is untrusted data: raw HTML in a series essay (of the copy).
    appendFileSync(join(project.dir, 'content/seeset/9-ways-to-see/Gulls.md'), `\n\n${SEESET_RAW_HTML}\n`);
    const { code, output } = await project.astroBuild();
    if (code !== 0) throw new Error(`the fixture site did not build:\n${output}`);
    dist = join(project.dir, 'dist');
    // Redirect stubs (old see:set URLs) navigate away at once: their targets are in the list.
    pages = listBuiltPages(dist).filter((file) => refreshTarget(readFileSync(join(dist, file), 'utf8')) === undefined);
    ({ server, url: baseUrl } = await startServer({ root: dist }));
  }, 400_000);

  afterAll(async () => {
    if (server) await new Promise((done) => server.close(done));
    project?.remove();
  });

  it('no page of the fixture site contains executable payloads', () => {
    expect(pages).toContain(`${SLUG}/index.html`);
    for (const file of pages) {
      expect(injectedCode(readFileSync(join(dist, file), 'utf8'), builtSiteOrigin(dist), pathForFile(file)), file).toEqual([]);
    }
  });

  it('raw HTML in a see:set essay is reduced to the allow-list, its text kept', () => {
    const carrying = pages.filter((file) => readFileSync(join(dist, file), 'utf8').includes(SEESET_RAW_TEXT));
    expect(carrying.length, 'the see:set page with the raw HTML').toBeGreaterThan(0);
    for (const file of carrying) {
      const { document } = parseHTML(readFileSync(join(dist, file), 'utf8'));
      const main = document.querySelector('main')!;
      expect(main.querySelectorAll('iframe, form').length, file).toBe(0);
      const paragraph = [...main.querySelectorAll('p')].find((p) => p.textContent === SEESET_RAW_TEXT);
      expect(paragraph && [...paragraph.attributes].map((a) => a.name), file).toEqual([]);
      expect([...main.querySelectorAll('script')].filter((s) => /alert/.test(s.textContent ?? '')), file).toEqual([]);
      expect(main.textContent, file).toContain(SEESET_RAW_TEXT);
    }
  });

  for (const bypassCSP of [true, false]) {
    it(`payloads show as text and never run (CSP ${bypassCSP ? 'ignored' : 'enforced'})`, async () => {
      const browser = await launch({ bypassCSP });
      try {
        await watchPages(browser.context);
        for (const file of pages) {
          const { page, errors } = await browser.open(new URL(pathForFile(file), baseUrl).href);
          const dialogs: string[] = [];
          page.on('dialog', (dialog) => {
            dialogs.push(dialog.message());
            void dialog.dismiss();
          });
          await scrollThrough(page);
          await page.mouse.move(10, 10);
          const recorded = await recordedViolations(page);
          expect(recorded.dialogs, `${file}: payload called a dialog`).toEqual([]);
          expect(dialogs, `${file}: a dialog opened`).toEqual([]);
          expect(recorded.csp, `${file}: something tried to run inline`).toEqual([]);
          expect(errors, `${file}: console errors`).toEqual([]);
          const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror], [onload], [onmouseover], a[href^="javascript:" i]').length);
          expect(injected, `${file}: payload elements in the DOM`).toBe(0);
          if (file === `${SLUG}/index.html`) {
            await expect(page.locator('h1').textContent()).resolves.toBe(FRONTMATTER.title);
            await expect(page.locator('.essay-header img').getAttribute('alt')).resolves.toBe(FRONTMATTER.coverImgAlt);
            const text = await page.locator('main').innerText();
            for (const payload of Object.values(PAYLOADS)) expect(text, `payload shown as text: ${payload}`).toContain(payload);
          }
          await page.close();
        }
      } finally {
        await browser.close();
      }
      // It walks every page of the copy (~70 and growing): the suite's 60 s is
      // too tight on a loaded 2-core machine (31-34 s at load 3-4).
    }, 180_000);
  }
});
