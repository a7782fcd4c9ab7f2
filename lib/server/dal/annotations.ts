import 'server-only';
import { noteForms } from '@/lib/export/note-forms';
import type { NoteDoc } from '@/lib/notes';
import { randomUUID } from 'node:crypto';
import { compareListPositions, type ListPosition } from '@/lib/annotations/list-cursor';
import { targetColumnSelect } from '@/lib/annotations/target-columns';
import { mineFilter, type AnnotationFilter, type CreateAnnotationInput } from '@/lib/annotations/schemas';
import type { AnnotationView } from '@/lib/annotations/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ANNOTATION_PAGE_MAX } from '@/lib/limits';
import { db, rawSql } from '../db';
import { AppError, notFound } from '../errors';
import { currentIdempotency, replayedResult } from '../idempotency';
import type { Reader } from '../session';
import {
  annotationScope,
  canSee,
  notAMember,
  readableNoteWhere,
  type AnnotationScope,
} from './annotation-access';
import { checkGroup, checkNote, checkTags, checkTarget } from './annotation-input';
import { listAnnotationsJson, type ListPage } from './annotation-list';
import { assertAuthor } from './annotation-update';
import { annotationSelect, toAnnotationView, type AnnotationViewRow } from './annotation-view';
import { resolveVisibleDocument } from './document-access';
import { findDocumentWithVersion, resolveDocumentId } from './documents';
import { readerMemberships } from './memberships';
import { getVersionIndex } from './version-index';

export { updateAnnotation } from './annotation-update';

/** Full-text and substring search. A note withheld from the reader must not be found by its
 * words, so the passage and the passage-with-note are matched apart, and the second only
 * counts where the reader may read the note (annotation-access.ts, rule 3). */
async function searchWhere(scope: AnnotationScope, q: string): Promise<Prisma.AnnotationWhereInput> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await rawSql()<{ id: string; inPassage: boolean }[]>`
    SELECT "id", (to_tsvector('english', "exact") @@ websearch_to_tsquery('english', ${q})
                  OR "exact" ILIKE ${like}) AS "inPassage"
    FROM "annotations"
    WHERE "documentId" = ${scope.where.documentId} AND "deletedAt" IS NULL
      AND (to_tsvector('english', "exact" || ' ' || "noteText") @@ websearch_to_tsquery('english', ${q})
           OR "exact" ILIKE ${like} OR "noteText" ILIKE ${like})`;
  const inPassage = rows.filter((r) => r.inPassage).map((r) => r.id);
  const withNote = rows.filter((r) => !r.inPassage).map((r) => r.id);
  return {
    OR: [{ id: { in: inPassage } }, { AND: [{ id: { in: withNote } }, readableNoteWhere(scope)] }],
  };
}

export async function filterWhere(
  scope: AnnotationScope,
  filter: AnnotationFilter & { annotation?: string[] },
): Promise<Prisma.AnnotationWhereInput> {
  const and: Prisma.AnnotationWhereInput[] = [scope.where];
  if (filter.annotation?.length) and.push({ id: { in: filter.annotation } });
  if (filter.tag.length > 0) and.push({ tags: { some: { tag: { slug: { in: filter.tag } } } } });
  if (filter.reader.length > 0) and.push({ authorId: { in: filter.reader } });
  if (filter.group === 'private') and.push({ visibility: 'PRIVATE' });
  else if (filter.group) and.push({ groupId: filter.group });
  const mine = mineFilter(filter);
  if (mine === 'mine') and.push({ authorId: scope.reader.id });
  if (mine === 'others') and.push({ authorId: { not: scope.reader.id } });
  if (filter.status === 'orphaned') and.push({ status: 'ORPHANED' });
  if (filter.status === 'anchored') and.push({ status: { not: 'ORPHANED' } });
  if (filter.q) and.push(await searchWhere(scope, filter.q));
  return { AND: and };
}

/** Every annotation the reader may see on a document, in document order (orphans last): the
 * list's pages one after another, for in-process callers (the bench's profile). */
export async function listAnnotations(
  reader: Reader,
  documentIdOrSlug: string,
  filter: AnnotationFilter & { annotation?: string[] },
): Promise<AnnotationView[]> {
  const all: AnnotationView[] = [];
  let after: ListPosition | undefined;
  do {
    const page = await listAnnotationsPage(reader, documentIdOrSlug, filter, {
      limit: ANNOTATION_PAGE_MAX,
      after,
    });
    all.push(...(JSON.parse(page.list.toString()) as AnnotationView[]));
    after = page.next ?? undefined;
  } while (after);
  return all;
}

/** One page of the list as JSON in UTF-8, as PostgreSQL built it (what the list route sends),
 * and where the next page starts. */
