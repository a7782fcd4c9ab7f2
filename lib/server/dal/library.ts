import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { LibraryDocument, Library, LibraryQuery, UpdateDocumentInput } from '@/lib/library/schemas';
import { db } from '../db';
import { conflict, forbidden } from '../errors';
import type { Reader } from '../session';
import { isAdministrator, manageRefusal, requireManager, resolveVisibleDocument } from './document-access';
import { readerMemberships } from './memberships';
import { readingsOf } from './readings';

// The reader's library in sections (docs/design.md, "Articles: owner, audience, reading
// lists"), and what an article's owner (or, for a public one, an administrator) may do to it.

const ORDER: Record<LibraryQuery['sort'], Prisma.DocumentOrderByWithRelationInput[]> = {
  recent: [{ updatedAt: 'desc' }, { id: 'asc' }],
  oldest: [{ createdAt: 'asc' }, { id: 'asc' }],
  title: [{ title: 'asc' }, { id: 'asc' }],
};

const librarySelect = {
  id: true,
  slug: true,
  title: true,
  updatedAt: true,
  ownerId: true,
  audience: true,
  archivedAt: true,
  currentVersion: {
    select: { number: true, _count: { select: { blocks: { where: { kind: 'PARAGRAPH' } } } } },
  },
} satisfies Prisma.DocumentSelect;

type LibraryRow = Prisma.DocumentGetPayload<{ select: typeof librarySelect }>;

export async function getLibrary(reader: Reader, query: LibraryQuery): Promise<Library> {
  const titleMatch: Prisma.DocumentWhereInput = query.q
    ? { title: { contains: query.q, mode: 'insensitive' } }
    : {};
  const memberships = await readerMemberships(reader);
  const [lists, mine, shared] = await Promise.all([
    readingsOf(memberships.map((m) => m.groupId)),
    db.document.findMany({
      where: { ownerId: reader.id, ...titleMatch },
      orderBy: ORDER[query.sort],
      select: librarySelect,
    }),
    db.document.findMany({
      where: {
        audience: 'PUBLIC',
        archivedAt: null,
        // NOT (ownerId = me) would drop the ownerless sample article (NULL)
        OR: [{ ownerId: null }, { ownerId: { not: reader.id } }],
        ...titleMatch,
      },
      orderBy: ORDER[query.sort],
      select: librarySelect,
    }),
  ]);
  const counts = await annotationCounts(
    reader,
    [...mine, ...shared].map((d) => d.id),
  );
  const q = query.q?.toLowerCase();
  return {
    readingLists: memberships.map((m) => ({
      groupId: m.groupId,
      groupName: m.groupName,
      role: m.role,
      readings: (lists.get(m.groupId) ?? []).filter((r) => !q || r.title.toLowerCase().includes(q)),
    })),
    mine: mine.map((row) => libraryDocument(reader, row, counts)),
    public: shared.map((row) => libraryDocument(reader, row, counts)),
  };
}

async function annotationCounts(reader: Reader, documentIds: string[]) {
  if (documentIds.length === 0) return { own: new Map<string, number>(), others: new Set<string>() };
  const rows = await db.annotation.groupBy({
    by: ['documentId', 'authorId'],
    where: { documentId: { in: documentIds }, deletedAt: null },
    _count: { _all: true },
  });
  const own = new Map<string, number>();
  const others = new Set<string>();
  for (const row of rows) {
    if (row.authorId === reader.id) own.set(row.documentId, row._count._all);
    else others.add(row.documentId);
  }
  return { own, others };
}

function libraryDocument(
  reader: Reader,
  row: LibraryRow,
  counts: { own: Map<string, number>; others: Set<string> },
): LibraryDocument {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    version: row.currentVersion?.number ?? 0,
    paragraphs: row.currentVersion?._count.blocks ?? 0,
    updatedAt: row.updatedAt.toISOString(),
    audience: row.audience === 'PUBLIC' ? 'public' : 'private',
    archived: row.archivedAt !== null,
    owned: row.ownerId === reader.id,
    canManage: manageRefusal(reader, row) === null,
    yourAnnotations: counts.own.get(row.id) ?? 0,
    othersAnnotated: counts.others.has(row.id),
  };
}

/** Archives or restores an article (its manager: the owner, or an administrator for a
 * public one), or changes who sees it (an administrator's, for an article they can see). */
export async function updateDocument(reader: Reader, idOrSlug: string, input: UpdateDocumentInput) {
  const doc = await resolveVisibleDocument(reader, idOrSlug);
  const audience =
    input.audience === undefined ? undefined : input.audience === 'public' ? 'PUBLIC' : 'PRIVATE';
  const reshare = audience !== undefined && audience !== doc.audience;
  if (reshare && !isAdministrator(reader))
    throw forbidden('Only an administrator can make an article public or take it back.');
  if (input.archived !== undefined) {
    const refusal = manageRefusal(reader, doc);
    if (refusal) throw forbidden(refusal);
  }
  if (audience === 'PRIVATE' && reshare && doc.ownerId === null)
    throw conflict('This article has no owner; private, it would be visible to no one but its seminars.');
  const archivedAt = input.archived === undefined ? undefined : input.archived ? new Date() : null;
  const archiveChange = archivedAt !== undefined && (archivedAt === null) !== (doc.archivedAt === null);
  await db.document.update({
    where: { id: doc.id },
    data: { ...(reshare ? { audience } : {}), ...(archiveChange ? { archivedAt } : {}) },
  });
  const [row] = await db.document.findMany({ where: { id: doc.id }, select: librarySelect });
  return libraryDocument(reader, row, await annotationCounts(reader, [doc.id]));
}

/** Deletes an article with its versions and the owner's own annotations, only when no one
 * else has annotated it: nothing another reader wrote disappears (archive it instead). */
export async function deleteDocument(reader: Reader, idOrSlug: string) {
  const doc = await requireManager(reader, idOrSlug);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "documents" WHERE "id" = ${doc.id}::uuid FOR UPDATE`;
    const others = await tx.annotation.count({
      where: { documentId: doc.id, deletedAt: null, NOT: { authorId: reader.id } },
    });
    if (others > 0)
      throw conflict(
        `Other readers have ${others} ${others === 1 ? 'annotation' : 'annotations'} on this article; archive it instead.`,
      );
    const annotations = await tx.annotation.count({ where: { documentId: doc.id, deletedAt: null } });
    // annotations pin their version (ON DELETE RESTRICT): they go first, soft-deleted ones too
    await tx.annotation.deleteMany({ where: { documentId: doc.id } });
    const gone = await tx.document.delete({ where: { id: doc.id }, select: { id: true, title: true } });
    return { deleted: { ...gone, annotations } };
  });
}
