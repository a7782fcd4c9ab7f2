import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isAdminEmail, parseAdminEmails } from '@/lib/documents/administrators';
import { sharedCache } from '../change-feed';
import { db, rawSql } from '../db';
import { forbidden, notFound } from '../errors';
import type { Reader } from '../session';
import { readerMemberships } from './memberships';

// The one place that decides who sees an article and who manages it (docs/design.md,
// "Articles: owner, audience, reading lists"). Every page and route that takes a document
// id or slug resolves it through `resolveVisibleDocument`; the library lists through
// `documentScope`. An article a reader may not see does not exist for them: 404, never 403.
//
// A reader sees an article when
// 1. they own it (archived or not: they may restore it);
// 2. they have annotated it (an archived article stays readable and exportable by those
//    who wrote on it; a reading removed from a list does not take their notes away);
// 3. it is not archived and it is public, or on the reading list of a seminar they belong to.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The articles a reader sees, as a query. */
export function documentScope(reader: Pick<Reader, 'id'>): Prisma.DocumentWhereInput {
  return {
    OR: [
      { ownerId: reader.id },
      { annotations: { some: { authorId: reader.id, deletedAt: null } } },
      {
        archivedAt: null,
        OR: [
          { audience: 'PUBLIC' },
          { readings: { some: { group: { memberships: { some: { userId: reader.id } } } } } },
        ],
      },
    ],
  };
}

/** Whether `reader` is an administrator (their email is listed in `ADMIN_EMAILS`). */
export function isAdministrator(reader: Pick<Reader, 'email'>): boolean {
  return isAdminEmail(parseAdminEmails(process.env.ADMIN_EMAILS), reader.email);
}

export interface VisibleDocument {
  id: string;
  currentVersionId: string | null;
  ownerId: string | null;
  audience: 'PRIVATE' | 'PUBLIC';
  archivedAt: Date | null;
}

interface CachedDocument extends VisibleDocument {
  /** the seminars whose reading list has it */
  readingGroupIds: readonly string[];
}

// Every write names its document, so the row and its reading lists are cached per process
// and dropped through the change feed when the document or a reading of it changes
// (lib/server/change-feed.ts, docs/adr/0011). Keyed by the id or slug as asked.
const documents = sharedCache<CachedDocument>('documents', 5_000, (entries, kind, key) => {
  if (kind !== 'document' && kind !== 'reading') return;
  if (key === null) entries.clear();
  else for (const [k, doc] of entries) if (doc.id === key) entries.delete(k);
});

async function loadDocument(idOrSlug: string): Promise<CachedDocument | null> {
  const row = await db.document.findFirst({
    where: UUID.test(idOrSlug) ? { OR: [{ id: idOrSlug }, { slug: idOrSlug }] } : { slug: idOrSlug },
    select: {
      id: true,
      currentVersionId: true,
      ownerId: true,
      audience: true,
      archivedAt: true,
      readings: { select: { groupId: true } },
    },
  });
  if (!row) return null;
  const { readings, ...doc } = row;
  return { ...doc, readingGroupIds: readings.map((r) => r.groupId) };
}

/** `documentScope` for one known article, from cached rows where it can be. */
async function sees(reader: Pick<Reader, 'id'>, doc: CachedDocument): Promise<boolean> {
  if (doc.ownerId === reader.id) return true;
  if (doc.archivedAt === null) {
    if (doc.audience === 'PUBLIC') return true;
    if (doc.readingGroupIds.length > 0) {
      const groups = new Set((await readerMemberships(reader)).map((m) => m.groupId));
      if (doc.readingGroupIds.some((g) => groups.has(g))) return true;
    }
  }
  const annotated = await rawSql()`
    SELECT 1 FROM "annotations"
    WHERE "documentId" = ${doc.id}::uuid AND "authorId" = ${reader.id} AND "deletedAt" IS NULL LIMIT 1`;
  return annotated.length > 0;
}

/** The article behind an id or slug if the reader sees it; 404 otherwise. */
export async function resolveVisibleDocument(
  reader: Pick<Reader, 'id'>,
  idOrSlug: string,
): Promise<VisibleDocument> {
  const doc = await documents.get(idOrSlug, () => loadDocument(idOrSlug));
  if (!doc || !(await sees(reader, doc))) throw notFound('The document');
  return {
    id: doc.id,
    currentVersionId: doc.currentVersionId,
    ownerId: doc.ownerId,
    audience: doc.audience,
    archivedAt: doc.archivedAt,
  };
}

/**
 * Who may revise, archive, restore, delete or re-share an article: its owner; a public
 * article (whoever imported it) and one whose owner is gone, only an administrator. No one
 * else, whatever groups they facilitate: a revision moves every reader's annotations.
 */
export function manageRefusal(
  reader: Pick<Reader, 'id' | 'email'>,
  doc: Pick<VisibleDocument, 'ownerId' | 'audience'>,
): string | null {
  if (doc.audience === 'PUBLIC' || doc.ownerId === null)
    return isAdministrator(reader) ? null : 'Only an administrator can change a public article.';
  if (doc.ownerId === reader.id) return null;
  return 'Only the reader who owns this article can change it.';
}

/** The visible article, if the reader may manage it: 404 when unseen, 403 when only seen. */
export async function requireManager(reader: Reader, idOrSlug: string): Promise<VisibleDocument> {
  const doc = await resolveVisibleDocument(reader, idOrSlug);
  const refusal = manageRefusal(reader, doc);
  if (refusal) throw forbidden(refusal);
  return doc;
}