export async function listAnnotationsPage(
  reader: Reader,
  documentIdOrSlug: string,
  filter: AnnotationFilter & { annotation?: string[] },
  page: ListPage,
): Promise<{ list: Buffer; next: ListPosition | null }> {
  const documentId = await resolveDocumentId(reader, documentIdOrSlug);
  const scope = await annotationScope(reader, documentId);
  return listAnnotationsJson(scope, filter, (q) => searchWhere(scope, q), page);
}

const placedSelect = { versionId: true, ...targetColumnSelect, status: true } as const;

/**
 * Annotations the reader may see as they were placed in one version of a document: where a
 * revision found them in it, or where they are now if they are still in it. Annotations
 * that were never in that version are left out.
 */
export async function listAnnotationsAtVersion(
  reader: Reader,
  documentIdOrSlug: string,
  versionNumber: number,
  filter: AnnotationFilter,
  page: ListPage,
): Promise<{ annotations: AnnotationView[]; next: ListPosition | null }> {
  const documentId = await resolveDocumentId(reader, documentIdOrSlug);
  const version = await db.documentVersion.findUnique({
    where: { documentId_number: { documentId, number: versionNumber } },
    select: { id: true },
  });
  if (!version) throw notFound('That version of the document');
  const scope = await annotationScope(reader, documentId);
  // The status filter applies to the status the annotation had in that version.
  const where = await filterWhere(scope, { ...filter, status: undefined });
  const rows = await db.annotation.findMany({
    where: {
      AND: [where, { OR: [{ versionId: version.id }, { placements: { some: { versionId: version.id } } }] }],
    },
    orderBy: { createdAt: 'asc' },
    select: {
      ...annotationSelect,
      ...placedSelect,
      placements: { where: { versionId: version.id }, select: placedSelect },
    },
  });
  // Paged in the list's order like the current list; the version's rows are read whole (a
  // past version is looked at rarely), only the answer is bounded.
  const placed = rows
    .map((row) => {
      const at = row.placements[0] ?? row;
      const view = toAnnotationView({ ...row, ...at, version: { number: versionNumber } }, scope);
      const position: ListPosition = {
        orphaned: view.status === 'ORPHANED',
        startIndex: at.startIndex,
        startOffset: at.startOffset,
        createdAt: view.createdAt,
        id: view.id,
      };
      return { position, view };
    })
    .filter(({ view }) => !filter.status || (filter.status === 'orphaned') === (view.status === 'ORPHANED'))
    .filter(({ position }) => !page.after || compareListPositions(position, page.after) > 0)
    .sort((a, b) => compareListPositions(a.position, b.position));
  const shown = placed.slice(0, page.limit);
  return {
    annotations: shown.map((p) => p.view),
    next: placed.length > page.limit ? shown[shown.length - 1].position : null,
  };
}

/** document-access.ts's rule for the annotation's document, from its cached rows. */
async function seesDocument(reader: Reader, documentId: string): Promise<boolean> {
  try {
    await resolveVisibleDocument(reader, documentId);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return false;
    throw error;
  }
}

/** Loads one annotation the reader may see, or throws 404. */
export async function loadVisibleAnnotation(reader: Reader, id: string) {
  // On an article the reader may no longer see (archived, taken off their seminar's list),
  // its annotations do not exist for them either.
  const row = await db.annotation.findFirst({ where: { id, deletedAt: null }, select: annotationSelect });
  if (!row || !(await seesDocument(reader, row.documentId))) throw notFound('The annotation');
  const scope = await annotationScope(reader, row.documentId);
  if (!canSee(scope, row)) throw notFound('The annotation');
  return { row, scope };
}

export async function getAnnotation(reader: Reader, id: string): Promise<AnnotationView> {
  const { row, scope } = await loadVisibleAnnotation(reader, id);
  return toAnnotationView(row, scope);
}

/** Creating is the hot path of a seminar (everyone highlighting at once): the document,
 * memberships and tags are read once (default tags and version texts from memory), and
 * the annotation with its tags is written in one statement; the answer is built from
 * what we already know rather than read back. */
