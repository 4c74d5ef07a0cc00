// `npm run build` refuses before any work while SITE_URL is unset or the
// placeholder, with the author's message alone (no stack trace).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (env: Record<string, string>) => {
  const { SITE_URL: _unset, ...rest } = process.env;
  return spawnSync(process.execPath, ['scripts/check-site.ts'], { env: { ...rest, ...env }, encoding: 'utf8', timeout: 30_000 });
};

describe('scripts/check-site.ts (first step of npm run build)', () => {
  it('refuses the placeholder address with the fix and no stack trace', () => {
    const result = run({});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^SITE_URL \(environment\): SITE_URL: the site's address is still the placeholder/);
    expect(result.stderr).toContain('fix: set SITE_URL');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an address that is not one', () => {
    const result = run({ SITE_URL: 'essays.example.edu' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is not an address');
  });

  it('lets a real address through, silently', () => {
    const result = run({ SITE_URL: 'https://essays.example.edu' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});
