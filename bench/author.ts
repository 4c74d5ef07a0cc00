// `npm run bench:author`: the author's loop, timed in a temporary copy of the
// project (warm: its caches and generated files are copied along):
// `npm run new`, then `npm run dev` until the new draft's page shows the
// starter chart (first preview), then an edit of the starter aggregate until
// the page shows the new data. Writes bench/results/author.json.
// Goals (docs/quality.md): first preview within 60 s of `npm run new`, an
// aggregate edit visible within 5 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyProject } from '../scripts/quality/project-copy.ts';

const PORT = 4300 + (process.pid % 500);
const TITLE = 'Bench the author loop';
const load = () => Number(loadavg()[0]!.toFixed(2));
const seconds = (from: number) => Number(((performance.now() - from) / 1000).toFixed(1));

/** Polls the page until `ready(html)` holds; throws after `limitMs`. */
async function waitForPage(url: string, ready: (html: string) => boolean, limitMs: number): Promise<void> {
  const end = Date.now() + limitMs;
  let last = '';
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      last = `${res.status}`;
      if (res.ok && ready(await res.text())) return;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready after ${limitMs / 1000} s (last: ${last})`);
}

function stop(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
}

const project = copyProject({ into: join(tmpdir(), 'dataset-essays-bench', 'author-loop') });
const loadBefore = load();
let dev: ChildProcess | undefined;
let devOutput = '';
try {
  const t0 = performance.now();
  const created = await project.run('new', [TITLE]);
  if (created.code !== 0) throw new Error(`npm run new failed:\n${created.output}`);
  const newSeconds = seconds(t0);
  const slug = /content\/essays\/([a-z0-9-]+)\/index\.mdx/.exec(created.output)?.[1];
  if (!slug) throw new Error(`npm run new printed no essay path:\n${created.output}`);
  console.log(`author: npm run new: ${newSeconds} s`);

  const devStart = performance.now();
  dev = spawn('npm', ['run', 'dev', '--', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: project.dir, detached: true, env: { ...process.env, PATH: `${join(project.dir, 'node_modules/.bin')}:${process.env.PATH}` },
  });
  dev.stdout!.on('data', (c) => (devOutput += c));
  dev.stderr!.on('data', (c) => (devOutput += c));
  const page = `http://127.0.0.1:${PORT}/${slug}/`;
  await waitForPage(page, (html) => html.includes('id="first-look-chart"') && html.includes('>rain<'), 300_000);
  const firstPreviewSeconds = seconds(t0);
  const devToPreviewSeconds = seconds(devStart);
  console.log(`author: first preview: ${firstPreviewSeconds} s after npm run new (${devToPreviewSeconds} s after npm run dev)`);

  // The edit an author makes first: change the query. Fog days leave the chart.
  const script = join(project.dir, `scripts/aggregates/${slug}-starter.ts`);
  const edited = readFileSync(script, 'utf8').replace('FROM weather GROUP BY weather', "FROM weather WHERE weather <> \\'fog\\' GROUP BY weather");
  if (edited === readFileSync(script, 'utf8')) throw new Error('the starter aggregate changed shape: update the bench edit');
  const editStart = performance.now();
  writeFileSync(script, edited);
  await waitForPage(page, (html) => html.includes('id="first-look-chart"') && !html.includes('>fog<'), 120_000);
  const editSeconds = seconds(editStart);
  console.log(`author: aggregate edit visible: ${editSeconds} s`);

  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/author.json', `${JSON.stringify({
    part: 'author',
    date: new Date().toISOString(),
    commands: ['npm run new -- "<title>"', 'npm run dev', 'edit scripts/aggregates/<slug>-starter.ts'],
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown' },
    loadAverage1m: { before: loadBefore, after: load() },
    newSeconds,
    firstPreviewSeconds,
    devToPreviewSeconds,
    aggregateEditSeconds: editSeconds,
    goals: { firstPreviewSeconds: 60, aggregateEditSeconds: 5 },
  }, null, 2)}\n`);
} catch (error) {
  console.error(devOutput.slice(-4000));
  throw error;
} finally {
  if (dev) stop(dev);
  project.remove();
}
