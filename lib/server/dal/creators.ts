import 'server-only';
import { userIri } from '@/lib/export/iris';
import { jsonLdContext } from '@/lib/export/jsonld';
import type { JsonLd } from '@/lib/w3c/protocol';
import { db } from '../db';
import { notFound } from '../errors';
import type { Reader } from '../session';

// A creator's IRI in W3C exports (/users/{id}) as a foaf/as Person with a name only: never
// the email. It exists for a reader who could meet that person's name in the app: themself,
// a fellow member of a seminar, or the author of an annotation or reply in one of the
// reader's seminars (a departed "Former member" included). Anyone else: 404.

export async function getCreatorJsonLd(reader: Reader, userId: string, baseUrl: string): Promise<JsonLd> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true } });
  if (!user) throw notFound('The person');
  if (user.id !== reader.id) {
    const groups = (
      await db.membership.findMany({ where: { userId: reader.id }, select: { groupId: true } })
    ).map((m) => m.groupId);
    const inMyGroups = { groupId: { in: groups }, deletedAt: null };
    const [member, annotation, reply] =
      groups.length === 0
        ? [0, 0, 0]
        : await Promise.all([
            db.membership.count({ where: { userId, groupId: { in: groups } } }),
            db.annotation.count({ where: { authorId: userId, ...inMyGroups } }),
            db.reply.count({ where: { authorId: userId, deletedAt: null, annotation: inMyGroups } }),
          ]);
    if (member + annotation + reply === 0) throw notFound('The person');
  }
  return {
    '@context': jsonLdContext(baseUrl),
    id: userIri(baseUrl, user.id),
    type: 'Person',
    name: user.name,
  };
}
