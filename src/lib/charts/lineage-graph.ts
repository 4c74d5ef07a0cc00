// "Models on top of models": datasets, models and people as nodes, "trained
// on" / "filtered by" / "scored by" as edges, laid out in layers at build time
// (inputs to the left of what was made from them). Node kinds differ by shape
// and a written kind; relations by dash pattern and a label on each edge.
import { linkHorizontal } from 'd3';
import { chartColors } from './chart-colors.ts';
import { chartDocument, finishSvg, svgEl, type SvgLabel } from './svg.ts';

export type LineageKind = 'dataset' | 'model' | 'people';
export type LineageRelation = 'trained on' | 'filtered by' | 'scored by' | 'drawn from';

export interface LineageNode {
  id: string;
  label: string;
  kind: LineageKind;
}

/** Data flows from `from` to `to`; it reads "<to> <relation> <from>". */
export interface LineageEdge {
  from: string;
  to: string;
  relation: LineageRelation;
}

export interface PlacedNode extends LineageNode {
  layer: number;
  order: number;
  x: number;
  y: number;
}

export const NODE_W = 124;
export const NODE_H = 56;

/** Layers by longest path from the sources, ordered by the mean order of inputs. */
export function layoutLineage(
  nodes: readonly LineageNode[],
  edges: readonly LineageEdge[],
  width = 640,
  rowGap = 80,
): { nodes: PlacedNode[]; layers: number; height: number } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  if (byId.size !== nodes.length) throw new Error('lineage: two nodes share an id');
  for (const e of edges) {
    for (const end of [e.from, e.to]) if (!byId.has(end)) throw new Error(`lineage: edge ${e.from} -> ${e.to} names an unknown node "${end}"`);
  }
  const inputs = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) inputs.get(e.to)!.push(e.from);
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const layerOf = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) throw new Error(`lineage: the edges form a cycle through "${id}"`);
    visiting.add(id);
    const l = Math.max(-1, ...inputs.get(id)!.map(layerOf)) + 1;
    visiting.delete(id);
    layer.set(id, l);
    return l;
  };
  nodes.forEach((n) => layerOf(n.id));
  const layers = Math.max(...layer.values()) + 1;
  const columns: LineageNode[][] = Array.from({ length: layers }, () => []);
  for (const n of nodes) columns[layer.get(n.id)!]!.push(n);
  const order = new Map<string, number>();
  columns.forEach((col, l) => {
    if (l > 0) {
      const mean = (n: LineageNode) => {
        const ins = inputs.get(n.id)!.map((id) => order.get(id)!);
        return ins.length ? ins.reduce((a, b) => a + b, 0) / ins.length : Infinity;
      };
      col.sort((a, b) => mean(a) - mean(b));
    }
    col.forEach((n, i) => order.set(n.id, i));
  });
  const rows = Math.max(...columns.map((c) => c.length));
  const height = rows * rowGap + 8;
  const colGap = layers > 1 ? (width - NODE_W - 2) / (layers - 1) : 0;
  const placed = columns.flatMap((col, l) =>
    col.map((n, i) => ({
      ...n,
      layer: l,
      order: i,
      x: 1 + l * colGap,
      y: 4 + (height - 8 - col.length * rowGap) / 2 + i * rowGap + (rowGap - NODE_H) / 2,
    })),
  );
  return { nodes: placed, layers, height };
}

/** A point on d3's horizontal link from p0 to p1 (a cubic with both control points at mid x). */
function linkPoint(p0: readonly [number, number], p1: readonly [number, number], t: number): [number, number] {
  const mx = (p0[0] + p1[0]) / 2;
  const u = 1 - t;
  return [u * u * u * p0[0] + 3 * u * t * (u * mx + t * mx) + t * t * t * p1[0], u * u * u * p0[1] + 3 * u * u * t * p0[1] + 3 * u * t * t * p1[1] + t * t * t * p1[1]];
}

/** Where an edge label of `width` fits along the edge without covering a node (its baseline is 4 above the point). */
export function labelSpot(p0: readonly [number, number], p1: readonly [number, number], width: number, nodes: readonly { x: number; y: number }[]): [number, number] | undefined {
  const pad = 3;
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    const [x, y] = linkPoint(p0, p1, t);
    const box = { x0: x - width / 2 - pad, x1: x + width / 2 + pad, y0: y - 16 - pad, y1: y + pad };
    if (nodes.every((n) => box.x1 < n.x || box.x0 > n.x + NODE_W || box.y1 < n.y || box.y0 > n.y + NODE_H)) return [x, y];
  }
  return undefined;
}

