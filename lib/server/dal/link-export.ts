import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { LINKS_PER_DOCUMENT_MAX } from '@/lib/limits';
import type { ExportLink } from '@/lib/w3c/links';
import { db } from '../db';
import type { AnnotationScope } from './annotation-access';
import { linkScopeWhere } from './link-access';

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
