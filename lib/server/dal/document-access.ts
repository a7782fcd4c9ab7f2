import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isAdminEmail, parseAdminEmails } from '@/lib/documents/administrators';
import { db } from '../db';
import { forbidden, notFound } from '../errors';
import type { Reader } from '../session';

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

/** The article behind an id or slug if the reader sees it; 404 otherwise. */
export async function resolveVisibleDocument(reader: Pick<Reader, 'id'>, idOrSlug: string) {
  const row = await db.document.findFirst({
    where: {
      AND: [
        UUID.test(idOrSlug) ? { OR: [{ id: idOrSlug }, { slug: idOrSlug }] } : { slug: idOrSlug },
        documentScope(reader),
      ],
    },
    select: { id: true, currentVersionId: true, ownerId: true, audience: true, archivedAt: true },
  });
  if (!row) throw notFound('The document');
  return row satisfies VisibleDocument;
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