const DASH: Record<LineageRelation, string | undefined> = { 'trained on': undefined, 'filtered by': '7 4', 'scored by': '2 3', 'drawn from': '12 3 2 3' };

/** Splits a label into at most three lines of about `max` characters (the last one cut with "…"). */
export function wrapLabel(label: string, max = 17, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, max - 1)}…`;
  return kept;
}

/** The viewBox width: at least 640, and room for a labelled edge between layers. */
export function lineageWidth(layers: number): number {
  return Math.max(640, layers * (NODE_W + 64) - 64 + 2);
}

/** The highlight from step `n` on (the Scrolly runtime marks the active one). */
export interface LineageState {
  n: number;
  highlight: readonly string[];
}

export interface LineageOptions extends SvgLabel {
  nodes: readonly LineageNode[];
  edges: readonly LineageEdge[];
  /** Node ids to highlight; edges between two highlighted nodes are highlighted too. */
  highlight?: readonly string[];
  /**
   * Step-driven highlights instead of `highlight`: the graph is drawn once and
   * each state adds a small overlay (`data-state="<n>"`) that redraws its
   * highlighted nodes and edges with <use>; charts.css styles the overlay
   * and fades the other edges while a state with a highlight shows.
   */
  states?: readonly LineageState[];
  /** The state marked active in the build (the one shown without a runtime). */
  active?: number | undefined;
  /** viewBox width; under 480 the compact list layout is drawn. */
  width?: number | undefined;
}

/**
 * The narrow layout's order: one node per row, every node right after its
 * inputs (a depth-first walk from the outputs, in the wide layout's order),
 * so that most arrows are short.
 */
export function listOrder(nodes: readonly LineageNode[], edges: readonly LineageEdge[]): string[] {
  const placed = layoutLineage(nodes, edges).nodes.sort((a, b) => a.layer - b.layer || a.order - b.order);
  const inputs = new Map<string, string[]>(placed.map((n) => [n.id, []]));
  for (const e of edges) inputs.get(e.to)!.push(e.from);
  const rank = new Map(placed.map((n, i) => [n.id, i]));
  const layer = new Map(placed.map((n) => [n.id, n.layer]));
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    // Deeper inputs first, so a source feeding only this node sits right above it.
    for (const from of [...inputs.get(id)!].sort((a, b) => layer.get(b)! - layer.get(a)! || rank.get(a)! - rank.get(b)!)) visit(from);
    order.push(id);
  };
  const fed = new Set(edges.map((e) => e.from));
  for (const n of placed) if (!fed.has(n.id)) visit(n.id);
  return order;
}

/** The root SVG with the arrowhead marker (in the edge's colour) that edges end with. */
function lineageSvg(id: string, width: number, height: number, arrow: number): { doc: Document; svg: Element } {
  const doc = chartDocument();
  const svg = svgEl(doc, 'svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart-lineage' });
  svg.append(
    svgEl(doc, 'defs', {}, [
      svgEl(doc, 'marker', { id: `${id}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: arrow, markerHeight: arrow, markerUnits: 'userSpaceOnUse', orient: 'auto' }, [
        svgEl(doc, 'path', { d: 'M0,0L10,5L0,10z', fill: 'context-stroke' }),
      ]),
    ]),
  );
  return { doc, svg };
}

/** One drawn edge: its path (without the highlight) and, where there is room, where its relation is written when it is highlighted. */
interface DrawnEdge {
  edge: LineageEdge;
  d: string;
  label?: [number, number] | undefined;
}

/** The states to draw: the step-driven ones, or the one fixed highlight (n undefined: always shown). */
function statesOf(options: LineageOptions): { n: number | undefined; on: ReadonlySet<string> }[] {
  if (options.states?.length) return options.states.map((s) => ({ n: s.n, on: new Set(s.highlight) }));
  return [{ n: undefined, on: new Set(options.highlight ?? []) }];
}

