// Astro configuration: a static site of MDX essays with Svelte islands.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import islandStylesInHead from './src/integrations/island-styles-in-head.ts';
import sitemap from '@astrojs/sitemap';
import { isIndexablePage } from './src/lib/feeds.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { dataAlias, dataHotReload } from './src/integrations/data-vite.ts';
import atomicOutput from './src/integrations/atomic-output.ts';
import { componentExamples } from './src/integrations/component-examples.ts';
import { essayChecks } from './src/integrations/essay-checks.ts';
import { buildFiles } from './src/integrations/build-files.ts';
import { mergeStylesheets } from './src/integrations/merge-stylesheets.ts';
import { siteHeaders } from './src/integrations/site-headers.ts';
import { sizeBudget } from './src/integrations/size-budget.ts';
import { siteAddressCheck } from './src/integrations/site-address.ts';
import { siteAddress } from './src/lib/site-address.ts';

export default defineConfig({
  // From SITE_URL (docs/deploy.md); unset it is the example domain, which
  // `npm run build` refuses (siteAddressCheck) and `npm run dev` flags with a banner.
  site: siteAddress(),
  output: 'static',
  trailingSlash: 'always',
  // Per-checkout cache (the content store lives here): node_modules may be a
  // symlink shared by several checkouts, whose builds must not mix essays.
  cacheDir: './.astro/cache',
  // Order matters: HTML post-processing first, then the search index;
  // atomicOutput() stays LAST: it moves the finished build into outDir.
  integrations: [siteAddressCheck(), svelte(), mdx(), islandStylesInHead(),
    // The built pages minus embeds, print and slide copies and 404; Astro's own integration.
    sitemap({ filter: (url) => isIndexablePage(new URL(url).pathname), namespaces: { news: false, xhtml: false, image: false, video: false } }),
    pagefindIndex(), componentExamples(), essayChecks(), buildFiles(), mergeStylesheets(), siteHeaders(), sizeBudget(), atomicOutput()],
  security: {
    // A <meta> CSP with hashes for every inline script and style Astro emits.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Style attributes (positions computed at build time) cannot run code;
      // <style> elements and scripts still need a hash. `style-src` is Astro's
      // default ('self' plus the hashes): naming 'self' here as well made
      // Astro warn on every build that it does not reach `style-src-attr`.
      styleDirective: { resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  // External stylesheets only: Astro's CSP hashes miss some inlined component
  // styles (Svelte components imported from MDX), and 'self' covers files.
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Essays have no code blocks to colour, and Shiki's inline colours need a
  // CSP exception: plain <pre><code> instead (and no warning on every build).
  markdown: { syntaxHighlight: false },
  // Astro's sharp service, plus dithered covers resized as small palette PNGs.
  image: { service: { entrypoint: './src/lib/images/image-service.ts' } },
  // `import x from '@data/<name>'`: the typed aggregate modules `npm run data` writes,
  // re-run on edits to datasets and aggregate scripts in dev.
  vite: {
    resolve: { alias: [dataAlias(import.meta.url)] },
    plugins: [dataHotReload(import.meta.url)],
    // The scrolly's small shared modules (step bridge, step addresses, step
    // keys, graphic states, step geometry; under 0.5 KB gzip each, shared by the scrolly, the
    // slide deck and islands) travel as one file, not three or four: on an
    // essay that is two requests and ~0.7 KB of headers fewer on load.
    build: {
      rolldownOptions: {
        output: { codeSplitting: { groups: [{ name: 'scrolly-shared', test: /[\\/]src[\\/]lib[\\/]scrolly[\\/](bridge|hash|keys|states|geometry)\.ts$/ }] } },
        // Astro's MDX pages carry its own "use astro:head-inject" marker, which
        // the bundler reads as a JS directive and warns about in a box per
        // essay; Astro handles the marker itself. Every other warning shows.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
