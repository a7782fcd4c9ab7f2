import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { argumentCsv } from '@/lib/arguments/argument-csv';
import { argumentMarkdown } from '@/lib/arguments/argument-markdown';
import { buildArgumentView, type ArgumentView } from '@/lib/arguments/build-argument-view';
import { LINKS_PER_DOCUMENT_MAX } from '@/lib/limits';
import { labelBlocks } from '@/lib/reader/block-labels';
import type { ExportLink } from '@/lib/w3c/links';
import { db } from '../db';
import type { AnnotationScope } from './annotation-access';
import { linkScopeWhere } from './link-access';
import { currentVersionOf, getVersionIndex } from './version-index';

/** The links an export carries: those the reader sees (link-access.ts) whose two ends are
 * both in the export (`where`, the export's own filter), so every link in a file points at
 * annotations of the same file. */
export async function exportableLinks(
  scope: AnnotationScope,
  where: Prisma.AnnotationWhereInput,
): Promise<ExportLink[]> {
  const rows = await db.annotationLink.findMany({
    where: { AND: [linkScopeWhere(scope), { from: where, to: where }] },
    orderBy: { createdAt: 'asc' },
    take: LINKS_PER_DOCUMENT_MAX,
    select: {
      id: true,
      documentId: true,
      fromId: true,
      toId: true,
      note: true,
      createdAt: true,
      updatedAt: true,
      relation: { select: { slug: true } },
      author: { select: { id: true, name: true } },
      group: { select: { id: true, name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    documentId: r.documentId,
    fromId: r.fromId,
    toId: r.toId,
    relation: r.relation.slug,
    note: r.note,
    author: r.author,
    group: r.group,
    created: r.createdAt,
    updated: r.updatedAt,
  }));
}

/** The argument view of what an export holds (its annotations, `where`, and the links
 * between them the reader sees), or null without links. */
async function exportedArgument(
  scope: AnnotationScope,
  where: Prisma.AnnotationWhereInput,
): Promise<ArgumentView | null> {
  const links = await exportableLinks(scope, where);
  if (links.length === 0) return null;
  const current = await currentVersionOf(scope.where.documentId);
  if (!current) return null;
  const [version, rows] = await Promise.all([
    getVersionIndex(current.versionId),
    db.annotation.findMany({
      where: { AND: [where, { status: { not: 'ORPHANED' } }] },
      orderBy: [{ startIndex: 'asc' }, { startOffset: 'asc' }, { createdAt: 'asc' }],
      take: LINKS_PER_DOCUMENT_MAX,
      select: {
        id: true,
        startBlock: true,
        exact: true,
        author: { select: { name: true } },
        tags: { select: { tag: { select: { slug: true, position: true } } } },
      },
    }),
  ]);
  const labels = labelBlocks(
    version.index.blocks.map((b) => ({ anchor: b.anchor, kind: version.kinds.get(b.anchor) ?? '' })),
  );
  const annotations = rows.map((r) => {
    const label = labels.get(r.startBlock) ?? '';
    return {
      id: r.id,
      tags: [...r.tags].sort((a, b) => a.tag.position - b.tag.position).map((t) => t.tag.slug),
      exact: r.exact,
      paragraph: label.startsWith('¶') ? Number(label.slice(1)) : null,
      anchor: r.startBlock,
      authorName: r.author.name,
    };
  });
  return buildArgumentView(annotations, links);
}

/** The argument view of what a Markdown export holds, as its closing section ('' without links). */
export async function argumentSection(
  scope: AnnotationScope,
  where: Prisma.AnnotationWhereInput,
): Promise<string> {
  const view = await exportedArgument(scope, where);
  return view ? argumentMarkdown(view) : '';
}

/** The same as the CSV export's second table, after a blank record ('' without links). */
export async function argumentCsvSection(
  scope: AnnotationScope,
  where: Prisma.AnnotationWhereInput,
): Promise<string> {
  const view = await exportedArgument(scope, where);
  return view ? argumentCsv(view) : '';
}
