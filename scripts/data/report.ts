// Progress lines for `npm run data`: on a terminal, a live line per aggregate
// that turns into its result; in CI (or piped), one plain line per result.
import type { Reporter } from './run-aggregates.ts';

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const MARK = { built: 'built ', cached: 'cached', failed: 'FAILED' } as const;

export function makeReporter(out: NodeJS.WritableStream, tty: boolean): Reporter {
  let ticker: ReturnType<typeof setInterval> | undefined;
  return {
    start(name) {
      if (!tty) return;
      const t0 = performance.now();
      const draw = () => out.write(`\r\x1b[2K  …      ${name} ${formatDuration(performance.now() - t0)}`);
      draw();
      ticker = setInterval(draw, 250);
      ticker.unref();
    },
    finish(result) {
      if (ticker) clearInterval(ticker);
      const peak = result.status === 'built' ? `, peak RSS ${result.peakRssMb} MB` : '';
      const line = `${MARK[result.status]} ${result.name} (${formatDuration(result.ms)}${peak})`;
      out.write(tty ? `\r\x1b[2K  ${line}\n` : `data: ${line}\n`);
      if (result.error) out.write(`${indent(result.error.message)}\n`);
    },
    problem(error) {
      out.write(`${tty ? '  ' : 'data: '}INVALID ${indent(error.message).trimStart()}\n`);
    },
  };
}

const indent = (s: string) => s.split('\n').map((l) => `    ${l}`).join('\n');
