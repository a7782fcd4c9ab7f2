import 'server-only';
import { validateTarget } from '@/lib/anchoring/validate-target';
import { targetColumns } from '@/lib/annotations/target-columns';
import type { CreateAnnotationInput } from '@/lib/annotations/schemas';
import { isEmptyNote, parseNote } from '@/lib/notes';
import type { Prisma } from '@/lib/generated/prisma/client';
import { invalid, notFound } from '../errors';
import type { Reader } from '../session';
import { groupToShareWith } from './annotation-access';
import { readerMemberships, type MembershipInfo } from './memberships';
import { resolveTagIds } from './tags';
import { currentVersionOf, getVersionIndex } from './version-index';

// The checks an annotation's input passes before it is written, shared by creating and
// editing (annotations.ts, annotation-update.ts). They read from the per-process caches.

export function checkNote(note: unknown): { json: Prisma.JsonObject | null; text: string } {
  if (note === undefined || note === null) return { json: null, text: '' };
  const parsed = parseNote(note);
  if (!parsed.ok) throw invalid(parsed.message, { note: parsed.message });
  if (isEmptyNote(parsed.doc)) return { json: null, text: '' };
  return { json: parsed.doc as unknown as Prisma.JsonObject, text: parsed.text };
}

export async function checkGroup(
  reader: Reader,
  groupId: string | null | undefined,
  memberships?: MembershipInfo[],
): Promise<string | null> {
  if (!groupId) return null;
  return groupToShareWith(memberships ?? (await readerMemberships(reader)), groupId);
}

export async function checkTags(slugs: string[], groupId: string | null) {
  const resolved = await resolveTagIds(slugs, groupId);
  if (resolved.unknown.length > 0) {
    const message = `Unknown tag: ${resolved.unknown.join(', ')}.`;
    throw invalid(message, { tags: message });
  }
  return resolved;
}

export async function checkTarget(
  documentId: string,
  input: CreateAnnotationInput['target'],
  versionId?: string,
) {
  const current = versionId ? { versionId } : await currentVersionOf(documentId);
  if (!current) throw notFound('The document');
  const { index } = await getVersionIndex(current.versionId);
  const result = validateTarget(index, input);
  if (!result.ok) throw invalid('The selected passage does not match the document.', result.fields);
  return { versionId: current.versionId, ...targetColumns(index, result.target) };
}
