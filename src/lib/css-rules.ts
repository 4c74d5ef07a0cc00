// A minimal reader of built (minified) stylesheets: splits CSS text into its
// top-level rules, and the blocks of conditional at-rules into theirs. Enough
// to tell which rules a page can use (src/lib/critical-css.ts); not a parser
// of declarations. Comments and strings (which may hold braces) are skipped.

export interface CssRule {
  /** The rule's whole text, as written. */
  text: string;
  /** Everything before its `{` (selector list or at-rule prelude), trimmed; the whole text for a statement like `@layer a;`. */
  prelude: string;
  /** The text between its outer braces; undefined for a statement. */
  body: string | undefined;
}

/** Index just past the string or comment starting at `i`, or `i` if none starts there. */
function skipQuotedOrComment(css: string, i: number): number {
  const c = css[i];
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  if (c === '/' && css[i + 1] === '*') {
    const end = css.indexOf('*/', i + 2);
    return end < 0 ? css.length : end + 2;
  }
  return i;
}

/** The top-level rules of `css`, in order. Throws on unbalanced braces. */
export function splitRules(css: string): CssRule[] {
  const rules: CssRule[] = [];
  let start = 0;
  let depth = 0;
  let open = -1;
  for (let i = 0; i < css.length; ) {
    const skipped = skipQuotedOrComment(css, i);
    if (skipped !== i) {
      if (depth === 0 && css.startsWith('/*', i) && css.slice(start, i).trim() === '') start = skipped;
      i = skipped;
      continue;
    }
    const c = css[i]!;
    if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth < 0) throw new Error(`unbalanced "}" at offset ${i}`);
      if (depth === 0) {
        rules.push({ text: css.slice(start, i + 1).trim(), prelude: css.slice(start, open).trim(), body: css.slice(open + 1, i) });
        start = i + 1;
      }
    } else if (c === ';' && depth === 0) {
      const text = css.slice(start, i + 1).trim();
      if (text !== ';') rules.push({ text, prelude: text, body: undefined });
      start = i + 1;
    }
    i++;
  }
  if (depth !== 0) throw new Error('unbalanced "{": a block is not closed');
  if (css.slice(start).trim()) throw new Error(`text after the last rule: ${css.slice(start).trim().slice(0, 40)}`);
  return rules;
}

/** At-rules whose block holds style rules that apply under a condition. */
const CONDITIONAL = /^@(media|supports|container|layer|scope|starting-style)\b/i;

export const isConditional = (rule: CssRule) => rule.body !== undefined && CONDITIONAL.test(rule.prelude);
export const isStyleRule = (rule: CssRule) => rule.body !== undefined && !rule.prelude.startsWith('@');

/** Splits a selector list at its top-level commas (not those inside :is(), :not(), [attr="a,b"]). */
export function splitSelectorList(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; ) {
    const skipped = skipQuotedOrComment(list, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const c = list[i]!;
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
    i++;
  }
  parts.push(list.slice(start).trim());
  return parts.filter(Boolean);
}

/**
 * Every style rule's selector list in `css`, those inside conditional blocks
 * included, and whether the stylesheet holds anything else (keyframes,
 * font faces, custom property registrations): names other sheets may use.
 */
export function selectorLists(css: string): { lists: string[]; other: CssRule[] } {
  const lists: string[] = [];
  const other: CssRule[] = [];
  const walk = (rules: CssRule[]) => {
    for (const rule of rules) {
      if (isStyleRule(rule)) lists.push(rule.prelude);
      else if (isConditional(rule)) walk(splitRules(rule.body!));
      else other.push(rule);
    }
  };
  walk(splitRules(css));
  return { lists, other };
}
