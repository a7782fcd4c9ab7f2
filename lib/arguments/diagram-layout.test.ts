import { describe, expect, it } from 'vitest';
import { buildArgumentView, type ArgumentAnnotation } from './build-argument-view';
import { layoutDiagram, NODE_WIDTH } from './diagram-layout';

const a = (id: string, paragraph: number, tags: string[]): ArgumentAnnotation => ({
  id,
  tags,
  exact: id,
  paragraph,
  anchor: `p-${paragraph}`,
  authorName: 'Ada',
});

describe('layoutDiagram', () => {
  it('puts claims on the right, what bears on them on the left, each in document order', () => {
    const view = buildArgumentView(
      [
        a('f', 1, ['framing']),
        a('c1', 2, ['claim']),
        a('e', 3, ['evidence']),
        a('c2', 4, ['claim']),
        a('x', 5, ['evidence']),
      ],
      [
        { id: 'l1', fromId: 'e', toId: 'c1', relation: 'supports', note: '' },
        { id: 'l2', fromId: 'f', toId: 'c1', relation: 'frames', note: '' },
        { id: 'l3', fromId: 'c1', toId: 'c2', relation: 'supports', note: '' },
      ],
    );
    const layout = layoutDiagram(view);
    // the unlinked evidence x is no node
    expect(layout.nodes.map((n) => [n.id, n.column])).toEqual([
      ['f', 'sources'],
      ['c1', 'claims'],
      ['e', 'sources'],
      ['c2', 'claims'],
    ]);
    const [f, c1, e, c2] = layout.nodes;
    expect(f.y).toBeLessThan(e.y);
    expect(c1.y).toBeLessThan(c2.y);
    expect(c1.x).toBeGreaterThan(f.x + NODE_WIDTH);
    expect(layout.edges.map((edge) => edge.id)).toEqual(['l1', 'l2', 'l3']);
    // an arrow between columns starts at the source's right edge and ends at the claim's left edge
    expect(layout.edges[0].d).toMatch(new RegExp(`^M ${e.x + NODE_WIDTH} .* ${c1.x} ${c1.y + 24}$`));
    // claim to claim bows out on the right
    expect(layout.edges[2].d.startsWith(`M ${c1.x + NODE_WIDTH} `)).toBe(true);
    expect(layout.width).toBeGreaterThan(c1.x + NODE_WIDTH);
  });

  it('draws an empty diagram when there is nothing to draw', () => {
    const layout = layoutDiagram(buildArgumentView([], []));
    expect(layout.nodes).toEqual([]);
    expect(layout.height).toBeGreaterThan(0);
  });
});
