// On a 390 px phone, every chart's "Data table" switch in a scrolly can be
// tapped while the reader is among the steps (the graphic stuck to the
// screen): at some scroll position, the element at the centre of the label is
// the label itself (not a step card over it, not cut off by the sticky graphic).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { launch, type OpenBrowser } from './browser.ts';

const PHONE = { width: 390, height: 844 };
const ESSAYS = readdirSync('content/essays').filter((slug) => existsSync(`content/essays/${slug}/index.mdx`));

describe('Data table buttons on a 390 px phone', () => {
  let browser: OpenBrowser;
  beforeAll(async () => { browser = await launch({ viewport: PHONE, isMobile: true }); });
  afterAll(async () => { await browser?.close(); });

  for (const slug of ESSAYS) {
    it(`every chart in a scrolly of /${slug}/ has its Data table button uncovered at some scroll position`, async () => {
      const { page } = await browser.open(`/${slug}/`);
      const report = await page.evaluate(async () => {
        const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const labels = [...document.querySelectorAll<HTMLElement>('.scrolly .chart-table-label')];
        const reachable = new Map(labels.map((l) => [l, false]));
        for (const label of labels) {
          const scrolly = label.closest('.scrolly') as HTMLElement;
          const top = scrolly.getBoundingClientRect().top + scrollY;
          const end = top + scrolly.offsetHeight;
          for (let y = top; y <= end - innerHeight && !reachable.get(label); y += innerHeight / 8) {
            scrollTo(0, y);
            await frame();
            const r = label.getBoundingClientRect();
            const [x, cy] = [r.left + r.width / 2, r.top + r.height / 2];
            if (r.width === 0 || cy < 0 || cy > innerHeight) continue;
            const hit = document.elementFromPoint(x, cy);
            if (hit && label.contains(hit)) reachable.set(label, true);
          }
        }
        return { total: labels.length, unreachable: [...reachable].filter(([, ok]) => !ok).map(([l]) => l.closest('figure')?.id ?? '?') };
      });
      expect(report.total).toBeGreaterThanOrEqual(slug === 'reading-a-datasheet' ? 0 : 1);
      expect(report.unreachable, `${report.unreachable.length} of ${report.total} Data table buttons never uncovered`).toEqual([]);
    }, 120_000);
  }
});
