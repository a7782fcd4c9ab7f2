import 'server-only';
import type { TagView } from '@/lib/annotations/types';
import { sharedCache } from '../change-feed';
import { db } from '../db';
import type { Reader } from '../session';
import { readerMemberships } from './memberships';

const tagSelect = {
  id: true,
  slug: true,
  name: true,
  color: true,
  underline: true,
  groupId: true,
  retiredAt: true,
} as const;

function toView(row: {
  id: string;
  slug: string;
  name: string;
  color: string;
  underline: TagView['underline'];
  groupId: string | null;
  retiredAt: Date | null;
}): TagView {
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

type TagIds = ReadonlyMap<string, { id: string; position: number }>;

// The usable tags of each group (and the defaults, under ''), cached per process and dropped
// through the change feed when a tag of that group changes (lib/server/change-feed.ts).
const usableTags = sharedCache<TagIds>('tags', 5_000, (entries, kind, key) => {
  if (kind === 'group' || (kind === 'tag' && key === null)) entries.clear();
  else if (kind === 'tag') entries.delete(key!);
});

function tagsOf(groupId: string | null): Promise<TagIds> {
  return usableTags.get(groupId ?? '', async () => {
    const rows = await db.tag.findMany({
      where: { groupId, retiredAt: null },
      select: { id: true, slug: true, position: true },
    });
    return new Map(rows.map((r) => [r.slug, { id: r.id, position: r.position }]));
  });
}

/** Resolves tag slugs for an annotation in `groupId` (null = private: default tags only).
 * Unknown or retired slugs are reported by name. A group tag shadows a default of the
 * same name inside that group. */
export async function resolveTagIds(
  slugs: string[],
  groupId: string | null,
): Promise<{ ids: string[]; unknown: string[]; positions: Map<string, number> }> {
  const unique = [...new Set(slugs)];
  const bySlug = new Map<string, { id: string; position: number }>(await tagsOf(null));
  if (groupId) for (const [slug, tag] of await tagsOf(groupId)) bySlug.set(slug, tag);
  const known = unique.filter((s) => bySlug.has(s));
  return {
    ids: known.map((s) => bySlug.get(s)!.id),
    unknown: unique.filter((s) => !bySlug.has(s)),
    positions: new Map(known.map((s) => [s, bySlug.get(s)!.position])),
  };
}
