// Pure: the numbers the Lighthouse benchmark keeps from a Lighthouse report
// (LHR JSON), and the performance budget they are held to.

/** The targets from issue 9 (bytes are transfer sizes, gzip). */
export const BUDGET = {
  performance: 99,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
  cls: 0,
  essayJsOnLoadBytes: 25 * 1024,
  onLoadBytes: 45 * 1024,
  /** Requests for the benchmark essay's 500-image grid, after scrolling through it. */
  gridImageRequests: 5,
} as const;

export interface LighthouseNumbers {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  onLoad: { requests: number; bytes: number; jsBytes: number; imageBytes: number; cssBytes: number; htmlBytes: number };
  /** Audits that did not pass in the non-performance categories, by id. */
  failedAudits: string[];
}

interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score?: number | null; scoreDisplayMode?: string; numericValue?: number; details?: { items?: unknown[] } }>;
}

interface NetworkItem { transferSize?: number; resourceType?: string }

const score = (lhr: Lhr, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);

export function lighthouseNumbers(lhr: Lhr): LighthouseNumbers {
  const requests = (lhr.audits['network-requests']?.details?.items ?? []) as NetworkItem[];
  const bytesOf = (type?: string) =>
    requests.filter((r) => type === undefined || r.resourceType === type).reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  const failedAudits: string[] = [];
  for (const category of ['accessibility', 'best-practices', 'seo']) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (audit && typeof audit.score === 'number' && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual') {
        failedAudits.push(`${category}/${ref.id}`);
      }
    }
  }
  return {
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    seo: score(lhr, 'seo'),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
    cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(4)),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
    onLoad: {
      requests: requests.length,
      bytes: bytesOf(),
      jsBytes: bytesOf('Script'),
      imageBytes: bytesOf('Image'),
      cssBytes: bytesOf('Stylesheet'),
      htmlBytes: bytesOf('Document'),
    },
    failedAudits,
  };
}

export type PageKind = 'home' | 'essay' | 'benchmark';

/** Which targets a page misses; empty when it meets its budget. */
export function budgetMisses(kind: PageKind, n: LighthouseNumbers, gridImageRequests?: number): string[] {
  const misses: string[] = [];
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  if (n.performance < BUDGET.performance) misses.push(`performance ${n.performance} < ${BUDGET.performance}`);
  if (n.accessibility < BUDGET.accessibility) misses.push(`accessibility ${n.accessibility} < ${BUDGET.accessibility}`);
  if (n.bestPractices < BUDGET.bestPractices) misses.push(`best practices ${n.bestPractices} < ${BUDGET.bestPractices}`);
  if (n.seo < BUDGET.seo) misses.push(`SEO ${n.seo} < ${BUDGET.seo}`);
  if (n.cls > BUDGET.cls) misses.push(`CLS ${n.cls} > ${BUDGET.cls}`);
  if (n.onLoad.bytes > BUDGET.onLoadBytes) misses.push(`on load ${kb(n.onLoad.bytes)} > ${kb(BUDGET.onLoadBytes)}`);
  if (kind !== 'home' && n.onLoad.jsBytes > BUDGET.essayJsOnLoadBytes) misses.push(`JS on load ${kb(n.onLoad.jsBytes)} > ${kb(BUDGET.essayJsOnLoadBytes)}`);
  if (kind === 'benchmark' && gridImageRequests !== undefined && gridImageRequests > BUDGET.gridImageRequests) {
    misses.push(`grid image requests ${gridImageRequests} > ${BUDGET.gridImageRequests}`);
  }
  return misses;
}

/**
 * The run to report when a page was measured several times: the median by
 * performance score (ties broken by the median Total Blocking Time), as
 * Lighthouse's own guidance on variability advises. Byte counts are the same
 * in every run; scores move with what else the CPU is doing.
 */
export function medianRun<T extends Pick<LighthouseNumbers, 'performance' | 'tbtMs'>>(runs: readonly T[]): T {
  if (runs.length === 0) throw new Error('medianRun: no runs');
  const sorted = [...runs].sort((a, b) => a.performance - b.performance || b.tbtMs - a.tbtMs);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Results of a partial run (`--only`) merged into the last full one: measured pages replaced, the others kept; sorted by path. */
export function mergeResults<T extends { path: string }>(previous: readonly T[], measured: readonly T[]): T[] {
  const fresh = new Set(measured.map((r) => r.path));
  return [...previous.filter((r) => !fresh.has(r.path)), ...measured].sort((a, b) => a.path.localeCompare(b.path));
}
