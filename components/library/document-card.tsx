import Link from 'next/link';
import type { LibraryDocument } from '@/lib/library/schemas';
import { DocumentActions } from './document-actions';

export function DocumentCard({ doc }: { doc: LibraryDocument }) {
  return (
    <li className="document-card">
      <Link href={`/documents/${doc.slug}`} className="document-link">
        {doc.title}
      </Link>
      <p className="muted">
        {doc.archived && <strong className="library-badge">Archived</strong>} {doc.paragraphs} paragraphs ·
        version {doc.version} · {doc.audience === 'public' ? 'public' : 'private'}
      </p>
      {doc.canManage && <DocumentActions doc={doc} />}
    </li>
  );
}
