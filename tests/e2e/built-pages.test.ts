// Gates run on EVERY page the build wrote (dist/**/*.html), so new pages are
// covered the moment they land: a sound CSP, no CSP violations or console
// errors while loading, scrolling and hydrating, and zero axe-core
// violations at WCAG 2.2 AA.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagePolicyProblems } from '../../src/lib/quality/content-security-policy.ts';
import { pathForFile } from '../../src/lib/quality/internal-links.ts';
import { listBuiltPages } from '../../scripts/quality/built-files.ts';
import { launch, type OpenBrowser } from './browser.ts';
import { formatAxeViolations, recordedViolations, refreshTarget, runAxe, scrollThrough, watchPages } from './page-audit.ts';

// Redirect stubs (a see:set essay's old URL: a meta refresh, no body) leave
// at once, so they are audited through the page they point to, which must
// itself be one of the built pages checked here.
const redirectOf = (file: string) => refreshTarget(readFileSync(`dist/${file}`, 'utf8'));
const redirects = listBuiltPages('dist').filter((file) => redirectOf(file) !== undefined);
const pages = listBuiltPages('dist').filter((file) => !redirects.includes(file));

describe('every built page', () => {
  let browser: OpenBrowser;
  // Requests a page made that failed (4xx/5xx), by page: console errors do not name the URL.
  const failedRequests = new WeakMap<Page, string[]>();
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1280, height: 800 } });
    await watchPages(browser.context);
    browser.context.on('response', (response) => {
      if (response.status() < 400) return;
      const page = response.frame().page();
      failedRequests.set(page, [...(failedRequests.get(page) ?? []), `${response.status()} ${new URL(response.url()).pathname}`]);
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the build wrote pages to check', () => {
    expect(pages).toContain('index.html');
  });

  it.each(redirects)('%s: redirects to a built page that the gates below check', (file) => {
    const target = redirectOf(file)!;
    expect(target.startsWith('/') && !target.startsWith('//'), target).toBe(true);
    expect(pages.map((page) => pathForFile(page))).toContain(target);
    expect.soft(pagePolicyProblems(readFileSync(`dist/${file}`, 'utf8'), { wasm: false }), 'CSP <meta>').toEqual([]);
  });

  it.each(pages)('%s: strict CSP, loads under it cleanly, no WCAG 2.2 AA violations', async (file) => {
    expect.soft(pagePolicyProblems(readFileSync(`dist/${file}`, 'utf8'), { wasm: file === 'search/index.html' }), 'CSP <meta>').toEqual([]);
    const { page, errors } = await browser.open(pathForFile(file));
    try {
      await scrollThrough(page);
      const { csp, dialogs } = await recordedViolations(page);
      expect.soft(csp, 'CSP violations').toEqual([]);
      expect.soft(errors, 'console errors').toEqual([]);
      expect.soft(failedRequests.get(page) ?? [], 'failed requests').toEqual([]);
      expect.soft(dialogs, 'dialogs opened').toEqual([]);
      const violations = await runAxe(page);
      expect.soft(violations.length, `axe-core WCAG 2.2 AA violations:\n${formatAxeViolations(file, violations)}`).toBe(0);
    } finally {
      await page.close();
    }
  });
});
