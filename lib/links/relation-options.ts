import type { RelationView } from './schemas';

/** The relations a link shared with `groupId` (null: private) may use, in the pickers'
 * order: the defaults, each replaced by the group's own of the same slug (a facilitator's
 * renaming), then the group's others. Retired ones are left out. */
export function relationsFor(relations: readonly RelationView[], groupId: string | null): RelationView[] {
  const own = groupId ? relations.filter((r) => r.groupId === groupId && !r.retired) : [];
  const bySlug = new Map(own.map((r) => [r.slug, r]));
  const defaults = relations
    .filter((r) => r.groupId === null && !r.retired)
    .map((r) => bySlug.get(r.slug) ?? r);
  const shown = new Set(defaults.map((r) => r.id));
  return [...defaults, ...own.filter((r) => !shown.has(r.id))];
}

/** How a link's relation reads: the name its group gave it, or the default's. */
export function relationName(
  relations: readonly RelationView[],
  slug: string,
  groupId: string | null,
): string {
  return (
    relations.find((r) => r.slug === slug && r.groupId === groupId && groupId !== null)?.name ??
    relations.find((r) => r.slug === slug && r.groupId === null)?.name ??
    relations.find((r) => r.slug === slug)?.name ??
    slug
  );
}