export async function createAnnotation(
  reader: Reader,
  documentIdOrSlug: string,
  input: CreateAnnotationInput,
): Promise<AnnotationView> {
  const replay = replayedResult<AnnotationView>();
  if (replay) return replay.value;
  const doc = await findDocumentWithVersion(reader, documentIdOrSlug);
  const memberships = input.groupId ? await readerMemberships(reader) : [];
  const groupId = await checkGroup(reader, input.groupId, memberships);
  const [target, version] = await Promise.all([
    checkTarget(doc.id, input.target, doc.versionId),
    getVersionIndex(doc.versionId),
  ]);
  const note = checkNote(input.note);
  const tags = await checkTags(input.tags, groupId);
  const id = randomUUID();
  const now = new Date();
  const visibility = groupId ? 'GROUP' : 'PRIVATE';
  const row: AnnotationViewRow = {
    id,
    documentId: doc.id,
    authorId: reader.id,
    groupId,
    visibility,
    noteJson: note.json,
    noteText: note.text,
    ...target,
    status: 'ANCHORED',
    createdAt: now,
    updatedAt: now,
    rev: 1,
    hiddenAt: null,
    version: { number: version.number },
    author: { id: reader.id, name: reader.name },
    group: groupId ? { id: groupId, name: memberships.find((m) => m.groupId === groupId)!.groupName } : null,
    tags: [...tags.positions].map(([slug, position]) => ({ tag: { slug, position } })),
    _count: { replies: 0 },
  };
  const view = toAnnotationView(row, { reader, memberships });
  const forms = noteForms(note.json as NoteDoc | null, note.text);
  const sql = rawSql();
  // A retry key is stored by the same statement as the annotation (lib/server/idempotency.ts).
  const key = currentIdempotency();
  const keyed = key
    ? sql`, keyed AS (
        INSERT INTO "idempotency_keys" ("userId", "key", "method", "path", "result")
        SELECT ${key.userId}, ${key.key}, ${key.method}, ${key.path}, ${sql.json(JSON.parse(JSON.stringify(view)))}
        WHERE EXISTS (SELECT 1 FROM created))`
    : sql``;
  // The membership was checked against this process's cache, which another process's change
  // reaches through NOTIFY a moment later: the statement checks it again, so a member removed
  // through another process can never share with the group in that moment.
  const [{ created }] = await sql<{ created: number }[]>`
    WITH created AS (
      INSERT INTO "annotations" ("id", "documentId", "versionId", "authorId", "groupId", "visibility", "noteJson", "noteText",
        "noteCsv", "noteMarkdown", "noteHtml", "startBlock", "startIndex", "startOffset", "endBlock", "endIndex", "endOffset", "exact", "prefix", "suffix",
        "status", "createdAt", "updatedAt")
      SELECT ${id}::uuid, ${doc.id}::uuid, ${doc.versionId}::uuid, ${reader.id}, ${groupId}::uuid, ${visibility}::"Visibility",
        ${note.json === null ? null : sql.json(note.json as never)}, ${note.text},
        ${forms.csv}, ${forms.markdown}, ${forms.html}, ${target.startBlock}, ${target.startIndex}, ${target.startOffset}, ${target.endBlock}, ${target.endIndex}, ${target.endOffset},
        ${target.exact}, ${target.prefix}, ${target.suffix}, 'ANCHORED'::"AnchorStatus", ${now}, ${now}
      WHERE ${groupId}::uuid IS NULL OR EXISTS (
        SELECT 1 FROM "memberships" WHERE "groupId" = ${groupId}::uuid AND "userId" = ${reader.id})
      RETURNING "id")${keyed},
    tagged AS (
      INSERT INTO "annotation_tags" ("annotationId", "tagId")
      SELECT created."id", tag_id FROM created, unnest(${tags.ids}::uuid[]) AS tag_id)
    SELECT count(*)::int AS created FROM created`;
  if (created === 0) throw notAMember(); // the membership ended since the cache was filled
  return view;
}

/** Why a write to an annotation found nothing to change: 404 when the reader cannot see
 * it (or it is gone), 403 when they can see it but it is someone else's. */
async function loadOwn(reader: Reader, id: string) {
  const [row] = await rawSql()<{ authorId: string; groupId: string | null; documentId: string }[]>`
    SELECT "authorId", "groupId", "documentId" FROM "annotations" WHERE "id" = ${id}::uuid AND "deletedAt" IS NULL`;
  if (!row) throw notFound('The annotation');
  await assertAuthor(reader, row);
}

/** One statement when the reader deletes their own live annotation (the common case, with
 * its retry key if any); anything else is looked at closer for the right refusal. */
export async function deleteAnnotation(reader: Reader, id: string): Promise<void> {
  if (replayedResult()) return;
  const sql = rawSql();
  const key = currentIdempotency();
  const keyed = key
    ? sql`, keyed AS (
        INSERT INTO "idempotency_keys" ("userId", "key", "method", "path", "result")
        SELECT ${key.userId}, ${key.key}, ${key.method}, ${key.path}, 'null'::jsonb FROM deleted)`
    : sql``;
  const deleted = await sql`
    WITH deleted AS (
      UPDATE "annotations" SET "deletedAt" = now(), "rev" = "rev" + 1, "updatedAt" = now()
      WHERE "id" = ${id}::uuid AND "authorId" = ${reader.id} AND "deletedAt" IS NULL
      RETURNING "id")${keyed}
    SELECT "id" FROM deleted`;
  if (deleted.length === 1) return;
  await loadOwn(reader, id);
  throw notFound('The annotation');
}
