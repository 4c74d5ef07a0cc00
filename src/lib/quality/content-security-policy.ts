// Reads a page's <meta> Content-Security-Policy and says what is unsafe in it.
// Pure: the built-page gate and the unit tests share these rules.
import { parseHTML } from 'linkedom';

export type Policy = Map<string, string[]>;

/** `default-src 'self'; img-src 'self' data:` -> directive -> sources (lowercased names). */
export function parsePolicy(policy: string): Policy {
  const directives: Policy = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // The first occurrence of a directive wins, as in browsers.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Every `<meta http-equiv="content-security-policy">` policy of a page. */
export function metaPolicies(html: string): string[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('meta[http-equiv]')]
    .filter((meta) => meta.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy')
    .map((meta) => meta.getAttribute('content') ?? '');
}

const UNSAFE_SCRIPT_SOURCES = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:'];

export interface PolicyExceptions {
  /**
   * Allow 'wasm-unsafe-eval': it lets a page compile WebAssembly (Pagefind's
   * search index), not evaluate JavaScript strings. Only the search page needs it.
   */
  wasm?: boolean;
}

/** What makes a policy weaker than this site promises; empty when it is sound. */
export function policyProblems(policy: Policy, exceptions: PolicyExceptions = {}): string[] {
  const problems: string[] = [];
  const scripts = policy.get('script-src') ?? policy.get('default-src');
  if (!scripts) problems.push('no script-src or default-src: scripts from anywhere may run');
  for (const source of scripts ?? []) {
    if (exceptions.wasm && source.toLowerCase() === "'wasm-unsafe-eval'") continue;
    if (UNSAFE_SCRIPT_SOURCES.includes(source.toLowerCase())) problems.push(`script-src allows ${source}`);
  }
  for (const directive of ['script-src-elem', 'script-src-attr']) {
    for (const source of policy.get(directive) ?? []) {
      if (UNSAFE_SCRIPT_SOURCES.includes(source.toLowerCase())) problems.push(`${directive} allows ${source}`);
    }
  }
  if (!policy.has('default-src')) problems.push("no default-src: give other resource types a fallback (default-src 'self')");
  const objects = policy.get('object-src') ?? policy.get('default-src') ?? [];
  if (objects.join(' ') !== "'none'") problems.push("object-src is not 'none': plugins could load");
  if (!policy.has('base-uri')) problems.push('no base-uri: an injected <base> could redirect relative URLs');
  return problems;
}

/** Problems with a built page's policy: missing, duplicated or unsafe. */
export function pagePolicyProblems(html: string, exceptions: PolicyExceptions = {}): string[] {
  const policies = metaPolicies(html);
  if (policies.length === 0) return ['no <meta http-equiv="content-security-policy">'];
  if (policies.length > 1) return [`${policies.length} CSP <meta> elements: keep exactly one`];
  return policyProblems(parsePolicy(policies[0]!), exceptions);
}
