// The dev banner for an unset site address (docs/deploy.md, "The site's
// address"): every page of `astro dev` shows it while SITE_URL is the
// placeholder, no page shows it once the address is set, and a production
// build never renders it (the build refuses the placeholder instead).
// Rendered with Astro's container API: no dev server needed.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SiteAddressBanner from '../../src/components/site/SiteAddressBanner.astro';
import Base from '../../src/layouts/Base.astro';
import { siteAddressCheck } from '../../src/integrations/site-address.ts';
import { EXAMPLE_SITE, LOCAL_SITE } from '../../src/lib/site-address.ts';

const render = async (site: string, component: Parameters<AstroContainer['renderToString']>[0] = SiteAddressBanner, props: Record<string, unknown> = {}) => {
  const container = await AstroContainer.create({ astroConfig: { site } });
  return container.renderToString(component, { props });
};

afterEach(() => vi.unstubAllEnvs());

describe('the site-address banner', () => {
  it('shows in dev while the address is the placeholder, naming it, SITE_URL and where the docs say more', async () => {
    expect(import.meta.env.DEV).toBe(true);
    const html = await render(EXAMPLE_SITE);
    expect(html).toContain('data-site-address-banner');
    expect(html).toContain('role="note"');
    expect(html).toContain(`<code>${EXAMPLE_SITE}</code>`);
    expect(html).toMatch(/Set <code>SITE_URL<\/code> before you publish \(docs\/deploy\.md, "The site's address"\)/);
    // Styled inline (no stylesheet in production pages): nothing for a CSP to hash but the style attributes.
    expect(html).not.toMatch(/<style|<script/);
  });

  it('is absent once the address is set, and from production builds whatever the address', async () => {
    expect(await render(LOCAL_SITE)).toBe('');
    expect(await render('https://essays.example.edu')).toBe('');
    vi.stubEnv('DEV', false);
    vi.stubEnv('PROD', true);
    expect(await render(EXAMPLE_SITE)).toBe('');
  });

  it('is on every page: the shared layout renders it first in <body>', async () => {
    const page = await render(EXAMPLE_SITE, Base, { title: 'A page', description: 'About it' });
    expect(page).toMatch(/<body[^>]*>\s*<aside class="site-address-banner"/);
    expect(await render(LOCAL_SITE, Base, { title: 'A page', description: 'About it' })).not.toContain('data-site-address-banner');
  });
});

describe('the site-address integration', () => {
  const setup = (site: string | undefined, command: 'dev' | 'build') => {
    const warnings: string[] = [];
    const integration = siteAddressCheck();
    const logger = { warn: (message: string) => warnings.push(message) };
    // Only the fields the hook reads; the rest of Astro's hook options are not used.
    (integration.hooks['astro:config:setup'] as unknown as (o: object) => void)({ config: { site }, command, logger });
    const buildStart = () => (integration.hooks['astro:build:start'] as unknown as (o: object) => void)({});
    return { warnings, buildStart };
  };

  it('warns once when `astro dev` starts on the placeholder, and the build refuses it', () => {
    const dev = setup(EXAMPLE_SITE, 'dev');
    expect(dev.warnings).toEqual([expect.stringMatching(/placeholder https:\/\/dataset-essays\.example\.org: pages show a banner, and npm run build refuses until SITE_URL is set/)]);
    const build = setup(EXAMPLE_SITE, 'build');
    expect(build.warnings).toEqual([]);
    expect(build.buildStart).toThrow(/still the placeholder/);
  });

  it('is silent for a real address', () => {
    const dev = setup(LOCAL_SITE, 'dev');
    expect(dev.warnings).toEqual([]);
    expect(dev.buildStart).not.toThrow();
  });
});
