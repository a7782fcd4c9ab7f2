import Link from 'next/link';
import { formatImportTime } from '@/lib/format/date-formats';

export interface VersionItem {
  number: number;
  title: string;
  importedAt: string;
  paragraphs: number;
  current: boolean;
}

/** Every version of a document, newest first; earlier ones open read-only in the reader. */
export function VersionList({ slug, versions }: { slug: string; versions: VersionItem[] }) {
  return (
    <section className="import-versions-section" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <ol className="import-versions" reversed>
        {[...versions].reverse().map((v) => (
          <li key={v.number}>
            <Link href={v.current ? `/documents/${slug}` : `/documents/${slug}?version=${v.number}`}>
              Version {v.number}
            </Link>
            {v.current && <span className="import-current">current</span>}{' '}
            <span className="muted">
              · “{v.title}” · {v.paragraphs} {v.paragraphs === 1 ? 'paragraph' : 'paragraphs'} · imported{' '}
              <time dateTime={v.importedAt}>{formatImportTime(new Date(v.importedAt))} UTC</time>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
