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

export interface LineageOptions extends SvgLabel {
  nodes: readonly LineageNode[];
  edges: readonly LineageEdge[];
  /** Node ids to highlight; edges between two highlighted nodes are highlighted too. */
  highlight?: readonly string[];
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

/** Below this viewBox width the graph is drawn as a list with arcs (phones, scrolly graphics). */
const LIST_BELOW = 480;

export function renderLineageGraph(options: LineageOptions): string {
  if (options.width !== undefined && options.width < LIST_BELOW) return renderLineageList(options, options.width);
  const legendH = 30;
  const width = options.width ?? lineageWidth(layoutLineage(options.nodes, options.edges).layers);
  const layout = layoutLineage(options.nodes, options.edges, width);
  const height = layout.height + legendH;
  const at = new Map(layout.nodes.map((n) => [n.id, n]));
  const on = new Set(options.highlight ?? []);
  const any = on.size > 0;
  const { doc, svg } = lineageSvg(options.id, width, height, 9);
  const link = linkHorizontal<unknown, [number, number]>().source((d: any) => d[0]).target((d: any) => d[1]);
  const edgeGroup = svgEl(doc, 'g', { 'aria-label': 'edges', fill: 'none' });
  const labelGroup = svgEl(doc, 'g', { 'aria-label': 'edge labels', 'font-size': 11, 'text-anchor': 'middle' });
  for (const e of options.edges) {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    const lit = on.has(e.from) && on.has(e.to);
    const p0: [number, number] = [a.x + NODE_W, a.y + NODE_H / 2];
    const p1: [number, number] = [b.x - 2, b.y + NODE_H / 2];
    edgeGroup.append(svgEl(doc, 'path', {
      d: link([p0, p1] as any) ?? '',
      stroke: lit ? chartColors.accent : any ? chartColors.faint : chartColors.muted,
      'stroke-width': lit ? 2.5 : 1.5,
      'stroke-dasharray': DASH[e.relation],
      'marker-end': `url(#${options.id}-arrow)`,
      'data-edge': `${e.from}>${e.to}`,
    }));
    // Relations are told apart by dash pattern (see the legend); a highlighted
    // path also names its relations in words, where there is room for them:
    // at the first point along the curve where the words cover no node.
    const text = e.relation;
    if (!lit || p1[0] - p0[0] < text.length * 6.6 + 10) continue;
    const spot = labelSpot(p0, p1, text.length * 6.6, layout.nodes);
    if (!spot) continue;
    labelGroup.append(svgEl(doc, 'text', {
      x: spot[0],
      y: spot[1] - 4,
      fill: chartColors.ink,
      stroke: chartColors.paper,
      'stroke-width': 4,
      'paint-order': 'stroke',
      'font-weight': 700,
    }, [text]));
  }
  const nodeGroup = svgEl(doc, 'g', { 'aria-label': 'nodes' });
  for (const n of layout.nodes) {
    const lit = on.has(n.id);
    const stroke = lit ? chartColors.accent : chartColors.muted;
    const shape =
      n.kind === 'people'
        ? svgEl(doc, 'rect', { width: NODE_W, height: NODE_H, rx: NODE_H / 2 })
        : svgEl(doc, 'rect', { width: NODE_W, height: NODE_H, rx: n.kind === 'model' ? 10 : 0 });
    shape.setAttribute('fill', lit ? '#f6e9e4' : chartColors.paper);
    shape.setAttribute('stroke', stroke);
    shape.setAttribute('stroke-width', lit ? '2.5' : n.kind === 'model' ? '2' : '1.25');
    const lines = wrapLabel(n.label);
    const texts = lines.map((line, i) =>
      svgEl(doc, 'text', { x: NODE_W / 2, y: 36 + (i - (lines.length - 1) / 2) * 12, 'text-anchor': 'middle', 'font-size': 11, 'font-weight': lit ? 700 : 500, fill: chartColors.ink }, [line]),
    );
    nodeGroup.append(
      svgEl(doc, 'g', { transform: `translate(${n.x},${n.y})`, 'data-node': n.id, 'data-highlighted': lit ? 'true' : undefined }, [
        shape,
        svgEl(doc, 'text', { x: NODE_W / 2, y: 11, 'text-anchor': 'middle', 'font-size': 9.5, 'letter-spacing': '0.06em', fill: chartColors.muted }, [n.kind.toUpperCase()]),
        ...texts,
      ]),
    );
  }
  const legend = svgEl(doc, 'g', { 'aria-label': 'legend', transform: `translate(1,${layout.height + 8})`, 'font-size': 11 });
  (Object.keys(DASH) as LineageRelation[]).forEach((relation, i) => {
    legend.append(
      svgEl(doc, 'line', { x1: i * 158, x2: i * 158 + 34, y1: 8, y2: 8, stroke: chartColors.muted, 'stroke-width': 2, 'stroke-dasharray': DASH[relation] }),
      svgEl(doc, 'text', { x: i * 158 + 40, y: 12, fill: chartColors.ink }, [relation]),
    );
  });
  svg.append(edgeGroup, nodeGroup, labelGroup, legend);
  return finishSvg(svg, options);
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
  const on = new Set(options.highlight ?? []);
  const any = on.size > 0;
  const { doc, svg } = lineageSvg(options.id, width, height, 8);
  const edgeGroup = svgEl(doc, 'g', { 'aria-label': 'edges', fill: 'none' });
  // Lit edges last, so they are drawn over the others.
  const edges = [...options.edges].sort((a, b) => Number(on.has(a.from) && on.has(a.to)) - Number(on.has(b.from) && on.has(b.to)));
  for (const e of edges) {
    const lit = on.has(e.from) && on.has(e.to);
    const y0 = mid(e.from);
    const y1 = mid(e.to);
    const bulge = Math.min(gutter - 4, 10 + (Math.abs(rowOf.get(e.to)! - rowOf.get(e.from)!) - 1) * 8);
    edgeGroup.append(svgEl(doc, 'path', {
      d: `M${gutter},${y0}C${gutter - bulge},${y0} ${gutter - bulge},${y1} ${gutter - 1},${y1}`,
      stroke: lit ? chartColors.accent : any ? chartColors.faint : chartColors.muted,
      'stroke-width': lit ? 2.5 : 1.5,
      'stroke-dasharray': DASH[e.relation],
      'marker-end': `url(#${options.id}-arrow)`,
      'data-edge': `${e.from}>${e.to}`,
    }));
  }
  const nodeGroup = svgEl(doc, 'g', { 'aria-label': 'nodes', 'font-size': 13 });
  for (const id of order) {
    const n = byId.get(id)!;
    const lit = on.has(id);
    const y = mid(id) - rowH / 2;
    nodeGroup.append(
      svgEl(doc, 'g', { transform: `translate(${gutter},${y})`, 'data-node': id, 'data-highlighted': lit ? 'true' : undefined }, [
        svgEl(doc, 'rect', {
          width: boxW, height: rowH, rx: n.kind === 'people' ? rowH / 2 : n.kind === 'model' ? 8 : 0,
          fill: lit ? '#f6e9e4' : chartColors.paper, stroke: lit ? chartColors.accent : chartColors.muted,
          'stroke-width': lit ? 2.5 : n.kind === 'model' ? 2 : 1.25,
        }),
        svgEl(doc, 'text', { x: 10, y: 18.5, 'font-weight': lit ? 700 : 500, fill: chartColors.ink }, [wrapLabel(n.label, 30, 1)[0]!]),
        svgEl(doc, 'text', { x: boxW - 10, y: 18, 'text-anchor': 'end', 'font-size': 12, 'letter-spacing': '0.02em', fill: chartColors.muted }, [n.kind.toUpperCase()]),
      ]),
    );
  }
  const legend = svgEl(doc, 'g', { 'aria-label': 'legend', transform: `translate(1,${legendY})`, 'font-size': 13 });
  (Object.keys(DASH) as LineageRelation[]).forEach((relation, i) => {
    const x = (i % 2) * 176;
    const y = Math.floor(i / 2) * 20 + 8;
    legend.append(
      svgEl(doc, 'line', { x1: x, x2: x + 30, y1: y, y2: y, stroke: chartColors.muted, 'stroke-width': 2, 'stroke-dasharray': DASH[relation] }),
      svgEl(doc, 'text', { x: x + 36, y: y + 4.5, fill: chartColors.ink }, [relation]),
    );
  });
  svg.append(edgeGroup, nodeGroup, legend);
  return finishSvg(svg, options);
}
