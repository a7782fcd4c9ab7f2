import 'server-only';
import type postgres from 'postgres';
import type { ExportSourceRow } from './export-annotation';

// What the export cursor's rows carry besides their own columns, read beside the cursor:
// the replies of a batch in one query (on another connection, while the cursor reads the
// next batch), and the tags' slugs and order once per export. Both belong to rows the
// cursor already allowed (annotation-access.ts, rule 1), so they need no scope of their own.

type Reply = ExportSourceRow['replies'][number];

/** The live replies of these annotations, by annotation, oldest first. */
export async function repliesOf(sql: postgres.Sql, annotationIds: string[]): Promise<Map<string, Reply[]>> {
  const rows = await sql<(Reply & { annotationId: string })[]>`
    SELECT r."annotationId", r."id", r."authorId", coalesce(r."attribution", u."name", '') AS "authorName",
           r."bodyJson", r."bodyText", r."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
           r."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt", r."hiddenAt" IS NOT NULL AS "hidden"
    FROM "replies" r LEFT JOIN "users" u ON u."id" = r."authorId"
    WHERE r."annotationId" = ANY(${annotationIds}::uuid[]) AND r."deletedAt" IS NULL
    ORDER BY r."annotationId", r."createdAt", r."id"`;
  const byAnnotation = new Map<string, Reply[]>();
  for (const { annotationId, ...reply } of rows) {
    const list = byAnnotation.get(annotationId);
    if (list) list.push(reply);
    else byAnnotation.set(annotationId, [reply]);
  }
  return byAnnotation;
}

/** Tag ids → slugs in the tag pickers' order ("position", then "slug", as PostgreSQL sorts
 * them), read when a batch brings a tag not seen before in this export. */
export class TagOrder {
  private known = new Map<string, { slug: string; rank: number }>();

  constructor(private sql: postgres.Sql) {}

  async learn(rows: { tagIds: string[] }[]): Promise<void> {
    const unseen = new Set<string>();
    for (const row of rows) for (const id of row.tagIds) if (!this.known.has(id)) unseen.add(id);
    if (unseen.size === 0) return;
    const ids = [...this.known.keys(), ...unseen];
    const tags = await this.sql<{ id: string; slug: string }[]>`
      SELECT "id", "slug" FROM "tags" WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "position", "slug"`;
    this.known = new Map(tags.map((t, rank) => [t.id, { slug: t.slug, rank }]));
  }

  /** The slugs of a row's tags, in order. */
  slugs(tagIds: string[]): string[] {
    const tags = tagIds.flatMap((id) => this.known.get(id) ?? []);
    if (tags.length > 1) tags.sort((a, b) => a.rank - b.rank);
    return tags.map((t) => t.slug);
  }
}
