// Where the argument diagram draws its nodes and arrows: claims in the right-hand column,
// what bears on them (evidence, framing…) in the left-hand one, each in document order; an
// arrow between the columns is a curve, one within a column bows out beside it. Pure, so
// the page renders it on the server as plain SVG.
import type { ArgumentView } from './build-argument-view';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 48;
const GAP = 18;
const MARGIN = 70;
const BETWEEN = 200;

export interface DiagramNode {
  id: string;
  x: number;
  y: number;
  column: 'claims' | 'sources';
  paragraph: number | null;
  anchor: string;
  tags: readonly string[];
  exact: string;
}

export interface DiagramEdge {
  id: string;
  fromId: string;
  toId: string;
  relation: string;
  inCycle: boolean;
  /** an SVG path from the source's edge to the target's */
  d: string;
}

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

export function layoutDiagram(view: Pick<ArgumentView, 'nodes' | 'links'>): DiagramLayout {
  const rows = { claims: 0, sources: 0 };
  const left = MARGIN;
  const right = MARGIN + NODE_WIDTH + BETWEEN;
  const nodes = view.nodes.map((a): DiagramNode => {
    const column = a.tags.includes('claim') ? 'claims' : 'sources';
    const y = GAP + rows[column]++ * (NODE_HEIGHT + GAP);
    return {
      id: a.id,
      x: column === 'claims' ? right : left,
      y,
      column,
      paragraph: a.paragraph,
      anchor: a.anchor,
      tags: a.tags,
      exact: a.exact,
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = view.links.flatMap((link): DiagramEdge[] => {
    const from = byId.get(link.fromId);
    const to = byId.get(link.toId);
    if (!from || !to) return [];
    return [{ ...link, d: pathBetween(from, to) }];
  });
  const height = GAP + Math.max(rows.claims, rows.sources, 1) * (NODE_HEIGHT + GAP);
  return { width: right + NODE_WIDTH + MARGIN, height, nodes, edges };
}

function pathBetween(from: DiagramNode, to: DiagramNode): string {
  const fy = from.y + NODE_HEIGHT / 2;
  const ty = to.y + NODE_HEIGHT / 2;
  if (from.column !== to.column) {
    const forward = from.x < to.x;
    const fx = forward ? from.x + NODE_WIDTH : from.x;
    const tx = forward ? to.x : to.x + NODE_WIDTH;
    const mid = (fx + tx) / 2;
    return `M ${fx} ${fy} C ${mid} ${fy}, ${mid} ${ty}, ${tx} ${ty}`;
  }
  // Within a column: out of the outer side and back in, further out the further apart.
  const outer = from.column === 'claims';
  const x = outer ? from.x + NODE_WIDTH : from.x;
  const bow = (outer ? 1 : -1) * Math.min(MARGIN - 8, 24 + Math.abs(ty - fy) / 6);
  return `M ${x} ${fy} C ${x + bow} ${fy}, ${x + bow} ${ty}, ${x} ${ty}`;
}
