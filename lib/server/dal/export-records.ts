import 'server-only';
import { buildPageText } from '@/lib/export/page-text';
import type { ExportAnnotation } from '@/lib/export/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { labelBlocks } from '@/lib/reader/block-labels';
import { db, rawSql } from '../db';
import type { AnnotationScope } from './annotation-access';
import {
  toExportAnnotation,
  type DocumentInfo,
  type ExportSourceRow,
  type VersionInfo,
} from './export-annotation';
import { getVersionIndex } from './version-index';

// Per-export caches (versions with their page text and labels, names, tags), and the
// batched reader that takes a Prisma where (the account's "all my annotations" export; the
// document exports read one cursor, export-cursor.ts). The rows come through Prisma with
// the caller's where (annotationScope: the one place visibility is decided); their tags,
// replies and names, which belong to rows already allowed, come in one query each.

const rowSelect = {
  id: true,
  versionId: true,
  authorId: true,
  groupId: true,
  visibility: true,
  noteJson: true,
  noteText: true,
  startBlock: true,
  startIndex: true,
  startOffset: true,
  endBlock: true,
  endOffset: true,
  exact: true,
  prefix: true,
  suffix: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  hiddenAt: true,
} as const satisfies Prisma.AnnotationSelect;

/** An annotation as read for an export. */
type ExportAnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof rowSelect }>;
type Cursor = Pick<ExportAnnotationRow, 'startIndex' | 'startOffset' | 'id'>;

export type { DocumentInfo, ExportSourceRow, VersionInfo } from './export-annotation';

/** Per-export caches: version labels and positions, names, tags. */
export class ExportLookups {
  private versions = new Map<string, Promise<VersionInfo>>();
  private names = new Map<string, string>();
  private groups = new Map<string, string>();
  private tags = new Map<string, { slug: string; position: number }>();

  version(versionId: string): Promise<VersionInfo> {
    let info = this.versions.get(versionId);
    if (!info) {
      info = getVersionIndex(versionId).then(({ number, index, kinds }) => {
        const labels = labelBlocks(
          index.blocks.map((b) => ({ anchor: b.anchor, kind: kinds.get(b.anchor) ?? 'PARAGRAPH' })),
        );
        return { id: versionId, number, labels, page: buildPageText(index.blocks) };
      });
      this.versions.set(versionId, info);
    }
    return info;
  }

  async load(userIds: string[], groupIds: string[], tagIds: string[]): Promise<void> {
    const sql = rawSql();
    const users = [...new Set(userIds)].filter((id) => !this.names.has(id));
    const groups = [...new Set(groupIds)].filter((id) => !this.groups.has(id));
    const tags = [...new Set(tagIds)].filter((id) => !this.tags.has(id));
    await Promise.all([
      users.length > 0 &&
        sql<{ id: string; name: string }[]>`SELECT "id", "name" FROM "users" WHERE "id" = ANY(${users})`.then(
          (rows) => rows.forEach((r) => this.names.set(r.id, r.name)),
        ),
      groups.length > 0 &&
        sql<
          { id: string; name: string }[]
        >`SELECT "id", "name" FROM "groups" WHERE "id" = ANY(${groups}::uuid[])`.then((rows) =>
          rows.forEach((r) => this.groups.set(r.id, r.name)),
        ),
      tags.length > 0 &&
        sql<
          { id: string; slug: string; position: number }[]
        >`SELECT "id", "slug", "position" FROM "tags" WHERE "id" = ANY(${tags}::uuid[])`.then((rows) =>
          rows.forEach((r) => this.tags.set(r.id, r)),
        ),
    ]);
  }

  name = (userId: string) => this.names.get(userId) ?? '';
  groupName = (groupId: string) => this.groups.get(groupId) ?? '';
  tag = (tagId: string) => this.tags.get(tagId);
}

function after(c: Cursor): Prisma.AnnotationWhereInput {
  // The redundant lower bound lets PostgreSQL seek in the (documentId, startIndex,
  // startOffset) index instead of filtering every earlier row again at each batch.
  return {
    startIndex: { gte: c.startIndex },
    OR: [
      { startIndex: { gt: c.startIndex } },
      { startIndex: c.startIndex, startOffset: { gt: c.startOffset } },
      { startIndex: c.startIndex, startOffset: c.startOffset, id: { gt: c.id } },
    ],
  };
}

/** Batches in document order, orphans last (as the annotation list shows them). The next
 * batch is requested while the current one is formatted: at most two are in memory. */
