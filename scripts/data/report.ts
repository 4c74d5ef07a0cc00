// Progress for `npm run data`: one line for the whole phase. On a terminal it
// is live ("data: 7/20 aggregates, 3.1 s (mnist-ink)") and turns into the
// summary; in CI (or piped) only problems print, then the summary.
// `--verbose` adds one line per aggregate (its time and the peak memory so far).
import type { AggregateResult, Reporter } from './run-aggregates.ts';

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const MARK = { built: 'built ', cached: 'cached', failed: 'FAILED' } as const;

export interface PhaseReporter extends Reporter {
  /** Clears the live line (on a terminal) before the summary is written. */
  end(): void;
}

export function makeReporter(out: NodeJS.WritableStream, tty: boolean, verbose = false): PhaseReporter {
  let ticker: ReturnType<typeof setInterval> | undefined;
  const t0 = performance.now();
  const clear = () => { if (tty) out.write('\r\x1b[2K'); };
  return {
    start(name, index, total) {
      if (!tty) return;
      const draw = () => out.write(`\r\x1b[2Kdata: ${index}/${total} aggregates, ${formatDuration(performance.now() - t0)} (${name})`);
      draw();
      if (ticker) clearInterval(ticker);
      ticker = setInterval(draw, 250);
      ticker.unref();
    },
    finish(result) {
      if (ticker) clearInterval(ticker);
      ticker = undefined;
      if (!verbose && result.status !== 'failed') return;
      clear();
      out.write(`data: ${resultLine(result)}\n`);
      if (result.error) out.write(`${indent(result.error.message)}\n`);
    },
    problem(error) {
      clear();
      out.write(`data: INVALID ${indent(error.message).trimStart()}\n`);
    },
    end() {
      if (ticker) clearInterval(ticker);
      clear();
    },
  };
}

export function resultLine(result: AggregateResult): string {
  const peak = result.status === 'built' ? `, peak RSS ${result.peakRssMb} MB` : '';
  return `${MARK[result.status]} ${result.name} (${formatDuration(result.ms)}${peak})`;
}

/** The slowest aggregate this run built, for the summary line ("" if none was built). */
export function slowest(results: readonly AggregateResult[]): string {
  const built = results.filter((r) => r.status === 'built');
  if (built.length === 0) return '';
  const top = built.reduce((a, b) => (b.ms > a.ms ? b : a));
  return `; slowest ${top.name} ${formatDuration(top.ms)}`;
}

const indent = (s: string) => s.split('\n').map((l) => `    ${l}`).join('\n');