/**
 * Draws a layout once: the edges (class lineage-edge) and node groups (class
 * lineage-node, each with an id) in their plain look, then per state an
 * overlay that repeats the highlighted edges (under the nodes) and nodes
 * (over them) with <use>, plus the relation names of highlighted edges. The
 * overlays' class lineage-lit sets the custom properties charts.css reads.
 */
function drawLineage(doc: Document, svg: Element, options: LineageOptions, edges: DrawnEdge[], nodes: { id: string; g: Element }[], legend: Element): void {
  const id = options.id;
  const edgeId = new Map(edges.map((e, i) => [e.edge, `${id}-e${i}`]));
  const nodeId = new Map(nodes.map((n, i) => [n.id, `${id}-n${i}`]));
  // Every edge ends in the arrow: the groups holding edges (and their <use>
  // copies, which inherit from where they are used) carry the marker.
  const arrow = `url(#${id}-arrow)`;
  const edgeGroup = svgEl(doc, 'g', { class: 'lineage-edges', 'marker-end': arrow }, edges.map((e) => svgEl(doc, 'path', {
    id: edgeId.get(e.edge),
    class: 'lineage-edge',
    d: e.d,
    'stroke-dasharray': DASH[e.edge.relation],
  })));
  const nodeGroup = svgEl(doc, 'g');
  for (const node of nodes) {
    node.g.setAttribute('id', nodeId.get(node.id)!);
    nodeGroup.append(node.g);
  }
  const underNodes: Element[] = [];
  const overNodes: Element[] = [];
  for (const { n, on } of statesOf(options)) {
    if (n === undefined && on.size === 0) break;
    const attrs = { class: 'lineage-lit', 'data-state': n, 'data-state-active': n !== undefined && n === options.active ? '' : undefined };
    const lit = edges.filter((e) => on.has(e.edge.from) && on.has(e.edge.to));
    underNodes.push(svgEl(doc, 'g', attrs, lit.map((e) => svgEl(doc, 'use', { href: `#${edgeId.get(e.edge)}` }))));
    overNodes.push(svgEl(doc, 'g', attrs, [
      ...nodes.filter((node) => on.has(node.id)).map((node) => svgEl(doc, 'use', { href: `#${nodeId.get(node.id)}` })),
      // Relations are told apart by dash pattern (see the legend); a
      // highlighted path also names its relations in words, where there is room.
      ...lit.flatMap((e) => (e.label ? [svgEl(doc, 'text', { x: e.label[0], y: e.label[1], class: 'lineage-relation' }, [e.edge.relation])] : [])),
    ]));
  }
  // Each set of overlays in its own group: one state active per group of siblings.
  svg.append(edgeGroup, svgEl(doc, 'g', { 'marker-end': arrow }, underNodes), nodeGroup, svgEl(doc, 'g', {}, overNodes), legend);
}

/** The legend of dash patterns: `at(i)` places relation i. */
function lineageLegend(doc: Document, transform: string, fontSize: number, lineW: number, at: (i: number) => [number, number], textDy: number): Element {
  const legend = svgEl(doc, 'g', { transform, 'font-size': fontSize });
  (Object.keys(DASH) as LineageRelation[]).forEach((relation, i) => {
    const [x, y] = at(i);
    legend.append(
      svgEl(doc, 'line', { x1: x, x2: x + lineW, y1: y, y2: y, stroke: chartColors.muted, 'stroke-width': 2, 'stroke-dasharray': DASH[relation] }),
      svgEl(doc, 'text', { x: x + lineW + 6, y: y + textDy, fill: chartColors.ink }, [relation]),
    );
  });
  return legend;
}

/** Below this viewBox width the graph is drawn as a list with arcs (phones, scrolly graphics). */
const LIST_BELOW = 480;

