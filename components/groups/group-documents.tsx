import Link from 'next/link';
import type { GroupDocumentView } from '@/lib/groups/types';

export function GroupDocuments({ groupId, documents }: { groupId: string; documents: GroupDocumentView[] }) {
  if (documents.length === 0)
    return <p className="empty">The library is empty. Import an article to start reading.</p>;
  return (
    <ul className="groups-documents">
      {documents.map((doc) => (
        <li key={doc.id}>
          <Link href={`/documents/${doc.slug}?group=${groupId}`}>{doc.title}</Link>
          <span className="muted">
            {' '}
            · {doc.annotationCount} {doc.annotationCount === 1 ? 'annotation' : 'annotations'} shared with the
            group
          </span>
        </li>
      ))}
    </ul>
  );
}
