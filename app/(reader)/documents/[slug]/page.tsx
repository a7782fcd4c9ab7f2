import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { ArticleBlock } from '@/components/reader/article-block';
import { getDocument } from '@/lib/server/dal/documents';
import { AppError } from '@/lib/server/errors';
import { requireReader } from '@/lib/server/session';
import { labelBlocks } from '@/lib/reader/block-labels';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ version?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug.replace(/-/g, ' ') };
}

export default async function DocumentPage({ params }: Props) {
  const { slug } = await params;
  const reader = await requireReader(`/documents/${slug}`);
  const view = await getDocument(reader, slug).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const labels = labelBlocks(view.blocks);
  return (
    <main id="main" className="reader-page">
      <article className="article" aria-label={view.document.title}>
        {view.blocks.map((block) => (
          <ArticleBlock key={block.anchor} block={block} label={labels.get(block.anchor)!} />
        ))}
      </article>
    </main>
  );
}
