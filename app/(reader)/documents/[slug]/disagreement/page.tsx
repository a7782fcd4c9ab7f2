import Link from 'next/link';
import { notFound } from 'next/navigation';
import { describeAlpha } from '@/lib/arguments/agreement';
import { getDisagreements } from '@/lib/server/dal/arguments';
import { readerMemberships } from '@/lib/server/dal/memberships';
import { listTagsForReader } from '@/lib/server/dal/tags';
import { AppError } from '@/lib/server/errors';
import { requireReader } from '@/lib/server/session';
import { LiveRefresh } from '@/components/links/live-refresh';
import { SeminarFilter } from '@/components/links/seminar-filter';
import { TagStyles, TagSwatch } from '@/components/reader/tag-styles';
import '@/components/links/links.css';

export const metadata = { title: 'Where readers disagree' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ group?: string }> };

const percent = (x: number) => `${Math.round(x * 100)}%`;

export default async function DisagreementPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { group } = await searchParams;
  const reader = await requireReader(`/documents/${slug}/disagreement${group ? `?group=${group}` : ''}`);
  const memberships = await readerMemberships(reader);
  const groups = memberships.map((m) => ({ id: m.groupId, name: m.groupName }));
  const current = groups.some((g) => g.id === group) ? group : undefined;
  const [page, tags] = await Promise.all([
    getDisagreements(reader, slug, { group: current }),
    listTagsForReader(
      reader,
      groups.map((g) => g.id),
    ),
  ]).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const { document, agreement, disagreements } = page;
  const tagOf = (s: string) => tags.find((t) => t.slug === s) ?? { slug: s, name: s };

  return (
    <main id="main" className="page disagreement-page">
      <TagStyles tags={tags} />
      <p>
        <Link href={`/documents/${document.slug}`}>← {document.title}</Link>
      </p>
      <h1>Where readers disagree: “{document.title}”</h1>
      <SeminarFilter groups={groups} current={current} />
      <LiveRefresh documentId={document.id} what="The disagreements" />
      <p className="muted">
        Passages several readers highlighted and tagged differently, the most divided first.{' '}
        <Link href={`/documents/${document.slug}/argument${current ? `?group=${current}` : ''}`}>
          The argument
        </Link>
      </p>

      <section aria-labelledby="agreement-heading" className="disagreement-figure">
        <h2 id="agreement-heading">Agreement on tags</h2>
        {agreement.alpha === null && agreement.observed === null ? (
          <p>Not enough yet: no passage has been highlighted by two readers.</p>
        ) : (
          <>
            <p>
              <span className="figure">
                α = {agreement.alpha === null ? '—' : agreement.alpha.toFixed(2)}
              </span>{' '}
              ({describeAlpha(agreement.alpha)}), over {agreement.units}{' '}
              {agreement.units === 1 ? 'passage' : 'passages'} highlighted by at least two of{' '}
              {agreement.raters} readers.
              {agreement.observed !== null && (
                <> Readers gave a shared passage the same tag in {percent(agreement.observed)} of pairs.</>
              )}
            </p>
            <details>
              <summary>How this is computed</summary>
              <p>
                Two highlights by different readers form one passage when they overlap by at least{' '}
                {percent(page.threshold)} of the shorter one. Each reader’s first tag on a passage is their
                reading of it. The figure is Krippendorff’s alpha for categories: 1 minus the disagreement
                observed between pairs of readers on the same passage, divided by the disagreement expected if
                the same tags had been handed out at random. 1 means everyone agrees, 0 means no more
                agreement than chance, below 0 means readers systematically disagree. Readers who did not
                highlight a passage simply do not count for it; passages only one reader highlighted are left
                out. Krippendorff suggests reading 0.8 and above as reliable agreement, 0.667 to 0.8 as
                tentative.
              </p>
            </details>
          </>
        )}
      </section>

      <section aria-labelledby="passages-heading">
        <h2 id="passages-heading">Passages tagged differently</h2>
        {disagreements.length === 0 ? (
          <p>No passage has been tagged differently by two readers yet.</p>
        ) : (
          <ol className="disagreement-list">
            {disagreements.map((p) => (
              <li key={`${p.start}-${p.end}`} className="disagreement-passage">
                <h3>
                  <a href={`/documents/${document.slug}#${p.anchor}`}>
                    {p.paragraph === null ? 'Passage' : `¶${p.paragraph}`}
                  </a>
                  {': '}
                  {p.tagCounts.map((t) => `${tagOf(t.tag).name} (${t.readers})`).join(' · ')}
                </h3>
                <table className="disagreement-readings">
                  <caption className="visually-hidden">
                    Each reader’s tag and note on {p.paragraph === null ? 'this passage' : `¶${p.paragraph}`}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Reader</th>
                      <th scope="col">Tag</th>
                      <th scope="col">Passage</th>
                      <th scope="col">Note</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.readings.map((r) => (
                      <tr key={r.id}>
                        <th scope="row">{r.readerName}</th>
                        <td>
                          {r.tags.map((t) => (
                            <TagSwatch key={t} tag={tagOf(t)} />
                          ))}
                        </td>
                        <td>
                          <blockquote>“{r.exact}”</blockquote>
                        </td>
                        <td>{r.note || <span className="muted">No note</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
