import 'server-only';
import { createHash } from 'node:crypto';
import type postgres from 'postgres';
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

// One row as an array (postgres.js `.values()`): no object per row.
type HighlightRow = [
  id: string,
  startIndex: number,
  startOffset: number,
  endIndex: number,
  endOffset: number,
  authorId: string,
  groupId: string | null,
  hidden: boolean,
  /** tag ids joined by commas, from the (annotationId, tagId) index alone (a text, because
   * postgres.js parses a uuid[] a character at a time: most of this query's JavaScript) */
  tagIds: string,
];

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
  const stateQuery = sql<{ live: number; checksum: string }[]>`
    SELECT count(*) FILTER (WHERE a."deletedAt" IS NULL)::int AS "live",
           coalesce(sum(hashtext(concat_ws('|', a."id", a."rev", a."status", a."versionId", a."updatedAt",
             a."hiddenAt", a."deletedAt"))::bigint), 0)::text AS "checksum"
    FROM "annotations" a WHERE a."documentId" = ${doc.id} AND ${visible}`;
  // Names and tag slugs are read once per author, group and tag (lookups below), not per row;
  // a row's tags come from the (annotationId, tagId) index without touching "tags".
  const rowsQuery = async () =>
    (await sql`
    SELECT a."id", a."startIndex", a."startOffset", a."endIndex", a."endOffset", a."authorId", a."groupId",
           a."hiddenAt" IS NOT NULL AS "hidden",
           (SELECT coalesce(string_agg(x."tagId"::text, ','), '') FROM "annotation_tags" x WHERE x."annotationId" = a."id") AS "tagIds"
    FROM "annotations" a
    WHERE a."documentId" = ${doc.id} AND a."deletedAt" IS NULL AND a."versionId" = ${doc.versionId}
      AND a."status" <> 'ORPHANED' AND ${visible}
    ORDER BY a."startIndex", a."startOffset", a."createdAt"`.values()) as unknown as HighlightRow[];
  const versionQuery = sql<{ number: number }[]>`
    SELECT "number" FROM "document_versions" WHERE "id" = ${doc.versionId}`;
  // With a validator to compare, the state comes first (a match skips the rest); without
  // one, both queries run at once.
  const early = ifNoneMatch ? null : Promise.all([rowsQuery(), versionQuery]);
  early?.catch(() => undefined); // awaited below; a failed state query must not leave it unhandled
  const [state] = await stateQuery;
  const etag = `W/"${createHash('sha1')
    .update(JSON.stringify([doc.versionId, reader.id, [...groupIds].sort(), state.live, state.checksum]))
    .digest('base64url')}"`;
  if (ifNoneMatch && matchesEtag(ifNoneMatch, etag)) return { etag, highlights: null };
  const [rows, version] = await (early ?? Promise.all([rowsQuery(), versionQuery]));
  const tagIds = rows.map((row) => (row[8] === '' ? [] : row[8].split(',')));
  const names = await lookupNames(sql, rows, tagIds);
  return { etag, highlights: toColumns(rows, tagIds, names, version[0]?.number ?? 0, reader.id) };
}

interface Names {
  users: Map<string, string>;
  groups: Map<string, string>;
  tags: Map<string, { slug: string; position: number }>;
}

/** The names of the rows' authors and groups and their tags' slugs, one query each.
 * `rowTags[i]`: row i's tag ids. */
async function lookupNames(sql: postgres.Sql, rows: HighlightRow[], rowTags: string[][]): Promise<Names> {
  const userIds = new Set<string>();
  const groupIds = new Set<string>();
  const tagIds = new Set<string>();
  rows.forEach((row, i) => {
    userIds.add(row[5]);
    if (row[6] !== null) groupIds.add(row[6]);
    for (const tagId of rowTags[i]) tagIds.add(tagId);
  });
  const [users, groups, tags] = await Promise.all([
    sql<{ id: string; name: string }[]>`SELECT "id", "name" FROM "users" WHERE "id" = ANY(${[...userIds]})`,
    sql<{ id: string; name: string }[]>`
      SELECT "id", "name" FROM "groups" WHERE "id" = ANY(${[...groupIds]}::uuid[])`,
    sql<{ id: string; slug: string; position: number }[]>`
      SELECT "id", "slug", "position" FROM "tags" WHERE "id" = ANY(${[...tagIds]}::uuid[])`,
  ]);
  return {
    users: new Map(users.map((u) => [u.id, u.name])),
    groups: new Map(groups.map((g) => [g.id, g.name])),
    tags: new Map(tags.map((t) => [t.id, { slug: t.slug, position: t.position }])),
  };
}

/** RFC 9110 weak comparison against a list of entity tags (or `*`). */
function matchesEtag(header: string, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

function toColumns(
  rows: HighlightRow[],
  rowTags: string[][],
  names: Names,
  documentVersion: number,
  readerId: string,
): Highlights {
  const out: Highlights = {
    documentVersion,
    tags: [],
    authors: [],
    groups: [],
    ids: new Array(rows.length),
    startBlock: new Array(rows.length),
    startOffset: new Array(rows.length),
    endBlock: new Array(rows.length),
    endOffset: new Array(rows.length),
    tagIndexes: new Array(rows.length),
    author: new Array(rows.length),
    group: new Array(rows.length),
    flags: new Array(rows.length),
  };
  const tagIndex = new Map<string, number>();
  const authorIndex = new Map<string, number>();
  const groupIndex = new Map<string, number>();
  // A row's tags in the tag pickers' order (position, then slug), as the list shows them.
  const byPosition = (a: string, b: string) => {
    const x = names.tags.get(a)!;
    const y = names.tags.get(b)!;
    return x.position - y.position || (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0);
  };
  rows.forEach((row, i) => {
    const [id, startIndex, startOffset, endIndex, endOffset, authorId, groupId, hidden] = row;
    out.ids[i] = id;
    out.startBlock[i] = startIndex;
    out.startOffset[i] = startOffset;
    out.endBlock[i] = endIndex;
    out.endOffset[i] = endOffset;
    const known = rowTags[i].filter((t) => names.tags.has(t));
    if (known.length > 1) known.sort(byPosition);
    out.tagIndexes[i] = known.map((tagId) => {
      const slug = names.tags.get(tagId)!.slug;
      let index = tagIndex.get(slug);
      if (index === undefined) tagIndex.set(slug, (index = out.tags.push(slug) - 1));
      return index;
    });
    let author = authorIndex.get(authorId);
    if (author === undefined) {
      author = out.authors.push({ id: authorId, name: names.users.get(authorId) ?? '' }) - 1;
      authorIndex.set(authorId, author);
    }
    out.author[i] = author;
    let group = -1;
    if (groupId !== null) {
      const found = groupIndex.get(groupId);
      if (found === undefined) {
        group = out.groups.push({ id: groupId, name: names.groups.get(groupId) ?? '' }) - 1;
        groupIndex.set(groupId, group);
      } else group = found;
    }
    out.group[i] = group;
    out.flags[i] = (authorId === readerId ? HIGHLIGHT_MINE : 0) | (hidden ? HIGHLIGHT_HIDDEN : 0);
  });
  return out;
}
