import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { ReaderApp } from '@/components/reader/reader-app';
import { getDocument } from '@/lib/server/dal/documents';
import { readerMemberships } from '@/lib/server/dal/memberships';
import { revisePermission } from '@/lib/server/dal/versions';
import { listTagsForReader } from '@/lib/server/dal/tags';
import { AppError } from '@/lib/server/errors';
import { requireReader } from '@/lib/server/session';
import { highlightsApi } from '@/lib/client/endpoints';
import { articleHtmlFor } from '@/lib/server/article-html-cache';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ version?: string; group?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug.replace(/-/g, ' ') };
}

export default async function DocumentPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { version, group } = await searchParams;
  const reader = await requireReader(`/documents/${slug}`);
  const wanted = version && /^\d+$/.test(version) ? Number(version) : undefined;
  const view = await getDocument(reader, slug, { version: wanted }).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const memberships = await readerMemberships(reader);
  const past = view.document.version !== view.document.currentVersion;
  const [tags, permission] = await Promise.all([
    listTagsForReader(
      reader,
      memberships.map((m) => m.groupId),
    ),
    revisePermission(reader, view.document.id),
  ]);
  return (
    <main id="main" className="reader-page">
      {/* The highlights come separately (compact, cacheable): the browser starts fetching them
          while the article's text is already on screen and the scripts load. A <link> element,
          which React hoists into the HTML's <head>; react-dom's preload() called here only
          reached the client in the flight data, read once the scripts ran (profiled). */}
      {!past && (
        <link rel="preload" as="fetch" crossOrigin="anonymous" href={highlightsApi.path(view.document.id)} />
      )}
      <ReaderApp
        document={{
          id: view.document.id,
          slug: view.document.slug,
          title: view.document.title,
          version: view.document.version,
          currentVersion: view.document.currentVersion,
        }}
        blocks={view.blocks}
        articleHtml={articleHtmlFor(view.document.versionId, view.blocks)}
        tags={tags}
        reader={{ id: reader.id, name: reader.name }}
        groups={memberships.map((m) => ({ id: m.groupId, name: m.groupName }))}
        canRevise={permission.allowed}
        initialGroup={memberships.some((m) => m.groupId === group) ? group : undefined}
        facilitatedGroups={memberships
          .filter((m) => m.role === 'FACILITATOR')
          .map((m) => ({ id: m.groupId, name: m.groupName }))}
      />
    </main>
  );
}
