// The backfill of notes' export forms (scripts/lib/note-forms-backfill.ts, docs/adr/0022):
// rows as an installation from before migration 20261201120000 holds them (forms NULL,
// inserted here with raw SQL as copies of rows the writers made) get exactly the forms the
// writers stored, and nothing else about them changes: not rev or updatedAt, no live
// notice, the same export bytes. A second run finds nothing to do.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteForms } from '@/lib/export/note-forms';
import type { NoteDoc } from '@/lib/notes';
import { rawSql } from '@/lib/server/db';
import type { ExportFormat } from '@/lib/server/dal/export';
import { createReply } from '@/lib/server/dal/replies';
import type { Reader } from '@/lib/server/session';
import { backfillNoteForms } from '@/scripts/lib/note-forms-backfill';
import { formattedNote } from '@/tests/fixtures/w3c/export-records';
import { signUp, type TestUser } from '../support/api';
import {
  annotate,
  awkwardNotes,
  exportThroughDal,
  makeGroup,
  sampleDocument,
  SLUG,
  sqlWrittenRows,
  targetFor,
} from './export-fixtures';

const FORMATS: ExportFormat[] = ['csv', 'markdown', 'jsonld'];
const CHANNELS = ['marginalia_events', 'marginalia_cache'];

let facilitator: TestUser;
let member: TestUser;
let documentId: string;
/** Copy (forms NULL) → the writer-made row it copies. */
const sourceOf = new Map<string, string>();
const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
const heard: string[] = [];
let fences = 0;

/** The notices of all that is committed so far, without waiting on a clock: PostgreSQL
 * delivers them in commit order, so they all arrive before a fence sent now. */
async function noticesSoFar(): Promise<string[]> {
  const fence = `fence-${++fences}`;
  const arrived = new Promise<void>((resolve) => {
    const onNotice = (n: pg.Notification) => {
      if (n.payload !== fence) return;
      listener.off('notification', onNotice);
      resolve();
    };
    listener.on('notification', onNotice);
  });
  await rawSql()`SELECT pg_notify(${CHANNELS[0]}, ${fence})`;
  await arrived;
  return heard.splice(0).filter((payload) => payload !== fence);
}

/** Copies `table`'s rows that match `where` with raw SQL, without their export forms and
 * with `values` (SQL) in place of the columns they name. */
async function copyRows(
  table: string,
  forms: string[],
  values: Record<string, string>,
  where: string,
  params: string[],
) {
  const sql = rawSql();
  const replaced = [...forms, ...Object.keys(values)];
  const kept = (
    await sql<{ name: string }[]>`
      SELECT column_name AS "name" FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${table} AND NOT (column_name = ANY(${replaced}))`
  )
    .map((c) => `"${c.name}"`)
    .join(', ');
  const named = Object.keys(values).map((name) => `"${name}"`);
  await sql.unsafe(
    `INSERT INTO "${table}" (${named.join(', ')}, ${kept})
     SELECT ${Object.values(values).join(', ')}, ${kept} FROM "${table}" WHERE ${where}`,
    params,
  );
}

/** Inserts a copy of annotation `id` (and of its tags and replies) as an old install has
 * it: no export forms, and a rev and updatedAt of its own. */
async function insertOldCopy(id: string): Promise<string> {
  const copy = randomUUID();
  const forms = ['noteCsv', 'noteMarkdown', 'noteHtml'];
  const at = "'2026-06-01T10:00:00Z'";
  await copyRows('annotations', forms, { id: '$1::uuid', rev: '4', updatedAt: at }, '"id" = $2::uuid', [
    copy,
    id,
  ]);
  await rawSql()`INSERT INTO "annotation_tags" ("annotationId", "tagId")
    SELECT ${copy}::uuid, "tagId" FROM "annotation_tags" WHERE "annotationId" = ${id}::uuid`;
  const bodyForms = ['bodyCsv', 'bodyMarkdown', 'bodyHtml'];
  const values = { id: 'gen_random_uuid()', annotationId: '$1::uuid', updatedAt: at };
  await copyRows('replies', bodyForms, values, '"annotationId" = $2::uuid', [copy, id]);
  return copy;
}

beforeAll(async () => {
  await listener.connect();
  listener.on('notification', (n) => heard.push(n.payload ?? ''));
  for (const channel of CHANNELS) await listener.query(`LISTEN ${channel}`);
  facilitator = await signUp('Ada *the* [First], "A"');
  member = await signUp('- Ben_2 <b>');
  const group = await makeGroup('Seminar, "Tuesday"', facilitator, [member]);
  const doc = await sampleDocument();
  documentId = doc.id;
  const notes = awkwardNotes();
  const blocks = doc.blocks.filter((b) => b.text.length > 20).slice(0, notes.length * 2);
  const asReader = (u: TestUser) => ({ id: u.id, name: u.name, email: u.email }) as Reader;
  for (const [i, block] of blocks.entries()) {
    const author = i % 2 === 0 ? member : facilitator;
    const { id } = await annotate(author, {
      target: targetFor(doc.blocks, block.anchor, block.text.slice(2, 18)),
      tags: [['claim'], ['evidence', 'claim']][i % 2],
      note: notes[i % notes.length],
      groupId: i % 4 === 3 ? null : group.id,
    });
    if (i % 3 === 0) await createReply(asReader(author), id, notes[(i + 1) % notes.length] ?? formattedNote);
    sourceOf.set(await insertOldCopy(id), id);
  }
});

afterAll(async () => {
  await listener.end();
});

/** Each format for a facilitator and a member, one after another (an export holds a
 * connection of the pool while it streams). */
async function exportsOf(): Promise<string[]> {
  const texts: string[] = [];
  for (const format of FORMATS)
    for (const user of [facilitator, member])
      texts.push(await exportThroughDal(user, documentId, format, { batchSize: 5 }));
  return texts;
}

