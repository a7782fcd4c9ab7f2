import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type {
  CreateLinkInput,
  LinkQuery,
  LinkView,
  RelationView,
  UpdateLinkInput,
} from '@/lib/links/schemas';
import { LINKS_PER_DOCUMENT_MAX } from '@/lib/limits';
import { db } from '../db';
import { AppError, forbidden, notFound } from '../errors';
import type { Reader } from '../session';
import { annotationScope, groupToShareWith, type AnnotationScope } from './annotation-access';
import { documentScope } from './document-access';
import { resolveDocumentId } from './documents';
import { canSeeLink, linkScopeWhere } from './link-access';
import { readerMemberships } from './memberships';
import { listRelationsForReader, relationSelect, resolveRelationId, toRelationView } from './relation-types';

// Argument links: "annotation A <relation> annotation B". Who sees one is decided in
// link-access.ts (both ends, and the link's own audience); only its author changes it.

const linkSelect = {
  id: true,
  documentId: true,
  fromId: true,
  toId: true,
  note: true,
  authorId: true,
  groupId: true,
  visibility: true,
  createdAt: true,
  updatedAt: true,
  relation: { select: relationSelect },
  author: { select: { id: true, name: true } },
  group: { select: { id: true, name: true } },
} as const satisfies Prisma.AnnotationLinkSelect;

type LinkRow = Prisma.AnnotationLinkGetPayload<{ select: typeof linkSelect }>;

function toLinkView(row: LinkRow, reader: Pick<Reader, 'id'>): LinkView {
  const mine = row.authorId === reader.id;
  return {
    id: row.id,
    documentId: row.documentId,
    fromId: row.fromId,
    toId: row.toId,
    relation: row.relation.slug,
    note: row.note,
    author: row.author,
    group: row.group,
    visibility: row.visibility === 'GROUP' ? 'group' : 'private',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: { edit: mine, delete: mine },
  };
}

function groupWhere(query: LinkQuery): Prisma.AnnotationLinkWhereInput {
  if (query.group === 'private') return { groupId: null };
  if (query.group) return { groupId: query.group };
  return {};
}

/** The links a scope's reader sees, with their relation types (for views and exports). */
export async function visibleLinks(
  scope: AnnotationScope,
  query: LinkQuery = {},
): Promise<{ links: LinkView[]; relations: RelationView[] }> {
  const rows = await db.annotationLink.findMany({
    where: { AND: [linkScopeWhere(scope), groupWhere(query)] },
    orderBy: { createdAt: 'asc' },
    take: LINKS_PER_DOCUMENT_MAX,
    select: linkSelect,
  });
  const relations = new Map<string, RelationView>();
  for (const r of await listRelationsForReader(
    scope.reader,
    scope.memberships.map((m) => m.groupId),
  ))
    relations.set(r.id, r);
  for (const row of rows) relations.set(row.relation.id, toRelationView(row.relation));
  return { links: rows.map((row) => toLinkView(row, scope.reader)), relations: [...relations.values()] };
}

export async function listLinks(reader: Reader, documentIdOrSlug: string, query: LinkQuery) {
  const documentId = await resolveDocumentId(reader, documentIdOrSlug);
  return visibleLinks(await annotationScope(reader, documentId), query);
}

/** An end the reader may link: visible to them (rule 1), on the document, not deleted. */
async function loadEnd(scope: AnnotationScope, id: string, field: 'fromId' | 'toId') {
  const row = await db.annotation.findFirst({
    where: { id, deletedAt: null, documentId: scope.where.documentId },
    select: { id: true, authorId: true, groupId: true, hiddenAt: true },
  });
  if (
    !row ||
    !canSeeLink(scope, { authorId: scope.reader.id, groupId: null }, [
      { authorId: row.authorId, groupId: row.groupId, hidden: row.hiddenAt !== null },
    ])
  )
    throw new AppError('NOT_FOUND', 'The annotation was not found.', {
      [field]: 'Not an annotation you can see on this document.',
    });
  return row;
}

async function loadLink(reader: Reader, id: string) {
  const row = await db.annotationLink.findFirst({
    where: { id, document: documentScope(reader) },
    select: linkSelect,
  });
  if (!row) throw notFound('The link');
  const scope = await annotationScope(reader, row.documentId);
  const visible = await db.annotationLink.count({ where: { AND: [{ id }, linkScopeWhere(scope)] } });
  if (visible === 0) throw notFound('The link');
  return { row, scope };
}

export async function createLink(
  reader: Reader,
  documentIdOrSlug: string,
  input: CreateLinkInput,
): Promise<LinkView> {
  const documentId = await resolveDocumentId(reader, documentIdOrSlug);
  const memberships = await readerMemberships(reader);
  const scope = await annotationScope(reader, documentId, memberships);
  await loadEnd(scope, input.fromId, 'fromId');
  await loadEnd(scope, input.toId, 'toId');
  const groupId = groupToShareWith(memberships, input.groupId);
  const relationId = await resolveRelationId(input.relation, groupId);
  // Linking the same two annotations the same way twice gives back the first link.
  const existing = await db.annotationLink.findFirst({
    where: { fromId: input.fromId, toId: input.toId, relationId, authorId: reader.id, groupId },
    select: linkSelect,
  });
  if (existing) return toLinkView(existing, reader);
  const row = await db.annotationLink.create({
    data: {
      documentId,
      fromId: input.fromId,
      toId: input.toId,
      relationId,
      note: input.note ?? '',
      authorId: reader.id,
      groupId,
      visibility: groupId ? 'GROUP' : 'PRIVATE',
    },
    select: linkSelect,
  });
  return toLinkView(row, reader);
}

async function loadOwnLink(reader: Reader, id: string) {
  const { row, scope } = await loadLink(reader, id);
  if (row.authorId !== reader.id) throw forbidden('Only its author can change this link.');
  return { row, scope };
}

export async function updateLink(reader: Reader, id: string, input: UpdateLinkInput): Promise<LinkView> {
  const { row, scope } = await loadOwnLink(reader, id);
  const groupId =
    input.groupId === undefined ? row.groupId : groupToShareWith(scope.memberships, input.groupId);
  const relationId =
    input.relation !== undefined || groupId !== row.groupId
      ? await resolveRelationId(input.relation ?? row.relation.slug, groupId)
      : row.relation.id;
  const updated = await db.annotationLink.update({
    where: { id },
    data: {
      relationId,
      groupId,
      visibility: groupId ? 'GROUP' : 'PRIVATE',
      ...(input.note !== undefined ? { note: input.note } : {}),
    },
    select: linkSelect,
  });
  return toLinkView(updated, reader);
}

export async function deleteLink(reader: Reader, id: string): Promise<void> {
  await loadOwnLink(reader, id);
  await db.annotationLink.delete({ where: { id } });
}
