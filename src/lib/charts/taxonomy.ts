// Pure helpers for exploring a hierarchy (e.g. WordNet's person subtree):
// sizes, depth, the path to a node, a per-depth summary for the data table.

export interface TaxonomyNode {
  /** Stable id (e.g. a WordNet synset id); the label is used when absent. */
  id?: string;
  label: string;
  /** A count attached to the node itself (e.g. images); optional. */
  count?: number;
  /** Nodes below this one in the full hierarchy, when the tree given is pruned. */
  below?: number;
  children?: readonly TaxonomyNode[];
}

export function nodeId(node: TaxonomyNode): string {
  return node.id ?? node.label;
}

/** Number of nodes below `node` (children, grandchildren, ...); `below` wins when given. */
export function descendantCount(node: TaxonomyNode): number {
  if (node.below !== undefined) return node.below;
  let n = 0;
  for (const child of node.children ?? []) n += 1 + descendantCount(child);
  return n;
}

export interface TreeSummary {
  nodes: number;
  leaves: number;
  /** Depth of the deepest node; the root is depth 0. */
  depth: number;
  /** Nodes at each depth. */
  perDepth: number[];
}

export function summarizeTree(root: TaxonomyNode): TreeSummary {
  const perDepth: number[] = [];
  let leaves = 0;
  const stack: [TaxonomyNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    perDepth[d] = (perDepth[d] ?? 0) + 1;
    if (!node.children?.length) leaves++;
    for (const child of node.children ?? []) stack.push([child, d + 1]);
  }
  return { nodes: perDepth.reduce((a, b) => a + b, 0), leaves, depth: perDepth.length - 1, perDepth };
}

/** The nodes from the root down to the node whose id (or label) is `target`. */
export function pathTo(root: TaxonomyNode, target: string): TaxonomyNode[] | undefined {
  if (nodeId(root) === target || root.label === target) return [root];
  for (const child of root.children ?? []) {
    const below = pathTo(child, target);
    if (below) return [root, ...below];
  }
  return undefined;
}
