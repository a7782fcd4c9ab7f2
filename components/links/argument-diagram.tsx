import type { ArgumentView } from '@/lib/arguments/build-argument-view';
import { layoutDiagram, NODE_HEIGHT, NODE_WIDTH } from '@/lib/arguments/diagram-layout';
import type { RelationView } from '@/lib/links/schemas';

// The argument as a diagram: claims on the right, what bears on them on the left, arrows
// coloured AND dashed by relation (solid, dashed, dotted), so colour is never the only
// signal. The drawing is hidden from assistive technology; the page gives its text
// equivalent (the same sentences as the claim list) right after it. Clicking a node goes
// to its passage in the reader; keyboard users have the same links in the lists.

const DASH: Record<RelationView['line'], string | undefined> = {
  solid: undefined,
  dashed: '9 5',
  dotted: '2 5',
};

const FALLBACK: Pick<RelationView, 'color' | 'line' | 'name'> = { color: '#4b5563', line: 'solid', name: '' };

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function RelationKey({ relation }: { relation: Pick<RelationView, 'color' | 'line'> }) {
  return (
    <span
      className="relation-key"
      aria-hidden="true"
      style={{ borderTopColor: relation.color, borderTopStyle: relation.line }}
    />
  );
}

export function ArgumentDiagram({
  view,
  styleOf,
  slug,
}: {
  view: Pick<ArgumentView, 'nodes' | 'links'>;
  styleOf: (relation: string) => Pick<RelationView, 'color' | 'line' | 'name'> | undefined;
  slug: string;
}) {
  const layout = layoutDiagram(view);
  const relations = [...new Set(layout.edges.map((e) => e.relation))];
  const markerId = (relation: string) => `arrow-${relation}`;
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      aria-hidden="true"
      focusable="false"
      data-testid="argument-diagram"
    >
      <defs>
        {relations.map((r) => (
          <marker
            key={r}
            id={markerId(r)}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill={(styleOf(r) ?? FALLBACK).color} />
          </marker>
        ))}
      </defs>
      {layout.edges.map((edge) => {
        const style = styleOf(edge.relation) ?? FALLBACK;
        return (
          <path
            key={edge.id}
            d={edge.d}
            fill="none"
            stroke={style.color}
            strokeWidth={edge.inCycle ? 3.5 : 2.5}
            strokeDasharray={DASH[style.line]}
            markerEnd={`url(#${markerId(edge.relation)})`}
            data-relation={edge.relation}
          >
            <title>{`${style.name || edge.relation}${edge.inCycle ? ' (part of a cycle)' : ''}`}</title>
          </path>
        );
      })}
      {layout.nodes.map((node) => {
        const claim = node.column === 'claims';
        return (
          <a key={node.id} href={`/documents/${slug}#${node.anchor}`} tabIndex={-1}>
            <rect
              x={node.x}
              y={node.y}
              width={NODE_WIDTH}
              height={NODE_HEIGHT}
              rx={8}
              fill={claim ? '#fff7ed' : '#ffffff'}
              stroke={claim ? '#b45309' : '#6b7280'}
              strokeWidth={claim ? 2 : 1.5}
            />
            <text x={node.x + 10} y={node.y + 19} fontSize="13" fontWeight="700" fill="#1f2328">
              {`${node.paragraph === null ? '' : `¶${node.paragraph} · `}${node.tags.join(', ')}`}
            </text>
            <text x={node.x + 10} y={node.y + 37} fontSize="12" fill="#1f2328">
              {`“${clip(node.exact, 30)}”`}
            </text>
          </a>
        );
      })}
    </svg>
  );
}
