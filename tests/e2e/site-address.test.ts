// The site's address (SITE_URL, docs/deploy.md): a build for the placeholder
// domain is refused with the fix, and the address the site was built for
// reaches every place that prints or links it (canonical links, the RSS feed,
// the sitemap, slide QR codes, the print handout). Reads dist/ and runs one
// refused `astro build` into a temp folder (it stops before writing anything).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSiteOrigin, listBuiltFiles } from '../../scripts/quality/built-files.ts';
import { EXAMPLE_SITE } from '../../src/lib/site-address.ts';

const DIST = 'dist';

describe('site address', () => {
  it('a build for the example domain is refused with the fix, and writes nothing', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'site-address-')), 'dist');
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
      delete env['SITE_URL'];
      for (const key of Object.keys(env)) if (/^(VITEST|VITE_|NODE_ENV$|TEST$|MODE$)/.test(key)) delete env[key];
      const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], { env, encoding: 'utf8', timeout: 240_000 });
      const output = `${run.stdout}${run.stderr}`;
      expect(run.status, output).not.toBe(0);
      expect(output).toContain(`the site's address is still the placeholder ${EXAMPLE_SITE}`);
      expect(output).toMatch(/fix: set SITE_URL to the address readers will use/);
      expect(existsSync(join(out, 'index.html'))).toBe(false);
    } finally {
      rmSync(join(out, '..'), { recursive: true, force: true });
    }
  }, 300_000);

  it('the built address reaches canonical links, RSS, sitemap, QR codes and the handout; the placeholder nowhere', () => {
    const origin = builtSiteOrigin(DIST);
    expect(origin).not.toBe(EXAMPLE_SITE);
    const text = (file: string) => readFileSync(join(DIST, file), 'utf8');
    expect(text('rss.xml')).toContain(`<link>${origin}/`);
    expect(text('sitemap-0.xml')).toContain(`<loc>${origin}/`);
    const deck = text('reading-a-datasheet/present/index.html');
    expect(deck).toMatch(new RegExp(`class="slide-qr" href="${origin.replace(/[.]/g, '\\.')}/reading-a-datasheet/`));
    expect(deck).toContain(`${origin.replace(/^https?:\/\//, '')}/reading-a-datasheet/`);
    expect(text('reading-a-datasheet/print/index.html')).toContain(`${origin}/reading-a-datasheet/`);
    const offenders = listBuiltFiles(DIST).filter((f) => /\.(html|xml|txt|json)$/.test(f) && text(f).includes('dataset-essays.example.org'));
    expect(offenders).toEqual([]);
  });
});
