// `npm run bench:build`: build times in a temporary copy of the project:
// cold (no caches, no generated files), warm (nothing changed), and warm
// after editing one essay. Writes bench/results/build.json.
import { appendFileSync, mkdirSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyProject } from '../scripts/quality/project-copy.ts';

async function timed(label: string, build: () => Promise<{ code: number; output: string }>): Promise<number> {
  const start = performance.now();
  const { code, output } = await build();
  const seconds = Number(((performance.now() - start) / 1000).toFixed(1));
  if (code !== 0) throw new Error(`${label} build failed:\n${output}`);
  console.log(`build: ${label}: ${seconds} s`);
  return seconds;
}

const project = copyProject({ into: join(tmpdir(), 'dataset-essays-bench', 'build-site'), cold: true });
const essays = join(project.dir, 'content/essays');
const edited = readdirSync(essays).find((slug) => existsSync(join(essays, slug, 'index.mdx')));
if (!edited) throw new Error('no essay to edit in content/essays/');

// Other work on the machine slows builds: the 1-minute load average is kept with the numbers.
const loadBefore = Number(loadavg()[0]!.toFixed(2));
const coldSeconds = await timed('cold (no caches)', () => project.run('build'));
const warmSeconds = await timed('warm (no change)', () => project.run('build'));
appendFileSync(join(essays, edited, 'index.mdx'), '\n\nOne more paragraph, added by the build benchmark.\n');
const editSeconds = await timed(`warm after editing ${edited}`, () => project.run('build'));

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/build.json',
  `${JSON.stringify({
    part: 'build',
    date: new Date().toISOString(),
    command: 'npm run build',
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown' },
    loadAverage1m: { before: loadBefore, after: Number(loadavg()[0]!.toFixed(2)) },
    coldSeconds,
    warmSeconds,
    warmAfterEssayEditSeconds: editSeconds,
    editedEssay: edited,
  }, null, 2)}\n`,
);
project.remove();
