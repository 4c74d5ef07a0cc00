// The /components/ catalog: one section per documented component (found the
// same way the page finds them), each rendered live with props and example.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { launch, type OpenBrowser } from './browser.ts';

const documented = readdirSync('src/components', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.docs.ts'))
  .map((f) => f.split('/').pop()!.replace(/\.docs\.ts$/, ''))
  .sort();

/**
 * Documented examples that do not work yet, shown on the page as such (the
 * catalog compiles every example, so it caught these). Reported to their
 * owner; remove a name when its example is fixed: the test fails until then.
 */
const KNOWN_BROKEN: string[] = [];

describe('component catalog', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has a section for every component with docs, each with a live demo, props and an example', async () => {
    expect(documented).toContain('Scrolly');
    const { page, errors } = await browser.open('/components/');
    const sections = await page.locator('section.catalog-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-component')));
    expect([...sections].sort()).toEqual(documented);
    for (const name of documented) {
      const section = page.locator(`section[data-component="${name}"]`);
      const demo = section.locator('.catalog-demo');
      expect((await demo.innerHTML()).trim().length, `${name} demo`).toBeGreaterThan(40);
      expect(await demo.locator('text=No compiled example').count(), name).toBe(0);
      const problem = demo.locator('[data-example-problem]');
      if (KNOWN_BROKEN.includes(name)) expect(await problem.innerText(), name).toMatch(/does not (work|render) yet/);
      else expect(await problem.count(), `${name}: ${await problem.allInnerTexts()}`).toBe(0);
      expect(await section.locator('pre[data-example-code] code').innerText()).toContain(`<${name}`);
    }
    // Every component essays can use is documented.
    expect(await page.locator('[data-undocumented]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('the live Scrolly example works: the next step (key j) shows the next state', async () => {
    const { page } = await browser.open('/components/#Scrolly');
    const scrolly = page.locator('[data-demo="Scrolly"] section[data-scrolly]');
    const id = await scrolly.getAttribute('data-scrolly');
    await scrolly.focus();
    await page.keyboard.press('j');
    await page.waitForFunction((sid) => document.querySelector(`[data-scrolly="${sid}"] [data-state="1"]`)?.hasAttribute('data-state-active'), id);
  });

  it('copies an example with its button', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page } = await browser.open('/components/');
    const box = page.locator('[data-copy-example="Step"]');
    await box.locator('button').click();
    await box.locator('[role=status]', { hasText: 'Example copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('<Step>');
  });

  it('is linked from the site navigation', async () => {
    const { page } = await browser.open('/');
    expect(await page.locator('header nav a[href="/components/"]').count()).toBe(1);
  });
});
