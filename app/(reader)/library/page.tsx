import Link from 'next/link';
import { DocumentCard } from '@/components/library/document-card';
import { LibrarySearch } from '@/components/library/library-search';
import { formatDueDate } from '@/lib/library/due-date';
import { libraryQuerySchema } from '@/lib/library/schemas';
import { getLibrary } from '@/lib/server/dal/library';
import { requireReader } from '@/lib/server/session';

export const metadata = { title: 'Library' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LibraryPage({ searchParams }: Props) {
  const reader = await requireReader('/library');
  const raw = await searchParams;
  const parsed = libraryQuerySchema.safeParse({
    q: typeof raw.q === 'string' && raw.q.trim() !== '' ? raw.q : undefined,
    sort: typeof raw.sort === 'string' ? raw.sort : undefined,
  });
  const query = parsed.success ? parsed.data : { sort: 'recent' as const };
  const library = await getLibrary(reader, query);
  return (
    <main id="main" className="page library">
      <div className="page-head">
        <h1>Library</h1>
        <Link className="button" href="/import">
          Import an article
        </Link>
      </div>
      <LibrarySearch query={query} />

      <section className="library-section" aria-labelledby="library-seminars">
        <h2 id="library-seminars">Seminar readings</h2>
        {library.readingLists.length === 0 ? (
          <p className="empty">
            You are in no seminar yet. <Link href="/groups">Create or join one</Link>.
          </p>
        ) : (
          library.readingLists.map((list) => (
            <div key={list.groupId} className="library-seminar">
              <h3>
                <Link href={`/groups/${list.groupId}`}>{list.groupName}</Link>
              </h3>
              {list.readings.length === 0 ? (
                <p className="empty">{query.q ? 'No reading matches.' : 'No readings yet.'}</p>
              ) : (
                <ol className="reading-list" aria-label={`${list.groupName} reading list`}>
                  {list.readings.map((reading) => (
                    <li key={reading.id}>
                      <Link href={`/documents/${reading.slug}?group=${list.groupId}`}>{reading.title}</Link>
                      {reading.dueDate && (
                        <span className="muted"> · due {formatDueDate(reading.dueDate)}</span>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </div>
          ))
        )}
      </section>

      <section className="library-section" aria-labelledby="library-mine">
        <h2 id="library-mine">My articles</h2>
        {library.mine.length === 0 ? (
          <p className="empty">
            {query.q
              ? 'None of your articles matches.'
              : 'Articles you import are private to you until you put them on a seminar’s reading list.'}
          </p>
        ) : (
          <ul className="document-list" aria-label="My articles">
            {library.mine.map((doc) => (
              <DocumentCard key={doc.id} doc={doc} />
            ))}
          </ul>
        )}
      </section>

      <section className="library-section" aria-labelledby="library-public">
        <h2 id="library-public">Public articles</h2>
        {library.public.length === 0 ? (
          <p className="empty">{query.q ? 'No public article matches.' : 'No public articles.'}</p>
        ) : (
          <ul className="document-list" aria-label="Public articles">
            {library.public.map((doc) => (
              <DocumentCard key={doc.id} doc={doc} />
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
