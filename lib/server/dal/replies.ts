import 'server-only';
import { noteForms } from '@/lib/export/note-forms';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isEmptyNote, parseNote, type NoteDoc } from '@/lib/notes';
import type { ReplyView } from '@/lib/replies/types';
import { randomUUID } from 'node:crypto';
import { db, rawSql } from '../db';
import { AppError, forbidden, invalid, notFound } from '../errors';
import { currentIdempotency, recordIdempotent, replayedResult } from '../idempotency';
import type { Reader } from '../session';
import { roleIn, withholdsText, type Standing } from './annotation-access';
import { toAnnotationView } from './annotation-view';
import { loadVisibleAnnotation } from './annotations';

// Replies are authorized through their annotation (docs/design.md, "Visibility and
// authorization"): whoever sees the annotation reads its thread; its author and the
// group's members reply; a reply is edited and deleted by its author only; a
// facilitator of the annotation's group hides it. Not seeing the annotation is 404.

const replySelect = {
  id: true,
  annotationId: true,
  authorId: true,
  bodyJson: true,
  bodyText: true,
  createdAt: true,
  updatedAt: true,
  hiddenAt: true,
  attribution: true,
  author: { select: { id: true, name: true } },
} as const satisfies Prisma.ReplySelect;

/** A reply as read for a view. */
type ReplyViewRow = Prisma.ReplyGetPayload<{ select: typeof replySelect }>;

/** What this reader may see of a reply: a hidden body is withheld from members other
 * than its author and the group's facilitators. */
function toReplyView(row: ReplyViewRow, scope: Standing, groupId: string | null): ReplyView {
  const mine = row.authorId === scope.reader.id;
  const facilitator = roleIn(scope, groupId) === 'FACILITATOR';
  const hidden = row.hiddenAt !== null;
  const withhold = withholdsText(scope, { authorId: row.authorId, groupId, hidden });
  return {
    id: row.id,
    annotationId: row.annotationId,
    author: row.author,
    attribution: row.attribution,
    body: withhold ? null : ((row.bodyJson as NoteDoc | null) ?? null),
    bodyText: withhold ? '' : row.bodyText,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    hidden,
    can: { edit: mine, delete: mine, hide: facilitator && !mine },
  };
}

function checkBody(body: unknown): { json: Prisma.InputJsonValue; text: string } {
  if (body === undefined || body === null)
    throw invalid('Write a reply first.', { body: 'Write a reply first.' });
  const parsed = parseNote(body, { subject: 'reply' });
  if (!parsed.ok) {
    const message = `${parsed.message}${/[.!?]$/.test(parsed.message) ? '' : '.'}`;
    throw invalid(message, { body: message });
  }
  if (isEmptyNote(parsed.doc)) throw invalid('Write a reply first.', { body: 'Write a reply first.' });
  return { json: parsed.doc as unknown as Prisma.InputJsonValue, text: parsed.text };
}

