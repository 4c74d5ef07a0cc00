// Ids within one page: none used twice, and every in-page reference (href or
// xlink:href "#id", url(#id) in an attribute or a style, aria-labelledby,
// aria-describedby, label for) finds its element. Two copies of a figure on
// one page (a slide per step, a handout step, an embed) that kept the same
// <pattern id> drew with whichever came first (issue #22), and a copy whose
// ids were renamed must have its references renamed with them.
import { parseHTML } from 'linkedom';

const URL_REF = /url\(\s*['"]?#([^'")\s]+)['"]?\s*\)/g;
const ID_LIST_ATTRS = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for'];

/** Problems with the ids of one page's HTML, as readable lines ([] = none). */
export function pageIdProblems(html: string): string[] {
  const { document } = parseHTML(html);
  const live = (el: Element) => !el.closest('template');
  const counts = new Map<string, number>();
  for (const el of Array.from(document.querySelectorAll('[id]')).filter(live)) {
    const id = el.getAttribute('id')!;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const problems = [...counts].filter(([, n]) => n > 1).map(([id, n]) => `id "${id}" is used ${n} times`);
  const missing = new Set<string>();
  const want = (id: string, how: string) => {
    if (id && !counts.has(id)) missing.add(`${how} points to a missing id "${id}"`);
  };
  for (const el of Array.from(document.querySelectorAll('*')).filter(live)) {
    for (const attr of Array.from(el.attributes)) {
      const { name, value } = attr;
      if ((name === 'href' || name === 'xlink:href') && value.startsWith('#') && value.length > 1) {
        // A link to a part of the page; an <a> to a text fragment or the top is no element reference.
        if (!value.startsWith('#:~:')) want(decodeURIComponent(value.slice(1)), `${el.tagName.toLowerCase()} ${name}="${value}"`);
      } else if (ID_LIST_ATTRS.includes(name)) {
        for (const id of value.split(/\s+/).filter(Boolean)) want(id, `${el.tagName.toLowerCase()} ${name}`);
      }
      for (const m of value.matchAll(URL_REF)) want(m[1]!, `${el.tagName.toLowerCase()} ${name}="url(#${m[1]})"`);
    }
  }
  return [...problems, ...missing];
}
