// Browser-side checks shared by the page gates: watch for CSP violations and
// dialogs from the first byte, bring every island to life, run axe-core.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';

/** WCAG 2.2 AA: the axe rule tags the gate enforces. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axeSource = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');

declare global {
  interface Window {
    __cspViolations: string[];
    __dialogs: string[];
  }
}

/**
 * Installs, in every page of the context before any page script runs, a
 * recorder for `securitypolicyviolation` events and a trap on alert/confirm/
 * prompt/print. (Init scripts run outside the page's CSP.)
 */
export async function watchPages(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    window.__dialogs = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'page'}:${e.lineNumber})`);
    });
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      Object.defineProperty(window, name, {
        configurable: false,
        value: (...args: unknown[]) => {
          window.__dialogs.push(`${name}(${args.map(String).join(', ')})`);
          return null;
        },
      });
    }
  });
}

/**
 * Scrolls to the bottom one screen at a time (so `client:visible` islands and
 * scroll-driven steps run), shows every slide of a slide deck, waits until
 * every island has hydrated, and returns to the top.
 */
export async function scrollThrough(page: Page): Promise<void> {
  await scrollPass(page);
  // Islands that load data after hydrating (an image grid fetches its payload)
  // can grow the page after the pass and push later islands out of view: pass again.
  const pending = () => document.querySelectorAll('astro-island[ssr]:not([client="media"])').length === 0;
  if (!(await page.waitForFunction(pending, null, { timeout: 3_000 }).then(() => true, () => false))) await scrollPass(page);
  await page
    .waitForFunction(pending, null, { timeout: 15_000 })
    .catch(async () => {
      const stuck = await page.evaluate(() => [...document.querySelectorAll('astro-island[ssr]')].map((el) => el.getAttribute('component-url')));
      throw new Error(`islands did not hydrate within 15 s: ${stuck.join(', ')}`);
    });
  await page.evaluate(() => scrollTo(0, 0));
}

async function scrollPass(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += Math.max(200, innerHeight * 0.8)) {
      scrollTo(0, y);
      await frame();
    }
    scrollTo(0, document.documentElement.scrollHeight);
    await frame();
    // A slide deck (/<slug>/present/) shows one slide at a time: visit each.
    const deck = document.querySelector<HTMLElement>('[data-deck][data-deck-live]');
    for (let n = 1; deck && n <= Number(deck.dataset['slideCount']); n++) {
      location.hash = `#slide-${n}`;
      await frame();
    }
    if (deck) location.hash = '#slide-1';
  });
}

export async function recordedViolations(page: Page): Promise<{ csp: string[]; dialogs: string[] }> {
  return page.evaluate(() => ({ csp: window.__cspViolations ?? [], dialogs: window.__dialogs ?? [] }));
}

interface AxeNode { target: unknown[]; html: string; failureSummary?: string }
interface AxeViolation { id: string; impact?: string | null; help: string; helpUrl: string; nodes: AxeNode[] }

/**
 * Runs axe-core's WCAG 2.2 AA rules. The script is evaluated over the
 * DevTools protocol, which the page's CSP does not govern, so the page is
 * tested under its real policy.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary ?? '' })),
    }));
  }, WCAG_TAGS);
}

/** One readable block per violation: rule, impact, help, and each element. */
export function formatAxeViolations(page: string, violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((n) => `    at ${n.target.join(' ')}\n       ${n.html.slice(0, 200)}\n       ${(n.failureSummary ?? '').split('\n').join('\n       ')}`)
        .join('\n');
      const more = v.nodes.length > 10 ? `\n    ... and ${v.nodes.length - 10} more` : '';
      return `${page}: ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/**
 * Where a redirect stub sends the reader (a see:set essay's old URL is a
 * meta refresh with no body), or undefined for a real page. Stubs navigate
 * away at once, so page gates audit the page they point to instead.
 */
export function refreshTarget(html: string): string | undefined {
  return /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)?.[1];
}
