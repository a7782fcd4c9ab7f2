import Link from 'next/link';
import { notFound } from 'next/navigation';
import {
  describeClaim,
  RELATION_ROLES,
  type ArgumentAnnotation,
  type LinkedItem,
} from '@/lib/arguments/build-argument-view';
import { relationName } from '@/lib/links/relation-options';
import { getArgumentView } from '@/lib/server/dal/arguments';
import { readerMemberships } from '@/lib/server/dal/memberships';
import { AppError } from '@/lib/server/errors';
import { requireReader } from '@/lib/server/session';
import { ArgumentDiagram, RelationKey } from '@/components/links/argument-diagram';
import { LiveRefresh } from '@/components/links/live-refresh';
import { SeminarFilter } from '@/components/links/seminar-filter';
import '@/components/links/links.css';

export const metadata = { title: 'Argument' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ group?: string }> };

const HEADINGS = {
  supports: 'Supported by',
  contradicts: 'Contradicted by',
  frames: 'Framed by',
  qualifies: 'Qualified by',
  other: 'Also linked',
} as const;

export default async function ArgumentPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { group } = await searchParams;
  const reader = await requireReader(`/documents/${slug}/argument${group ? `?group=${group}` : ''}`);
  const groups = (await readerMemberships(reader)).map((m) => ({ id: m.groupId, name: m.groupName }));
  const current = groups.some((g) => g.id === group) ? group : undefined;
  const page = await getArgumentView(reader, slug, { group: current }).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const { view, relations, document } = page;
  const groupOfLink = new Map(page.links.map((l) => [l.id, l.group?.id ?? null]));
  const nameOf = (slugOf: string, linkId?: string) =>
    relationName(relations, slugOf, (linkId && groupOfLink.get(linkId)) || current || null);
  const styleOf = (slugOf: string) =>
    relations.find((r) => r.slug === slugOf && r.groupId === (current ?? null)) ??
    relations.find((r) => r.slug === slugOf && r.groupId === null) ??
    relations.find((r) => r.slug === slugOf);
  const href = (a: Pick<ArgumentAnnotation, 'anchor'>) => `/documents/${document.slug}#${a.anchor}`;
  const passage = (a: ArgumentAnnotation) => (
    <>
      <a href={href(a)}>{a.paragraph === null ? 'Passage' : `¶${a.paragraph}`}</a> “{a.exact}”{' '}
      <span className="muted">({a.authorName})</span>
    </>
  );
  const item = ({ link, annotation }: LinkedItem) => (
    <li key={link.id}>
      {passage(annotation)}
      {link.relation in HEADINGS ? null : <span className="muted"> · {nameOf(link.relation, link.id)}</span>}
      {link.note && <div className="muted">Link note: {link.note}</div>}
      {link.inCycle && <div className="muted">Part of a cycle of links.</div>}
    </li>
  );
  const sentences = view.claims.map((c) => describeClaim(c, (s) => nameOf(s)));
  const usedRelations = [...new Set(view.links.map((l) => l.relation))];

  return (
    <main id="main" className="page argument-page">
      <p>
        <Link href={`/documents/${document.slug}`}>← {document.title}</Link>
      </p>
      <h1>The argument of “{document.title}”</h1>
      <SeminarFilter groups={groups} current={current} />
      <LiveRefresh documentId={document.id} what="The argument" />
      <p className="muted">
        Each claim with the passages linked to it. Link a passage from its card in the reader (“Link to…”).{' '}
        <Link href={`/documents/${document.slug}/disagreement${current ? `?group=${current}` : ''}`}>
          Where readers disagree
        </Link>
      </p>

      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">Claims</h2>
        {view.claims.length === 0 ? (
          <p>No passage has been tagged as a claim yet.</p>
        ) : (
          <ol className="argument-claims">
            {view.claims.map((entry) => (
              <li key={entry.claim.id} className="argument-claim">
                <h3>
                  Claim{' '}
                  <a href={href(entry.claim)}>
                    {entry.claim.paragraph === null ? 'outside the paragraphs' : `¶${entry.claim.paragraph}`}
                  </a>
                </h3>
                <blockquote>“{entry.claim.exact}”</blockquote>
                <p className="muted">{entry.claim.authorName}</p>
                {[...RELATION_ROLES, 'other' as const].map((role) =>
                  entry.incoming[role].length === 0 ? null : (
                    <div key={role} className="argument-role">
                      <h4>{HEADINGS[role]}</h4>
                      <ul>{entry.incoming[role].map(item)}</ul>
                    </div>
                  ),
                )}
                {entry.outgoing.length > 0 && (
                  <div className="argument-role">
                    <h4>This claim bears on</h4>
                    <ul>
                      {entry.outgoing.map((o) => (
                        <li key={o.link.id}>
                          {nameOf(o.link.relation, o.link.id)} {passage(o.annotation)}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="diagram-heading">
        <h2 id="diagram-heading">Diagram</h2>
        {usedRelations.length > 0 && (
          <ul className="argument-legend" aria-label="Relations">
            {usedRelations.map((r) => {
              const style = styleOf(r);
              return (
                <li key={r}>
                  {style && <RelationKey relation={style} />}
                  {nameOf(r)}
                </li>
              );
            })}
          </ul>
        )}
        <div className="argument-diagram">
          <ArgumentDiagram view={view} styleOf={styleOf} slug={document.slug} />
        </div>
        <div className="visually-hidden">
          <h3 id="diagram-text">Diagram as text</h3>
          <ol aria-labelledby="diagram-text">
            {sentences.map((s, i) => (
              <li key={view.claims[i].claim.id}>{s}</li>
            ))}
          </ol>
        </div>
      </section>

      <section aria-labelledby="prompts-heading" className="argument-prompts">
        <h2 id="prompts-heading">For discussion</h2>
        <h3>Evidence no one has linked</h3>
        {view.unlinkedEvidence.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul>
            {view.unlinkedEvidence.map((a) => (
              <li key={a.id}>{passage(a)}</li>
            ))}
          </ul>
        )}
        <h3>Claims nothing supports</h3>
        {view.unsupportedClaims.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul>
            {view.unsupportedClaims.map((a) => (
              <li key={a.id}>{passage(a)}</li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
