// `npm run data` prints one line for the phase: problems always, a line per
// aggregate only with --verbose, a live counter only on a terminal.
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { makeReporter, slowest } from '../../scripts/data/report.ts';
import { AuthorError } from '../../src/lib/author-error.ts';
import type { AggregateResult } from '../../scripts/data/run-aggregates.ts';

function sink() {
  let text = '';
  const out = new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } });
  return { out, text: () => text };
}

const built = (name: string, ms: number): AggregateResult => ({ name, status: 'built', ms, peakRssMb: 200 });

describe('data phase reporter', () => {
  it('piped: prints nothing for aggregates that built or came from the cache', () => {
    const s = sink();
    const r = makeReporter(s.out, false);
    r.start('a', 1, 2);
    r.finish(built('a', 120));
    r.start('b', 2, 2);
    r.finish({ name: 'b', status: 'cached', ms: 3, peakRssMb: 200 });
    r.end();
    expect(s.text()).toBe('');
  });

  it('piped: a failed aggregate and an invalid datasheet are printed with their message', () => {
    const s = sink();
    const r = makeReporter(s.out, false);
    const error = new AuthorError('no such column', { file: 'scripts/aggregates/x.ts', line: 4, field: 'sql', hint: 'use one of: a, b' });
    r.start('x', 1, 1);
    r.finish({ name: 'x', status: 'failed', ms: 10, peakRssMb: 200, error });
    r.problem(new AuthorError('missing', { file: 'content/datasets/y/datasheet.yaml', field: 'license' }));
    expect(s.text()).toContain('data: FAILED x (10 ms)');
    expect(s.text()).toContain('scripts/aggregates/x.ts:4: sql: no such column');
    expect(s.text()).toContain('data: INVALID content/datasets/y/datasheet.yaml: license: missing');
  });

  it('--verbose: one line per aggregate with its time and peak memory', () => {
    const s = sink();
    const r = makeReporter(s.out, false, true);
    r.start('a', 1, 1);
    r.finish(built('a', 1500));
    expect(s.text()).toBe('data: built  a (1.5 s, peak RSS 200 MB)\n');
  });

  it('terminal: a live counter of the phase, cleared before the summary', () => {
    const s = sink();
    const r = makeReporter(s.out, true);
    r.start('mnist-ink', 3, 20);
    r.finish(built('mnist-ink', 5));
    r.end();
    expect(s.text()).toMatch(/data: 3\/20 aggregates, \d+ ms \(mnist-ink\)/);
    expect(s.text().endsWith('\r\x1b[2K')).toBe(true);
    expect(s.text()).not.toContain('\n');
  });

  it('names the slowest aggregate built, none when all came from the cache', () => {
    expect(slowest([built('a', 100), built('b', 4800), { name: 'c', status: 'cached', ms: 9000, peakRssMb: 1 }])).toBe('; slowest b 4.8 s');
    expect(slowest([{ name: 'c', status: 'cached', ms: 9000, peakRssMb: 1 }])).toBe('');
  });
});
