// Size budgets the build warns about (never fails on): numbers a reader pays
// for in bytes and a builder in time and memory. Pure: the integration
// (src/integrations/size-budget.ts) measures, this decides what to say.

export const SIZE_BUDGETS = {
  /** One page's HTML, gzip level 6, as a host would send it. */
  pageHtmlGzipBytes: 100 * 1024,
  /** <img> elements in one page: beyond this, images belong on the canvas grid (<ImageGrid>), drawn from atlases. */
  imagesPerPage: 10_000,
  /** The whole site on disk. */
  siteBytes: 60 * 1024 * 1024,
  /** Growth of the site against the previous build before it is worth a look. */
  siteGrowthFactor: 1.5,
} as const;

export interface PageMeasure {
  /** Path under dist/, e.g. "mnist/index.html". */
  path: string;
  htmlGzipBytes: number;
  images: number;
}

export interface SiteMeasure {
  pages: PageMeasure[];
  siteBytes: number;
  /** Size of the site this build replaces, when there is one. */
  previousSiteBytes?: number | undefined;
}

const kb = (n: number) => `${Math.round(n / 1024)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** One line per budget crossed, each with the number, the budget and what to do. */
export function sizeWarnings(site: SiteMeasure, budgets = SIZE_BUDGETS): string[] {
  const warnings: string[] = [];
  for (const page of site.pages) {
    if (page.htmlGzipBytes > budgets.pageHtmlGzipBytes) {
      warnings.push(`${page.path}: ${kb(page.htmlGzipBytes)} of gzip HTML, over the ${kb(budgets.pageHtmlGzipBytes)} budget: move big tables or item lists into lazy files (a grid's payload is fetched, never inlined)`);
    }
    if (page.images > budgets.imagesPerPage) {
      warnings.push(`${page.path}: ${page.images.toLocaleString('en-US')} <img> elements, over ${budgets.imagesPerPage.toLocaleString('en-US')}: show that many items with <ImageGrid> (one canvas drawn from atlases)`);
    }
  }
  if (site.siteBytes > budgets.siteBytes) {
    warnings.push(`site: ${mb(site.siteBytes)} on disk, over the ${mb(budgets.siteBytes)} budget: look for large collections or images (docs/quality.md, "Size budgets")`);
  }
  if (site.previousSiteBytes && site.siteBytes > site.previousSiteBytes * budgets.siteGrowthFactor) {
    warnings.push(`site: grew from ${mb(site.previousSiteBytes)} to ${mb(site.siteBytes)} (x${(site.siteBytes / site.previousSiteBytes).toFixed(1)}) since the last build: check that the growth is wanted`);
  }
  return warnings;
}