/** The annotation, if this reader may see it; its absence and invisibility read alike. */
async function visibleParent(reader: Reader, annotationId: string, what: string) {
  try {
    return await loadVisibleAnnotation(reader, annotationId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw notFound(what);
    throw error;
  }
}

/** A live reply whose annotation the reader can see, or 404. */
async function loadReply(reader: Reader, id: string) {
  const reply = await db.reply.findFirst({ where: { id, deletedAt: null }, select: replySelect });
  if (!reply) throw notFound('The reply');
  const parent = await visibleParent(reader, reply.annotationId, 'The reply');
  return { reply, ...parent };
}

/** The thread under an annotation, oldest first. */
export async function listReplies(reader: Reader, annotationId: string): Promise<ReplyView[]> {
  const { row, scope } = await visibleParent(reader, annotationId, 'The annotation');
  const replies = await db.reply.findMany({
    where: { annotationId, deletedAt: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: replySelect,
  });
  return replies.map((reply) => toReplyView(reply, scope, row.groupId));
}

export async function createReply(reader: Reader, annotationId: string, body: unknown): Promise<ReplyView> {
  const replay = replayedResult<ReplyView>();
  if (replay) return replay.value;
  const { row, scope } = await visibleParent(reader, annotationId, 'The annotation');
  if (!toAnnotationView(row, scope).can.reply)
    throw forbidden('Only its author and the members of its group can reply to this annotation.');
  const checked = checkBody(body);
  // One statement, the retry key with it (lib/server/idempotency.ts); the answer is built
  // from what we know rather than read back.
  const now = new Date();
  const view = toReplyView(
    {
      id: randomUUID(),
      annotationId,
      authorId: reader.id,
      bodyJson: checked.json as Prisma.JsonValue,
      bodyText: checked.text,
      createdAt: now,
      updatedAt: now,
      hiddenAt: null,
      attribution: null,
      author: { id: reader.id, name: reader.name },
    },
    scope,
    row.groupId,
  );
  const forms = noteForms(checked.json as NoteDoc, checked.text);
  const sql = rawSql();
  const key = currentIdempotency();
  const keyed = key
    ? sql`, keyed AS (
        INSERT INTO "idempotency_keys" ("userId", "key", "method", "path", "result")
        SELECT ${key.userId}, ${key.key}, ${key.method}, ${key.path}, ${sql.json(JSON.parse(JSON.stringify(view)))} FROM created)`
    : sql``;
  await sql`
    WITH created AS (
      INSERT INTO "replies" ("id", "annotationId", "authorId", "bodyJson", "bodyText", "bodyCsv", "bodyMarkdown", "bodyHtml",
        "createdAt", "updatedAt")
      VALUES (${view.id}::uuid, ${annotationId}::uuid, ${reader.id}, ${sql.json(checked.json as never)}, ${checked.text},
        ${forms.csv}, ${forms.markdown}, ${forms.html}, ${now}, ${now})
      RETURNING "id")${keyed}
    SELECT "id" FROM created`;
  return view;
}

async function loadOwnReply(reader: Reader, id: string, verb: string) {
  const loaded = await loadReply(reader, id);
  if (loaded.reply.authorId !== reader.id) throw forbidden(`Only its author can ${verb} this reply.`);
  return loaded;
}

export async function updateReply(reader: Reader, id: string, body: unknown): Promise<ReplyView> {
  const replay = replayedResult<ReplyView>();
  if (replay) return replay.value;
  const { row, scope } = await loadOwnReply(reader, id, 'edit');
  const checked = checkBody(body);
  return db.$transaction(async (tx) => {
    const reply = await tx.reply.update({
      where: { id },
      data: {
        bodyJson: checked.json,
        bodyText: checked.text,
        ...bodyForms(checked.json as NoteDoc, checked.text),
      },
      select: replySelect,
    });
    const view = toReplyView(reply, scope, row.groupId);
    await recordIdempotent(tx, view);
    return view;
  });
}

/** The columns of a body's export forms (docs/adr/0022). */
function bodyForms(doc: NoteDoc, text: string) {
  const forms = noteForms(doc, text);
  return { bodyCsv: forms.csv, bodyMarkdown: forms.markdown, bodyHtml: forms.html };
}

/** Soft delete: the row stays (exports and moderation history), the thread drops it. */
export async function deleteReply(reader: Reader, id: string): Promise<void> {
  if (replayedResult()) return;
  await loadOwnReply(reader, id, 'delete');
  await db.$transaction(async (tx) => {
    await tx.reply.update({ where: { id }, data: { deletedAt: new Date() } });
    await recordIdempotent(tx, null);
  });
}

/** A facilitator of the annotation's group hides a reply (or shows it again). */
export async function setReplyHidden(reader: Reader, id: string, hidden: boolean): Promise<ReplyView> {
  const { reply, row, scope } = await loadReply(reader, id);
  if (roleIn(scope, row.groupId) !== 'FACILITATOR')
    throw forbidden('Only a facilitator of its group can hide or show a reply.');
  if ((reply.hiddenAt !== null) === hidden) return toReplyView(reply, scope, row.groupId);
  // Moderation is not an edit: the reply's "updated" time stays as it was.
  const updated = await db.reply.update({
    where: { id },
    data: hidden
      ? { hiddenAt: new Date(), hiddenById: reader.id, updatedAt: reply.updatedAt }
      : { hiddenAt: null, hiddenById: null, updatedAt: reply.updatedAt },
    select: replySelect,
  });
  return toReplyView(updated, scope, row.groupId);
}