export function renderLineageGraph(options: LineageOptions): string {
  if (options.width !== undefined && options.width < LIST_BELOW) return renderLineageList(options, options.width);
  const legendH = 30;
  const width = options.width ?? lineageWidth(layoutLineage(options.nodes, options.edges).layers);
  const layout = layoutLineage(options.nodes, options.edges, width);
  const height = layout.height + legendH;
  const at = new Map(layout.nodes.map((n) => [n.id, n]));
  const { doc, svg } = lineageSvg(options.id, width, height, 9);
  const link = linkHorizontal<unknown, [number, number]>().source((d: any) => d[0]).target((d: any) => d[1]);
  const edges = options.edges.map((e): DrawnEdge => {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    const p0: [number, number] = [a.x + NODE_W, a.y + NODE_H / 2];
    const p1: [number, number] = [b.x - 2, b.y + NODE_H / 2];
    // The first point along the curve where the relation's words cover no node.
    const textW = e.relation.length * 6.6;
    const spot = p1[0] - p0[0] < textW + 10 ? undefined : labelSpot(p0, p1, textW, layout.nodes);
    return { edge: e, d: link([p0, p1] as any) ?? '', label: spot && [spot[0], spot[1] - 4] };
  });
  const nodes = layout.nodes.map((n) => {
    const lines = wrapLabel(n.label);
    return {
      id: n.id,
      g: svgEl(doc, 'g', { class: 'lineage-node', transform: `translate(${n.x},${n.y})` }, [
        svgEl(doc, 'rect', { class: `lineage-box lineage-${n.kind}`, width: NODE_W, height: NODE_H, rx: n.kind === 'people' ? NODE_H / 2 : n.kind === 'model' ? 10 : undefined }),
        svgEl(doc, 'text', { x: NODE_W / 2, y: 11, 'font-size': 9.5, 'letter-spacing': '0.06em', class: 'lineage-kind' }, [n.kind.toUpperCase()]),
        ...lines.map((line, i) => svgEl(doc, 'text', { x: NODE_W / 2, y: 36 + (i - (lines.length - 1) / 2) * 12, class: 'lineage-label' }, [line])),
      ]),
    };
  });
  svg.setAttribute('text-anchor', 'middle');
  const legend = lineageLegend(doc, `translate(1,${layout.height + 8})`, 11, 34, (i) => [i * 158, 8], 4);
  legend.setAttribute('text-anchor', 'start');
  drawLineage(doc, svg, options, edges, nodes, legend);
  return finishSvg(svg, options, { fontSize: 11 });
}

/**
 * The narrow layout: one node per row (inputs above what was made from them),
 * text at a size a phone can read, and edges as arcs in a gutter on the left,
 * each ending in an arrow at the node made from the other.
 */
function renderLineageList(options: LineageOptions, width: number): string {
  const gutter = 58;
  const rowH = 28;
  const pitch = 36;
  const boxW = width - gutter - 2;
  const order = listOrder(options.nodes, options.edges);
  const byId = new Map(options.nodes.map((n) => [n.id, n]));
  const rowOf = new Map(order.map((id, i) => [id, i]));
  const mid = (id: string) => 2 + rowOf.get(id)! * pitch + rowH / 2;
  const legendY = 2 + order.length * pitch + 6;
  const height = legendY + 44;
  const { doc, svg } = lineageSvg(options.id, width, height, 8);
  const edges = options.edges.map((e): DrawnEdge => {
    const y0 = mid(e.from);
    const y1 = mid(e.to);
    const bulge = Math.min(gutter - 4, 10 + (Math.abs(rowOf.get(e.to)! - rowOf.get(e.from)!) - 1) * 8);
    return { edge: e, d: `M${gutter},${y0}C${gutter - bulge},${y0} ${gutter - bulge},${y1} ${gutter - 1},${y1}` };
  });
  const nodes = order.map((id) => {
    const n = byId.get(id)!;
    return {
      id,
      g: svgEl(doc, 'g', { class: 'lineage-node', transform: `translate(${gutter},${mid(id) - rowH / 2})` }, [
        svgEl(doc, 'rect', { class: `lineage-box lineage-${n.kind}`, width: boxW, height: rowH, rx: n.kind === 'people' ? rowH / 2 : n.kind === 'model' ? 8 : undefined }),
        svgEl(doc, 'text', { x: 10, y: 18.5, class: 'lineage-label' }, [wrapLabel(n.label, 30, 1)[0]!]),
        svgEl(doc, 'text', { x: boxW - 10, y: 18, 'text-anchor': 'end', 'font-size': 12, 'letter-spacing': '0.02em', class: 'lineage-kind' }, [n.kind.toUpperCase()]),
      ]),
    };
  });
  const legend = lineageLegend(doc, `translate(1,${legendY})`, 13, 30, (i) => [(i % 2) * 176, Math.floor(i / 2) * 20 + 8], 4.5);
  drawLineage(doc, svg, options, edges, nodes, legend);
  return finishSvg(svg, options);
}
