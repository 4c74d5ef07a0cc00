// What a cold first visit transfers: every response's body and headers as
// served (gzip on), counted through the DevTools protocol with the cache off.
// Shared by the on-load budget and the after-a-full-scroll budgets.
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';

export interface Transferred { url: string; bytes: number }

/** Opens `path` cold, runs `act` (e.g. scrolling) once it has loaded, waits for the network to go idle, and returns each response's size. */
export async function coldTransfer(context: BrowserContext, path: string, act?: (page: Page) => Promise<void>): Promise<Transferred[]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const sizes: Promise<Transferred>[] = [];
  page.on('requestfinished', (request) => {
    sizes.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize })));
  });
  await page.goto(new URL(path, inject('baseUrl')).href, { waitUntil: 'load' });
  if (act) await act(page);
  await page.waitForLoadState('networkidle');
  const requests = await Promise.all(sizes);
  await page.close();
  return requests;
}

/** One line per response, for an assertion's message. */
export const transferList = (requests: Transferred[]) => requests.map((r) => `${r.bytes} ${new URL(r.url).pathname}`).join('\n');