/** Every column of every annotation and reply of the document but the forms. */
async function rowsWithoutForms() {
  const sql = rawSql();
  return sql`
    SELECT to_jsonb(a) - ARRAY['noteCsv', 'noteMarkdown', 'noteHtml'] AS "row",
      (SELECT coalesce(jsonb_agg(to_jsonb(r) - ARRAY['bodyCsv', 'bodyMarkdown', 'bodyHtml'] ORDER BY r."id"), '[]')
       FROM "replies" r WHERE r."annotationId" = a."id") AS "replies"
    FROM "annotations" a WHERE a."documentId" = ${documentId}::uuid ORDER BY a."id"`;
}

async function formsOf(ids: string[]) {
  const sql = rawSql();
  const annotations = await sql<
    { id: string; noteJson: NoteDoc | null; noteText: string; csv: string; markdown: string; html: string }[]
  >`SELECT "id", "noteJson", "noteText", "noteCsv" AS "csv", "noteMarkdown" AS "markdown", "noteHtml" AS "html"
    FROM "annotations" WHERE "id" = ANY(${ids}::uuid[])`;
  const replies = await sql<
    {
      annotationId: string;
      bodyJson: NoteDoc;
      bodyText: string;
      csv: string;
      markdown: string;
      html: string;
    }[]
  >`SELECT "annotationId", "bodyJson", "bodyText", "bodyCsv" AS "csv", "bodyMarkdown" AS "markdown", "bodyHtml" AS "html"
    FROM "replies" WHERE "annotationId" = ANY(${ids}::uuid[]) ORDER BY "createdAt", "bodyText"`;
  return { annotations: new Map(annotations.map((a) => [a.id, a])), replies };
}

const pick = ({ csv, markdown, html }: { csv: string; markdown: string; html: string }) => ({
  csv,
  markdown,
  html,
});

describe('the backfill of notes’ export forms', () => {
  it('stores the writers’ forms for old rows, silently, changing nothing a reader sees', async () => {
    // The copies' INSERTs were announced: the LISTEN hears this database.
    expect((await noticesSoFar()).length).toBeGreaterThan(sourceOf.size);
    const copies = [...sourceOf.keys()];
    const replyCopies = (await formsOf(copies)).replies.length;
    expect(replyCopies).toBeGreaterThan(0);
    const rowsBefore = await rowsWithoutForms();
    const exportsBefore = await exportsOf();
    const sqlRowsBefore = (
      await sqlWrittenRows(facilitator, { id: documentId, slug: SLUG, title: 'Face time' }, 'csv')
    ).sql;

    // Batches of 3, so that the keyset walks several.
    expect(await backfillNoteForms(process.env.DATABASE_URL!, 3)).toEqual({
      annotations: copies.length,
      replies: replyCopies,
    });
    expect(await noticesSoFar()).toEqual([]);

    const written = await formsOf(copies);
    const writers = await formsOf([...sourceOf.values()]);
    for (const [copy, source] of sourceOf) {
      const row = written.annotations.get(copy)!;
      expect(pick(row)).toEqual(pick(writers.annotations.get(source)!));
      expect(pick(row)).toEqual(noteForms(row.noteJson, row.noteText));
    }
    expect(written.replies.map(pick)).toEqual(written.replies.map((r) => noteForms(r.bodyJson, r.bodyText)));
    const writerReplies = new Map(writers.replies.map((r) => [r.bodyText, pick(r)]));
    for (const r of written.replies) expect(pick(r)).toEqual(writerReplies.get(r.bodyText));

    // rev, updatedAt and every other column as they were; the same bytes, now from PostgreSQL.
    expect(await rowsWithoutForms()).toEqual(rowsBefore);
    const [copyRow] = await rawSql()<{ rev: number; updatedAt: Date }[]>`
      SELECT "rev", "updatedAt" FROM "annotations" WHERE "id" = ${copies[0]}::uuid`;
    expect(copyRow).toEqual({ rev: 4, updatedAt: new Date('2026-06-01T10:00:00Z') });
    expect(await exportsOf()).toEqual(exportsBefore);
    expect(
      (await sqlWrittenRows(facilitator, { id: documentId, slug: SLUG, title: 'Face time' }, 'csv')).sql,
    ).toBe(sqlRowsBefore + copies.length);
  });

  it('finds nothing to do the second time', async () => {
    const sql = rawSql();
    const everything = () => sql`SELECT to_jsonb(a) AS "row" FROM "annotations" a ORDER BY "id"`;
    const everyReply = () => sql`SELECT to_jsonb(r) AS "row" FROM "replies" r ORDER BY "id"`;
    const [annotations, replies] = [await everything(), await everyReply()];
    expect(await backfillNoteForms(process.env.DATABASE_URL!)).toEqual({ annotations: 0, replies: 0 });
    expect(await everything()).toEqual(annotations);
    expect(await everyReply()).toEqual(replies);
    expect(await noticesSoFar()).toEqual([]);
  });

  it('leaves announced any update that changes more than the forms', async () => {
    const sql = rawSql();
    const [id] = [...sourceOf.keys()];
    await sql`UPDATE "annotations" SET "noteCsv" = 'x', "hiddenAt" = now() WHERE "id" = ${id}::uuid`;
    await sql`UPDATE "annotations" SET "hiddenAt" = NULL WHERE "id" = ${id}::uuid`;
    const notices = (await noticesSoFar()).map((n) => JSON.parse(n));
    expect(notices.map((n) => [n.kind, n.op, n.id, n.hidden])).toEqual([
      ['annotation', 'update', id, true],
      ['annotation', 'update', id, false],
    ]);
  });
});
