// Running Lighthouse from a bench: the CLI in a child process (mobile,
// simulated throttling, Debian's Chromium), and waiting for the machine to
// settle first. Shared by bench:lighthouse and bench:anchors.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium.ts';

/** Waits until the 1-minute load average is under `limit` (or `maxMs` passed); returns the seconds waited. */
export async function settle(limit: number, maxMs: number): Promise<number> {
  const start = Date.now();
  while (loadavg()[0]! > limit && Date.now() - start < maxMs) await sleep(5000);
  return Math.round((Date.now() - start) / 1000);
}

/** The 1-minute load average now, to two decimals. */
export const loadNow = (): number => Number(loadavg()[0]!.toFixed(2));

/**
 * Lighthouse on `url`; the report is written to `reportPath` and returned parsed.
 * A run whose trace lost its navigation start (NO_NAVSTART, Lighthouse's own
 * "please run Lighthouse again") is run again, up to twice: it otherwise ended
 * a many-minute bench:anchors run in its first or second round.
 */
export async function runLighthouse(url: string, reportPath: string): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runLighthouseOnce(url, reportPath);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('NO_NAVSTART')) throw error;
      console.log(`lighthouse: no navigation start in the trace of ${url}; running again (attempt ${attempt + 1})`);
    }
  }
}

function runLighthouseOnce(url: string, reportPath: string): Promise<unknown> {
  const cli = fileURLToPath(import.meta.resolve('lighthouse/cli/index.js'));
  const args = [
    cli, url, '--quiet', '--output=json', `--output-path=${reportPath}`,
    '--form-factor=mobile', '--throttling-method=simulate',
    `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
  ];
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { env: { ...process.env, CHROME_PATH: chromiumPath() }, maxBuffer: 64 << 20 }, (error, _out, stderr) => {
      if (error) fail(new Error(`lighthouse failed on ${url}: ${stderr || error.message}`));
      else done(JSON.parse(readFileSync(reportPath, 'utf8')));
    });
  });
}

/**
 * Above this 1-minute load average a run is marked: the goals hold at
 * load <= 4, and simulated throttling scales the CPU time this machine took.
 */
export const BUSY_LOAD = 4;

/** Whether a run started at `loadAverage1m` is marked as taken on a busy machine. */
export const aboveBusyLoad = (loadAverage1m: number): boolean => loadAverage1m > BUSY_LOAD;
