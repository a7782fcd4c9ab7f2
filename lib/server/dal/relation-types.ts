import 'server-only';
import type { CreateRelationInput, RelationView, UpdateRelationInput } from '@/lib/links/schemas';
import { sameTagName, slugifyTagName } from '@/lib/groups/tag-style';
import { db } from '../db';
import { AppError, invalid, notFound } from '../errors';
import type { Reader } from '../session';
import { isUniqueViolation, isUuid, requireFacilitator, requireMember } from './group-access';
import { readerMemberships } from './memberships';

// Relation types of argument links: supports, contradicts, frames and qualifies for everyone,
// plus a seminar's own, managed by its facilitators exactly like group tags (group-tags.ts):
// a group relation of the same slug shadows a default inside that group (a facilitator
// "renames" supports by adding their own "supports"), retired ones stay on their links.

export const relationSelect = {
  id: true,
  slug: true,
  name: true,
  color: true,
  line: true,
  groupId: true,
  retiredAt: true,
} as const;

type RelationRow = {
  id: string;
  slug: string;
  name: string;
  color: string;
  line: RelationView['line'];
  groupId: string | null;
  retiredAt: Date | null;
};

export function toRelationView(row: RelationRow): RelationView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    color: row.color,
    line: row.line,
    groupId: row.groupId,
    retired: row.retiredAt !== null,
  };
}

const FIRST_GROUP_POSITION = 10;
const duplicate = (message: string) => new AppError('CONFLICT', message, { name: message });

/** The defaults plus the relations of the given groups (the reader's, by default). */
export async function listRelationsForReader(reader: Reader, groupIds?: string[]): Promise<RelationView[]> {
  const ids = groupIds ?? (await readerMemberships(reader)).map((m) => m.groupId);
  const rows = await db.relationType.findMany({
    where: { OR: [{ groupId: null }, { groupId: { in: ids } }] },
    orderBy: [{ groupId: { sort: 'asc', nulls: 'first' } }, { position: 'asc' }, { createdAt: 'asc' }],
    select: relationSelect,
  });
  return rows.map(toRelationView);
}

/** The relation a link in `groupId` (null = private: defaults only) may use, by slug. */
export async function resolveRelationId(slug: string, groupId: string | null): Promise<string> {
  const rows = await db.relationType.findMany({
    where: { slug, retiredAt: null, OR: [{ groupId: null }, ...(groupId ? [{ groupId }] : [])] },
    select: { id: true, groupId: true },
  });
  const row = rows.find((r) => r.groupId !== null) ?? rows[0];
  if (!row) throw invalid(`Unknown relation: ${slug}.`, { relation: `Unknown relation: ${slug}.` });
  return row.id;
}

async function checkNameFree(groupId: string, name: string, slug: string, exceptId?: string) {
  const rows = await db.relationType.findMany({
    where: { groupId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { slug: true, name: true, retiredAt: true },
  });
  const clash = rows.find((t) => t.slug === slug || sameTagName(t.name, name));
  if (!clash) return;
  if (clash.retiredAt)
    throw duplicate(`A retired relation is called “${clash.name}”; restore it, or pick another name.`);
  throw duplicate(`This group already has a relation called “${clash.name}”.`);
}

export async function listGroupRelations(reader: Reader, groupId: string): Promise<RelationView[]> {
  await requireMember(reader, groupId);
  const rows = await db.relationType.findMany({
    where: { groupId },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    select: relationSelect,
  });
  return rows.map(toRelationView);
}

export async function createGroupRelation(
  reader: Reader,
  groupId: string,
  input: CreateRelationInput,
): Promise<RelationView> {
  await requireFacilitator(reader, groupId, 'add relations');
  const slug = slugifyTagName(input.name);
  await checkNameFree(groupId, input.name, slug);
  const last = await db.relationType.aggregate({ where: { groupId }, _max: { position: true } });
  try {
    const row = await db.relationType.create({
      data: {
        groupId,
        slug,
        name: input.name,
        color: input.color,
        line: input.line,
        position: Math.max(FIRST_GROUP_POSITION, (last._max.position ?? 0) + 1),
      },
      select: relationSelect,
    });
    return toRelationView(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate('This group already has a relation with this name.');
    throw error;
  }
}

/** Rename (the slug follows the name), restyle, retire or restore a group relation. */
export async function updateGroupRelation(
  reader: Reader,
  groupId: string,
  relationId: string,
  input: UpdateRelationInput,
): Promise<RelationView> {
  await requireFacilitator(reader, groupId, 'change relations');
  const existing = isUuid(relationId)
    ? await db.relationType.findFirst({
        where: { id: relationId, groupId },
        select: { id: true, name: true },
      })
    : null;
  if (!existing) throw notFound('That relation');
  const rename = input.name !== undefined && input.name !== existing.name;
  const slug = rename ? slugifyTagName(input.name!) : undefined;
  if (rename) await checkNameFree(groupId, input.name!, slug!, relationId);
  try {
    const row = await db.relationType.update({
      where: { id: relationId },
      data: {
        ...(rename ? { name: input.name, slug } : {}),
        color: input.color,
        line: input.line,
        ...(input.retired === undefined ? {} : { retiredAt: input.retired ? new Date() : null }),
      },
      select: relationSelect,
    });
    return toRelationView(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate('This group already has a relation with this name.');
    throw error;
  }
}
