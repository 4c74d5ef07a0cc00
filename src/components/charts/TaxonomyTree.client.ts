// Browser side of TaxonomyTree: search by label and step-driven focus. The
// tree itself is server-rendered <details>, so all of this is an enhancement.
import { fixedStepOf, followSteps } from '../../lib/scrolly/bridge.ts';
import { formatCount } from '../../lib/charts/format.ts';

/** Shows nodes whose label contains `query` and their ancestors; returns the match count. */
export function filterTree(tree: HTMLElement, query: string): number {
  const q = query.trim().toLowerCase();
  const items = Array.from(tree.querySelectorAll<HTMLLIElement>('li[data-node]'));
  if (!q) {
    for (const li of items) {
      li.hidden = false;
      li.removeAttribute('data-match');
    }
    return 0;
  }
  let matches = 0;
  // Children come after their parents in document order: walk backwards so
  // each node knows whether anything below it matched.
  const keep = new Set<HTMLLIElement>();
  for (let i = items.length - 1; i >= 0; i--) {
    const li = items[i]!;
    const hit = (li.dataset['label'] ?? '').includes(q);
    if (hit) matches++;
    li.toggleAttribute('data-match', hit);
    const childKept = Array.from(li.querySelectorAll<HTMLLIElement>(':scope > details > ul > li')).some((c) => keep.has(c));
    if (hit || childKept) keep.add(li);
    li.hidden = !(hit || childKept);
    const details = li.querySelector<HTMLDetailsElement>(':scope > details');
    if (details && childKept) details.open = true;
  }
  return matches;
}

/**
 * Opens the branch down to node `target`, marks it, and scrolls the tree (not
 * the page) to it. Branches an earlier focus opened close again first, so a
 * step shows the same tree however it was reached (a deep link, a slide, an
 * embed, or the steps before it).
 */
export function focusNode(tree: HTMLElement, target: string): void {
  const node = Array.from(tree.querySelectorAll<HTMLLIElement>('li[data-node]')).find((li) => li.dataset['node'] === target);
  if (!node) return;
  for (const old of tree.querySelectorAll('[data-focused]')) old.removeAttribute('data-focused');
  for (const opened of tree.querySelectorAll<HTMLDetailsElement>('details[data-step-opened]')) {
    opened.open = false;
    opened.removeAttribute('data-step-opened');
  }
  node.setAttribute('data-focused', '');
  const open = (details: HTMLDetailsElement) => {
    if (details.open) return;
    details.open = true;
    details.setAttribute('data-step-opened', '');
  };
  for (let el: HTMLElement | null = node.parentElement; el && el !== tree; el = el.parentElement) {
    if (el instanceof HTMLDetailsElement) open(el);
  }
  const own = node.querySelector<HTMLDetailsElement>(':scope > details');
  if (own) open(own);
  // The tree is positioned, so offsetTop is measured from its top.
  tree.scrollTop = Math.max(0, node.offsetTop - 16);
}

export function setupTaxonomy(root: HTMLElement): void {
  const tree = root.querySelector<HTMLElement>('.taxonomy-tree')!;
  const search = root.querySelector<HTMLElement>('.taxonomy-search')!;
  const input = search.querySelector('input')!;
  const output = search.querySelector('output')!;
  search.hidden = false;
  input.addEventListener('input', () => {
    const n = filterTree(tree, input.value);
    output.textContent = input.value.trim() ? `${formatCount(n)} ${n === 1 ? 'category matches' : 'categories match'}` : '';
  });
  const steps = root.dataset['steps'] ? (JSON.parse(root.dataset['steps']) as string[]) : [];
  let onStep = (step: number) => focusNode(tree, steps[Math.min(Math.max(step, 0), steps.length - 1)]!);
  if (steps.length) followSteps(root, (step) => onStep(step));
  // In a scrolly with motion, the focus moves (TaxonomyTree.motion.ts): its
  // code loads on the first scroll, never on a slide or under reduced motion.
  const scrolly = root.closest<HTMLElement>('[data-scrolly]');
  const motion = scrolly?.dataset['motion'];
  if (scrolly && steps.length > 1 && (motion === 'scrub' || motion === 'step') && fixedStepOf(root) === undefined && !matchMedia('(prefers-reduced-motion: reduce)').matches) {
    addEventListener('scroll', () => import('./TaxonomyTree.motion.ts').then((m) => (onStep = m.startTreeMotion({ scrolly, tree, targets: steps, focus: focusNode }))), { once: true, passive: true });
  }
  root.dataset['ready'] = 'true';
}
