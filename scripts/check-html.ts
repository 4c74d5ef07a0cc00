// Gate: every built page is valid HTML per the Nu HTML Checker (npm vnu-jar,
// run once with Java over the whole folder). `npm run check:html`; exits 1
// and prints file:line:column: message for every error and unexcused warning.
import { execFile } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

export interface HtmlProblem {
  file: string;
  line: number | undefined;
  column: number | undefined;
  severity: 'error' | 'warning';
  message: string;
  extract: string | undefined;
}

/**
 * Warnings we accept, each with the reason. Everything else the checker warns
 * about fails the gate, like an error.
 */
export const EXCUSED_WARNINGS: { pattern: RegExp; reason: string }[] = [
  {
    pattern: /^Resource violates Content Security Policy \(meta tag\)/,
    reason: "the checker reads files from file:, where 'self' cannot match; the browser gate checks the real policy over HTTP",
  },
];

/** Errors and unexcused warnings from the checker's JSON, with paths relative to `cwd`. */
export function problemsFromVnu(messages: readonly VnuMessage[], cwd: string): HtmlProblem[] {
  const problems: HtmlProblem[] = [];
  for (const m of messages) {
    const isWarning = m.type === 'info' && m.subType === 'warning';
    if (m.type === 'info' && !isWarning) continue;
    if (isWarning && EXCUSED_WARNINGS.some((w) => w.pattern.test(m.message))) continue;
    problems.push({
      file: m.url ? relative(cwd, fileURLToPath(m.url)) : '(checker)',
      line: m.lastLine,
      column: m.firstColumn,
      severity: isWarning ? 'warning' : 'error',
      message: m.message,
      extract: m.extract,
    });
  }
  return problems;
}

export function formatHtmlProblems(problems: readonly HtmlProblem[]): string {
  return problems
    .map((p) => {
      const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
      const extract = p.extract ? `\n    ${p.extract.replace(/\s+/g, ' ').trim()}` : '';
      return `${where}: ${p.severity}: ${p.message}${extract}`;
    })
    .join('\n');
}

export function vnuJarPath(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('vnu-jar'))), 'build/dist/vnu.jar');
}

/** Runs the checker once over every .html file under `root`. */
export function checkHtml(root = 'dist'): Promise<HtmlProblem[]> {
  const args = ['-jar', vnuJarPath(), '--format', 'json', '--skip-non-html', resolve(root)];
  return new Promise((ok, fail) => {
    // The checker exits 1 when it finds errors; its JSON report is on stderr.
    execFile('java', args, { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      let report: { messages: VnuMessage[] };
      try {
        report = JSON.parse(stderr) as { messages: VnuMessage[] };
      } catch {
        fail(new Error(`the Nu HTML Checker did not report JSON (is Java 17+ installed?): ${error?.message ?? ''}\n${stderr}`));
        return;
      }
      ok(problemsFromVnu(report.messages, process.cwd()));
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problems = await checkHtml(process.argv[2] ?? 'dist');
  if (problems.length) {
    console.error(`${problems.length} HTML problem(s):\n${formatHtmlProblems(problems)}`);
    process.exit(1);
  }
  console.log('html: every page is valid (Nu HTML Checker)');
}