async function* rowBatches(
  where: Prisma.AnnotationWhereInput,
  batchSize: number,
): AsyncGenerator<ExportAnnotationRow[]> {
  const page = (phase: Prisma.AnnotationWhereInput, cursor: Cursor | null) =>
    db.annotation.findMany({
      where: { AND: [where, phase, ...(cursor ? [after(cursor)] : [])] },
      orderBy: [{ startIndex: 'asc' }, { startOffset: 'asc' }, { id: 'asc' }],
      take: batchSize,
      select: rowSelect,
    });
  for (const phase of [
    { status: { not: 'ORPHANED' } },
    { status: 'ORPHANED' },
  ] satisfies Prisma.AnnotationWhereInput[]) {
    let next = page(phase, null);
    for (;;) {
      const rows = await next;
      const full = rows.length === batchSize;
      if (full) {
        next = page(phase, rows[rows.length - 1]);
        next.catch(() => undefined); // a cancelled export never awaits it
      }
      if (rows.length > 0) yield rows;
      if (!full) break;
    }
  }
}

/** A reply as read for an export (raw SQL: its columns are spelled out here). */
interface ExportReplyRow {
  id: string;
  annotationId: string;
  authorId: string;
  bodyJson: unknown;
  bodyText: string;
  attribution: string | null;
  createdAt: Date;
  updatedAt: Date;
  hidden: boolean;
}

async function childrenOf(ids: string[]) {
  const sql = rawSql();
  // Timestamps are stored as UTC without a zone (Prisma's convention): read them as UTC.
  const [tags, replies] = await Promise.all([
    sql<
      { annotationId: string; tagId: string }[]
    >`SELECT "annotationId", "tagId" FROM "annotation_tags" WHERE "annotationId" = ANY(${ids}::uuid[])`,
    sql<ExportReplyRow[]>`
      SELECT "id", "annotationId", "authorId", "bodyJson", "bodyText", "attribution", "createdAt" AT TIME ZONE 'UTC' AS "createdAt",
             "updatedAt" AT TIME ZONE 'UTC' AS "updatedAt", "hiddenAt" IS NOT NULL AS "hidden"
      FROM "replies" WHERE "annotationId" = ANY(${ids}::uuid[]) AND "deletedAt" IS NULL
      ORDER BY "annotationId", "createdAt", "id"`,
  ]);
  return { tags, replies };
}

function group<T extends { annotationId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.annotationId);
    if (list) list.push(row);
    else map.set(row.annotationId, [row]);
  }
  return map;
}

async function toExportBatch(
  rows: ExportAnnotationRow[],
  scope: AnnotationScope,
  doc: DocumentInfo,
  lookups: ExportLookups,
): Promise<ExportAnnotation[]> {
  const { tags, replies } = await childrenOf(rows.map((r) => r.id));
  await lookups.load(
    [...rows.map((r) => r.authorId), ...replies.map((r) => r.authorId)],
    rows.flatMap((r) => (r.groupId ? [r.groupId] : [])),
    tags.map((t) => t.tagId),
  );
  const tagsOf = group(tags);
  const repliesOf = group(replies);
  const out: ExportAnnotation[] = [];
  for (const row of rows) {
    const version = await lookups.version(row.versionId);
    const rowTags = (tagsOf.get(row.id) ?? []).flatMap((t) => lookups.tag(t.tagId) ?? []);
    const source: ExportSourceRow = {
      ...row,
      authorName: lookups.name(row.authorId),
      groupName: row.groupId ? lookups.groupName(row.groupId) : '',
      hidden: row.hiddenAt !== null,
      tags: rowTags.sort((a, b) => a.position - b.position).map((t) => t.slug),
      // An imported reply is exported as its original author's, as it came in.
      replies: (repliesOf.get(row.id) ?? []).map((r) => ({
        ...r,
        authorName: r.attribution ?? lookups.name(r.authorId),
      })),
    };
    out.push(toExportAnnotation(source, version, scope, doc));
  }
  return out;
}

/** The export's annotations, batch by batch, already mapped for the formatters. */
export async function* exportRecords(
  where: Prisma.AnnotationWhereInput,
  scope: AnnotationScope,
  doc: DocumentInfo,
  lookups: ExportLookups,
  batchSize: number,
): AsyncGenerator<ExportAnnotation[]> {
  for await (const rows of rowBatches(where, batchSize)) yield toExportBatch(rows, scope, doc, lookups);
}
