import 'server-only';
import type { AnnotationView } from '@/lib/annotations/types';
import { db } from '../db';
import { documentScope } from './document-access';
import { forbidden, notFound } from '../errors';
import type { Reader } from '../session';
import { annotationScope, canSee, roleIn } from './annotation-access';
import { getAnnotation } from './annotations';

/** A facilitator hides (or shows again) an annotation shared with their group. Hidden
 * notes are withheld from other members by toAnnotationView; the author and the
 * facilitators still see them. Someone who cannot see the annotation gets 404. */
export async function setAnnotationHidden(
  reader: Reader,
  id: string,
  hidden: boolean,
): Promise<AnnotationView> {
  const row = await db.annotation.findFirst({
    where: { id, deletedAt: null, document: documentScope(reader) },
    select: { id: true, authorId: true, groupId: true, documentId: true, hiddenAt: true, updatedAt: true },
  });
  if (!row) throw notFound('The annotation');
  const scope = await annotationScope(reader, row.documentId);
  if (!canSee(scope, row)) throw notFound('The annotation');
  if (roleIn(scope, row.groupId) !== 'FACILITATOR')
    throw forbidden('Only a facilitator of its group can hide or show an annotation.');
  if ((row.hiddenAt !== null) !== hidden) {
    // Hiding is moderation, not an edit: the note's "updated" time and its version
    // (which the author's next edit must match) stay as they are.
    await db.annotation.update({
      where: { id },
      data: hidden
        ? { hiddenAt: new Date(), hiddenById: reader.id, updatedAt: row.updatedAt }
        : { hiddenAt: null, hiddenById: null, updatedAt: row.updatedAt },
    });
  }
  return getAnnotation(reader, id);
}
