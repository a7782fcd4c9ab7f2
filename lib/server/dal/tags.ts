import 'server-only';
import type { TagView } from '@/lib/annotations/types';
import { db } from '../db';
import type { Reader } from '../session';
import { readerMemberships } from './memberships';

const tagSelect = { id: true, slug: true, name: true, color: true, underline: true, groupId: true, retiredAt: true } as const;

function toView(row: { id: string; slug: string; name: string; color: string; underline: TagView['underline']; groupId: string | null; retiredAt: Date | null }): TagView {
  return { id: row.id, slug: row.slug, name: row.name, color: row.color, underline: row.underline, groupId: row.groupId, retired: row.retiredAt !== null };
}

/** The default tags plus the tags of every group the reader belongs to. */
export async function listTagsForReader(reader: Reader, groupIds?: string[]): Promise<TagView[]> {
  const ids = groupIds ?? (await readerMemberships(reader)).map((m) => m.groupId);
  const rows = await db.tag.findMany({
    where: { OR: [{ groupId: null }, { groupId: { in: ids } }] },
    orderBy: [{ groupId: { sort: 'asc', nulls: 'first' } }, { position: 'asc' }, { createdAt: 'asc' }],
    select: tagSelect,
  });
  return rows.map(toView);
}

/** Resolves tag slugs for an annotation in `groupId` (null = private: default tags only).
 * Unknown or retired slugs are reported by name. */
export async function resolveTagIds(slugs: string[], groupId: string | null): Promise<{ ids: string[]; unknown: string[] }> {
  const unique = [...new Set(slugs)];
  const rows = await db.tag.findMany({
    where: { slug: { in: unique }, retiredAt: null, OR: [{ groupId: null }, ...(groupId ? [{ groupId }] : [])] },
    select: { id: true, slug: true, groupId: true },
  });
  // A group tag shadows a default of the same name inside that group.
  const bySlug = new Map<string, string>();
  for (const row of rows.sort((a, b) => (a.groupId === null ? -1 : 1) - (b.groupId === null ? -1 : 1))) bySlug.set(row.slug, row.id);
  return { ids: unique.flatMap((s) => (bySlug.has(s) ? [bySlug.get(s)!] : [])), unknown: unique.filter((s) => !bySlug.has(s)) };
}
