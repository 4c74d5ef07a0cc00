// The CSP rules every built page must meet.
import { describe, expect, it } from 'vitest';
import { metaPolicies, pagePolicyProblems, parsePolicy, policyProblems } from '../../src/lib/quality/content-security-policy.ts';

const SOUND = "default-src 'self'; object-src 'none'; base-uri 'self'; script-src 'self' 'sha256-abc='; style-src-attr 'unsafe-inline'";

describe('content security policy', () => {
  it('parses directives, the first occurrence winning', () => {
    const policy = parsePolicy("Default-Src 'self';img-src 'self' data: ; img-src *");
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('accepts hashes for scripts and inline style attributes', () => {
    expect(policyProblems(parsePolicy(SOUND))).toEqual([]);
  });

  it('rejects inline or eval scripts, wildcards, plugins and a missing base-uri', () => {
    expect(policyProblems(parsePolicy("default-src 'self'; script-src 'self' 'unsafe-inline' https:; object-src 'none'; base-uri 'self'"))).toEqual([
      "script-src allows 'unsafe-inline'",
      'script-src allows https:',
    ]);
    expect(policyProblems(parsePolicy("default-src *; base-uri 'self'"))).toEqual(['script-src allows *', "object-src is not 'none': plugins could load"]);
    expect(policyProblems(parsePolicy("script-src 'self'; object-src 'none'"))).toEqual([
      "no default-src: give other resource types a fallback (default-src 'self')",
      'no base-uri: an injected <base> could redirect relative URLs',
    ]);
    expect(policyProblems(parsePolicy(`${SOUND}; script-src-attr 'unsafe-inline'`))).toEqual(["script-src-attr allows 'unsafe-inline'"]);
  });

  it('finds the policy in a page and requires exactly one', () => {
    const page = (metas: string) => `<!doctype html><html><head>${metas}</head><body></body></html>`;
    const meta = `<meta http-equiv="Content-Security-Policy" content="${SOUND}">`;
    expect(metaPolicies(page(meta))).toEqual([SOUND]);
    expect(pagePolicyProblems(page(meta))).toEqual([]);
    expect(pagePolicyProblems(page(''))).toEqual(['no <meta http-equiv="content-security-policy">']);
    expect(pagePolicyProblems(page(meta + meta))).toEqual(['2 CSP <meta> elements: keep exactly one']);
  });

  it("allows 'wasm-unsafe-eval' only where the caller says so (the search page)", () => {
    const wasm = parsePolicy(`${SOUND}`.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"));
    expect(policyProblems(wasm)).toEqual(["script-src allows 'wasm-unsafe-eval'"]);
    expect(policyProblems(wasm, { wasm: true })).toEqual([]);
  });
});
