// `npm run bench:serve`: load on the local static server. 200 connections for
// 30 s against an essay page and a ~1 MB asset, 10% of requests aborted after
// their first bytes; for scripts/serve.ts and, in the same run, `astro
// preview`. Per server: req/s, p50/p99 latency, errors, peak RSS and open
// file descriptors before/after (of the server process). Loopback only,
// bounded in time; needs a built dist/. Writes bench/results/serve.json.
// Never runs in CI. Flags: --seconds N (default 30), --connections N (200).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { writeFileAtomic } from '../scripts/lib/atomic-write.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 30);
const CONNECTIONS = arg('connections', 200);
const ABORT_SHARE = 0.1;
const DIST = 'dist';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** An essay page (one with data-pagefind-body) and the non-HTML file closest to 1 MB. */
function targets(): { essay: string; asset: string; assetBytes: number } {
  const files = walk(DIST);
  const essayFile = files.find((f) => f.endsWith('index.html') && readFileSync(f, 'utf8').includes('data-pagefind-body'));
  if (!essayFile) throw new Error('no essay page in dist/: run `npm run build` first');
  const assets = files.filter((f) => !f.endsWith('.html')).map((f) => ({ f, size: statSync(f).size }));
  const asset = assets.sort((a, b) => Math.abs(a.size - 1e6) - Math.abs(b.size - 1e6))[0]!;
  const url = (f: string) => `/${relative(DIST, f).split('\\').join('/')}`.replace(/index\.html$/, '');
  return { essay: url(essayFile), asset: url(asset.f), assetBytes: asset.size };
}

const openFiles = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;
const peakRssMb = (pid: number) => Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

function startChild(command: string[], ready: RegExp): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, command, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => fail(new Error(`${command.join(' ')} did not start in 60 s:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const port = ready.exec(out.replace(/\x1b\[[0-9;]*m/g, ''))?.[1];
      if (port) {
        clearTimeout(timer);
        ok({ child, port: Number(port) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => fail(new Error(`${command.join(' ')} exited (${code}):\n${out}`)));
  });
}

interface Load { requests: number; aborted: number; errors: number; errorKinds: Record<string, number>; latenciesMs: number[] }

/** CONNECTIONS loops for SECONDS, alternating essay and asset; every tenth request hangs up early. */
async function load(port: number, paths: string[]): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const result: Load = { requests: 0, aborted: 0, errors: 0, errorKinds: {}, latenciesMs: [] };
  const until = performance.now() + SECONDS * 1000;
  let n = 0;
  const one = () =>
    new Promise<void>((done) => {
      const i = n++;
      const abort = i % Math.round(1 / ABORT_SHARE) === 0;
      const started = performance.now();
      const fail = (kind: string) => {
        result.errors += 1;
        result.errorKinds[kind] = (result.errorKinds[kind] ?? 0) + 1;
        done();
      };
      const req = request({ host: '127.0.0.1', port, path: paths[i % paths.length], agent, headers: { 'accept-encoding': 'gzip' } }, (res) => {
        if (abort) {
          res.once('data', () => {
            result.aborted += 1;
            req.destroy();
            done();
          });
          return;
        }
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) return fail(`status ${res.statusCode}`);
          result.requests += 1;
          result.latenciesMs.push(performance.now() - started);
          done();
        });
        res.on('error', (e: NodeJS.ErrnoException) => fail(e.code ?? e.message));
      });
      req.setTimeout(60_000, () => req.destroy(new Error('client timeout')));
      req.on('error', (e: NodeJS.ErrnoException) => (abort ? done() : fail(e.code ?? e.message)));
      req.end();
    });
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (performance.now() < until) await one();
  }));
  agent.destroy();
  return result;
}

const quantile = (sorted: number[], q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);

async function measure(name: string, command: string[], ready: RegExp, paths: string[]) {
  const { child, port } = await startChild(command, ready);
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const handlesBefore = openFiles(child.pid!);
    const load1 = loadavg()[0];
    const started = performance.now();
    const run = await load(port, paths);
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 2000)); // let closed sockets settle
    const sorted = run.latenciesMs.sort((a, b) => a - b);
    const row = {
      server: name,
      requestsPerSecond: Math.round(run.requests / seconds),
      completed: run.requests,
      aborted: run.aborted,
      errors: run.errors,
      errorKinds: run.errorKinds,
      p50Ms: quantile(sorted, 0.5),
      p99Ms: quantile(sorted, 0.99),
      peakRssMb: peakRssMb(child.pid!),
      openFilesBefore: handlesBefore,
      openFilesAfter: openFiles(child.pid!),
      loadAverage1m: { before: load1, after: loadavg()[0] },
    };
    console.log(row);
    return row;
  } finally {
    child.kill('SIGTERM');
  }
}

const { essay, asset, assetBytes } = targets();
console.log(`bench:serve: ${CONNECTIONS} connections x ${SECONDS} s on ${essay} and ${asset} (${assetBytes} bytes), ${ABORT_SHARE * 100}% aborted`);
const servers = [
  await measure('scripts/serve.ts', ['scripts/serve.ts', '--port', '0'], /Serving dist\/ at http:\/\/127\.0\.0\.1:(\d+)/, [essay, asset]),
  await measure('astro preview', ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', '4399'], /http:\/\/127\.0\.0\.1:(\d+)/, [essay, asset]),
];
writeFileAtomic(
  'bench/results/serve.json',
  `${JSON.stringify({ part: 'serve', date: new Date().toISOString(), connections: CONNECTIONS, seconds: SECONDS, abortShare: ABORT_SHARE, targets: { essay, asset, assetBytes }, servers }, null, 2)}\n`,
);
