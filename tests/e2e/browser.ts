// Launches Debian's Chromium through playwright-core (never a downloaded
// browser) with a fresh profile, and collects console errors per page.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium.ts';

export { CHROMIUM_ARGS, chromiumPath };

export interface BrowserOptions {
  javaScriptEnabled?: boolean;
  reducedMotion?: 'reduce' | 'no-preference';
  viewport?: { width: number; height: number };
  /** Ignore the pages' CSP (to test that escaping alone keeps payloads inert). */
  bypassCSP?: boolean;
  /** A phone: screen pixels per CSS pixel, and touch/meta-viewport behaviour. */
  deviceScaleFactor?: number;
  isMobile?: boolean;
}

export interface OpenBrowser {
  context: BrowserContext;
  /** Opens a site path and records console errors and page errors. */
  open(path: string): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function launch(options: BrowserOptions = {}): Promise<OpenBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'essays-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    reducedMotion: options.reducedMotion ?? 'no-preference',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    bypassCSP: options.bypassCSP ?? false,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    isMobile: options.isMobile ?? false,
  });
  const baseUrl = inject('baseUrl');
  return {
    context,
    async open(path: string) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(String(err)));
      await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
      return { page, errors };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
