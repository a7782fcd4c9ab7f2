import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReviseForm } from '@/components/import/revise-form';
import { VersionList } from '@/components/import/version-list';
import { resolveDocumentId } from '@/lib/server/dal/documents';
import { listVersions, revisePermission } from '@/lib/server/dal/versions';
import { AppError } from '@/lib/server/errors';
import { requireReader } from '@/lib/server/session';

type Props = { params: Promise<{ slug: string }> };

export const metadata = { title: 'Upload a revised version' };

export default async function RevisePage({ params }: Props) {
  const { slug } = await params;
  const reader = await requireReader(`/documents/${slug}/revise`);
  const documentId = await resolveDocumentId(reader, slug).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const [versions, permission] = await Promise.all([
    listVersions(reader, documentId),
    revisePermission(reader, documentId),
  ]);
  const current = versions.find((v) => v.current) ?? versions[versions.length - 1];
  return (
    <main id="main" className="page import-page">
      <h1>Upload a revised version</h1>
      <p className="import-lead">
        of <Link href={`/documents/${slug}`}>{current.title}</Link>, now at version {current.number}.
      </p>
      {permission.allowed ? (
        <>
          <p className="muted">
            Annotations follow their text into the new version. Those whose text is gone become orphans: they
            are kept, with the text they were made on, and can be re-attached.
          </p>
          <ReviseForm documentId={documentId} slug={slug} currentTitle={current.title} />
        </>
      ) : (
        <p className="notice">{permission.reason}</p>
      )}
      <VersionList slug={slug} versions={versions} />
    </main>
  );
}
