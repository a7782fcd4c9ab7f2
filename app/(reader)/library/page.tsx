import Link from 'next/link';
import { listDocuments } from '@/lib/server/dal/documents';
import { requireReader } from '@/lib/server/session';

export const metadata = { title: 'Library' };

export default async function LibraryPage() {
  const reader = await requireReader('/library');
  const documents = await listDocuments(reader);
  return (
    <main id="main" className="page library">
      <div className="page-head">
        <h1>Library</h1>
        <Link className="button" href="/import">
          Import an article
        </Link>
      </div>
      {documents.length === 0 ? (
        <p className="empty">No articles yet. Import one to start reading.</p>
      ) : (
        <ul className="document-list" aria-label="Documents">
          {documents.map((doc) => (
            <li key={doc.id} className="document-card">
              <Link href={`/documents/${doc.slug}`} className="document-link">
                {doc.title}
              </Link>
              <p className="muted">
                {doc.paragraphs} paragraphs · version {doc.version}
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
