import 'server-only';
import type { TagView } from '@/lib/annotations/types';
import type { CreateTagInput, UpdateTagInput } from '@/lib/groups/schemas';
import { sameTagName, slugifyTagName } from '@/lib/groups/tag-style';
import { db } from '../db';
import { AppError, notFound } from '../errors';
import type { Reader } from '../session';
import { isUniqueViolation, isUuid, requireFacilitator, requireMember } from './group-access';

// A group's own tags, besides the three defaults. Retired tags stay on the
// annotations that carry them but cannot be picked for new ones (resolveTagIds
// in tags.ts skips them).

export const groupTagSelect = {
  id: true,
  slug: true,
  name: true,
  color: true,
  underline: true,
  groupId: true,
  retiredAt: true,
} as const;

type TagRow = {
  id: string;
  slug: string;
  name: string;
  color: string;
  underline: TagView['underline'];
  groupId: string | null;
  retiredAt: Date | null;
};

export function toTagView(row: TagRow): TagView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    color: row.color,
    underline: row.underline,
    groupId: row.groupId,
    retired: row.retiredAt !== null,
  };
}

/** Group tags sit after the defaults (positions 1–3) in every tag list. */
const FIRST_GROUP_POSITION = 10;

const duplicate = (message: string) => new AppError('CONFLICT', message, { name: message });

async function checkNameFree(groupId: string, name: string, slug: string, exceptId?: string) {
  const rows = await db.tag.findMany({
    where: { OR: [{ groupId: null }, { groupId }], ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { slug: true, name: true, groupId: true, retiredAt: true },
  });
  const clash = rows.find((t) => t.slug === slug || sameTagName(t.name, name));
  if (!clash) return;
  if (clash.groupId === null)
    throw duplicate(`“${clash.name}” is one of the default tags; pick another name.`);
  if (clash.retiredAt)
    throw duplicate(`A retired tag is called “${clash.name}”; restore it, or pick another name.`);
  throw duplicate(`This group already has a tag called “${clash.name}”.`);
}

export async function listGroupTags(reader: Reader, groupId: string): Promise<TagView[]> {
  await requireMember(reader, groupId);
  const rows = await db.tag.findMany({
    where: { groupId },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    select: groupTagSelect,
  });
  return rows.map(toTagView);
}

export async function createGroupTag(
  reader: Reader,
  groupId: string,
  input: CreateTagInput,
): Promise<TagView> {
  await requireFacilitator(reader, groupId, 'add tags');
  const slug = slugifyTagName(input.name);
  await checkNameFree(groupId, input.name, slug);
  const last = await db.tag.aggregate({ where: { groupId }, _max: { position: true } });
  try {
    const row = await db.tag.create({
      data: {
        groupId,
        slug,
        name: input.name,
        color: input.color,
        underline: input.underline,
        position: Math.max(FIRST_GROUP_POSITION, (last._max.position ?? 0) + 1),
      },
      select: groupTagSelect,
    });
    return toTagView(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate('This group already has a tag with this name.');
    throw error;
  }
}

/** Rename (the slug follows the name), restyle, retire or restore a group tag. */
export async function updateGroupTag(
  reader: Reader,
  groupId: string,
  tagId: string,
  input: UpdateTagInput,
): Promise<TagView> {
  await requireFacilitator(reader, groupId, 'change tags');
  const existing = isUuid(tagId)
    ? await db.tag.findFirst({ where: { id: tagId, groupId }, select: { id: true, name: true } })
    : null;
  if (!existing) throw notFound('That tag');
  const rename = input.name !== undefined && input.name !== existing.name;
  const slug = rename ? slugifyTagName(input.name!) : undefined;
  if (rename) await checkNameFree(groupId, input.name!, slug!, tagId);
  try {
    const row = await db.tag.update({
      where: { id: tagId },
      data: {
        ...(rename ? { name: input.name, slug } : {}),
        color: input.color,
        underline: input.underline,
        ...(input.retired === undefined ? {} : { retiredAt: input.retired ? new Date() : null }),
      },
      select: groupTagSelect,
    });
    return toTagView(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate('This group already has a tag with this name.');
    throw error;
  }
}
