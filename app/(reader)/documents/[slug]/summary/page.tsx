import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDocument } from '@/lib/server/dal/documents';
import { readerMemberships } from '@/lib/server/dal/memberships';
import { readingSummary } from '@/lib/server/dal/reading-summary';
import { listTagsForReader } from '@/lib/server/dal/tags';
import { AppError } from '@/lib/server/errors';
import { requireReader } from '@/lib/server/session';
import { TagStyles, TagSwatch } from '@/components/reader/tag-styles';

export const metadata = { title: 'Reading summary' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ group?: string }> };

export default async function SummaryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { group } = await searchParams;
  const reader = await requireReader(`/documents/${slug}/summary${group ? `?group=${group}` : ''}`);
  const memberships = (await readerMemberships(reader)).filter((m) => m.role === 'FACILITATOR');
  const groupId = group ?? memberships[0]?.groupId;
  const load = async () => {
    if (!groupId) notFound();
    return Promise.all([
      getDocument(reader, slug),
      readingSummary(reader, slug, groupId),
      listTagsForReader(reader, [groupId]),
    ]);
  };
  const [view, rows, tags] = await load().catch((error) => {
    if (error instanceof AppError && (error.status === 404 || error.status === 403)) notFound();
    throw error;
  });
  const groupName = memberships.find((m) => m.groupId === groupId)?.groupName ?? 'Group';
  const max = Math.max(1, ...rows.map((r) => r.annotations));
  const usedTags = tags.filter((t) => rows.some((r) => r.byTag[t.slug]));
  const dateFormat = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <main id="main" className="page">
      <TagStyles tags={tags} />
      <p>
        <Link href={`/documents/${view.document.slug}`}>← {view.document.title}</Link>
      </p>
      <h1>Reading summary: {groupName}</h1>
      {memberships.length > 1 && (
        <nav aria-label="Other groups" className="muted">
          Groups:{' '}
          {memberships.map((m) => (
            <Link
              key={m.groupId}
              href={`?group=${m.groupId}`}
              aria-current={m.groupId === groupId ? 'page' : undefined}
              style={{ marginRight: '0.75rem' }}
            >
              {m.groupName}
            </Link>
          ))}
        </nav>
      )}
      <table className="summary-table">
        <caption className="visually-hidden">Annotations per reader on {view.document.title}</caption>
        <thead>
          <tr>
            <th scope="col">Reader</th>
            <th scope="col">Annotations</th>
            {usedTags.map((t) => (
              <th scope="col" key={t.slug}>
                <TagSwatch tag={t} />
              </th>
            ))}
            <th scope="col">Replies</th>
            <th scope="col">Last activity</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.userId}>
              <th scope="row">
                {r.name} {r.role === 'FACILITATOR' && <span className="muted">(facilitator)</span>}
              </th>
              <td>
                <span
                  className="summary-bar"
                  style={{ width: `${Math.round((r.annotations / max) * 8)}rem` }}
                  aria-hidden="true"
                />{' '}
                {r.annotations}
              </td>
              {usedTags.map((t) => (
                <td key={t.slug}>{r.byTag[t.slug] ?? 0}</td>
              ))}
              <td>{r.replies}</td>
              <td>
                {r.lastActivity ? (
                  <time dateTime={r.lastActivity}>{dateFormat.format(new Date(r.lastActivity))}</time>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
