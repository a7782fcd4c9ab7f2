import 'server-only';
import { createHash } from 'node:crypto';
import { HIGHLIGHT_HIDDEN, HIGHLIGHT_MINE } from '@/lib/annotations/schemas';
import type { Highlights } from '@/lib/annotations/types';
import { rawSql } from '../db';
import type { Reader } from '../session';
import { annotationScope, authorOrGroupSql } from './annotation-access';
import { findDocumentWithVersion } from './documents';

// The reader page's highlights in one compact payload (docs/adr/0010-highlights-painted-outside-react.md):
// the same annotations `listAnnotations` returns for the current version (rules 1 and 2 of
// annotation-access.ts through `annotationScope`), without notes or quotes, read with one
// raw query, because building 10,000 Prisma views costs most of a second.

interface HighlightRow {
  id: string;
  startIndex: number;
  startOffset: number;
  endIndex: number;
  endOffset: number;
  authorId: string;
  authorName: string;
  groupId: string | null;
  groupName: string | null;
  hidden: boolean;
  tags: string[];
}

export interface HighlightsResult {
  /** weak validator: changes whenever anything in the payload may have changed for this reader */
  etag: string;
  /** null when the caller's `If-None-Match` still matches */
  highlights: Highlights | null;
}

/** The reader's visible annotations on the document's current version, as columns. Pass the
 * request's `If-None-Match` to skip the work when nothing changed (then `highlights` is null). */
export async function listHighlights(
  reader: Reader,
  documentIdOrSlug: string,
  ifNoneMatch?: string | null,
): Promise<HighlightsResult> {
  const doc = await findDocumentWithVersion(reader, documentIdOrSlug);
  const scope = await annotationScope(reader, doc.id);
  const sql = rawSql();
  const groupIds = scope.visibleGroupIds;
  const visible = authorOrGroupSql(sql, scope);
  // A checksum of every row's state (deleted rows too: a deletion must change the validator),
  // since not every write moves "updatedAt" (hiding does not, for one).
  const [state] = await sql<{ live: number; checksum: string }[]>`
    SELECT count(*) FILTER (WHERE a."deletedAt" IS NULL)::int AS "live",
           coalesce(sum(hashtext(concat_ws('|', a."id", a."rev", a."status", a."versionId", a."updatedAt",
             a."hiddenAt", a."deletedAt"))::bigint), 0)::text AS "checksum"
    FROM "annotations" a WHERE a."documentId" = ${doc.id} AND ${visible}`;
  const etag = `W/"${createHash('sha1')
    .update(JSON.stringify([doc.versionId, reader.id, [...groupIds].sort(), state.live, state.checksum]))
    .digest('base64url')}"`;
  if (ifNoneMatch && matchesEtag(ifNoneMatch, etag)) return { etag, highlights: null };
  const [rows, version] = await Promise.all([
    sql<HighlightRow[]>`
      SELECT a."id", a."startIndex", a."startOffset", a."endIndex", a."endOffset", a."authorId",
             u."name" AS "authorName", a."groupId", g."name" AS "groupName", a."hiddenAt" IS NOT NULL AS "hidden",
             coalesce((SELECT array_agg(t."slug" ORDER BY t."position") FROM "annotation_tags" at
                       JOIN "tags" t ON t."id" = at."tagId" WHERE at."annotationId" = a."id"), '{}') AS "tags"
      FROM "annotations" a
      JOIN "users" u ON u."id" = a."authorId"
      LEFT JOIN "groups" g ON g."id" = a."groupId"
      WHERE a."documentId" = ${doc.id} AND a."deletedAt" IS NULL AND a."versionId" = ${doc.versionId}
        AND a."status" <> 'ORPHANED' AND ${visible}
      ORDER BY a."startIndex", a."startOffset", a."createdAt"`,
    sql<{ number: number }[]>`SELECT "number" FROM "document_versions" WHERE "id" = ${doc.versionId}`,
  ]);
  return { etag, highlights: toColumns(rows, version[0]?.number ?? 0, reader.id) };
}

/** RFC 9110 weak comparison against a list of entity tags (or `*`). */
function matchesEtag(header: string, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

function toColumns(rows: HighlightRow[], documentVersion: number, readerId: string): Highlights {
  const out: Highlights = {
    documentVersion,
    tags: [],
    authors: [],
    groups: [],
    ids: [],
    startBlock: [],
    startOffset: [],
    endBlock: [],
    endOffset: [],
    tagIndexes: [],
    author: [],
    group: [],
    flags: [],
  };
  const tagIndex = new Map<string, number>();
  const authorIndex = new Map<string, number>();
  const groupIndex = new Map<string, number>();
  const indexOf = <T>(map: Map<string, number>, list: T[], key: string, make: () => T) => {
    let i = map.get(key);
    if (i === undefined) {
      i = list.push(make()) - 1;
      map.set(key, i);
    }
    return i;
  };
  for (const row of rows) {
    out.ids.push(row.id);
    out.startBlock.push(row.startIndex);
    out.startOffset.push(row.startOffset);
    out.endBlock.push(row.endIndex);
    out.endOffset.push(row.endOffset);
    out.tagIndexes.push(row.tags.map((slug) => indexOf(tagIndex, out.tags, slug, () => slug)));
    out.author.push(
      indexOf(authorIndex, out.authors, row.authorId, () => ({ id: row.authorId, name: row.authorName })),
    );
    out.group.push(
      row.groupId === null
        ? -1
        : indexOf(groupIndex, out.groups, row.groupId, () => ({
            id: row.groupId!,
            name: row.groupName ?? '',
          })),
    );
    out.flags.push((row.authorId === readerId ? HIGHLIGHT_MINE : 0) | (row.hidden ? HIGHLIGHT_HIDDEN : 0));
  }
  return out;
}
