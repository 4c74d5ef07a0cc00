// Where Debian's Chromium is and the flags it runs with on this machine:
// shared by the browser tests and the benchmarks (never a downloaded browser).
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  for (const candidate of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('Debian chromium is not installed: run `npm run setup:browser` (apt-get install chromium) first');
}
