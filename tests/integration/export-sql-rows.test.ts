// The rows PostgreSQL writes for an export (lib/server/dal/export-sql-rows.ts) against the
// formatters' (csv.ts, markdown.ts, jsonld.ts): the same export, with the notes' stored
// forms and without them (every row then goes through the formatters), must be the same
// bytes, for awkward text, names, notes and replies, and for readers who see different
// things (a hidden note is withheld from members, not from the facilitator).
import { beforeAll, describe, expect, it } from 'vitest';
import { db, rawSql } from '@/lib/server/db';
import { createDocument } from '@/lib/server/dal/documents';
import type { ExportFormat } from '@/lib/server/dal/export';
import { createReply } from '@/lib/server/dal/replies';
import type { Reader } from '@/lib/server/session';
import { formattedNote } from '@/tests/fixtures/w3c/export-records';
import { signUp, type TestUser } from '../support/api';
import {
  annotate,
  awkwardNotes,
  exportThroughDal,
  makeGroup,
  paragraphs,
  sqlWrittenRows,
  targetFor,
} from './export-fixtures';

const SLUG = 'sql-rows-awkward';
const BLOCKS = [
  '"Quoted", with commas, and more words here; then "more".',
  '=SUM(A1:A2) starts like a formula, then words.',
  '- a dash at the start, * stars * and _underscores_ [brackets] <b>tags</b> & | ~ ! `code`',
  '# not a heading, then 12. not a list',
  '12. numbered start) and more text to quote here.',
  '+ plus, @at and \\backslash\\ and a tab\there.',
  'Emoji 😀 paragraph with astral characters in it.',
  'Ünïcödé ñ 我们读书 text, with a non-breaking space at the end\u00a0',
  '> a quote marker and a line\u2028separator inside.',
];
const FORMATS: ExportFormat[] = ['csv', 'markdown', 'jsonld'];

let facilitator: TestUser;
let member: TestUser;
let documentId: string;

beforeAll(async () => {
  facilitator = await signUp('Ada *the* [First], "A"');
  member = await signUp('- Ben_2 <b>');
  const group = await makeGroup('Seminar #1, "Tuesday" *', facilitator, [member]);
  const created = await createDocument(null, {
    text: `Awkward text\n\n${BLOCKS.join('\n\n')}`,
    format: 'text',
    slug: SLUG,
    audience: 'PUBLIC',
  });
  documentId = created.id;
  const version = await db.document.findUniqueOrThrow({
    where: { id: documentId },
    select: { currentVersionId: true },
  });
  const blocks = await db.block.findMany({
    where: { versionId: version.currentVersionId! },
    orderBy: { index: 'asc' },
    select: { anchor: true, text: true, kind: true },
  });
  const notes = awkwardNotes();
  const ids: string[] = [];
  const authors: TestUser[] = [];
  let n = 0;
  for (const block of blocks.slice(1)) {
    const text = block.text;
    const cuts: [number, number][] = [
      [0, text.length],
      [1, Math.min(text.length, 12)],
      [Math.max(0, text.length - 10), text.length],
      [5, 9],
    ];
    for (const [from, to] of cuts) {
      const author = n % 3 === 0 ? member : facilitator;
      const target = targetFor(blocks, block.anchor, text.slice(from, to));
      target.start.offset = from;
      target.end.offset = to;
      const { id } = await annotate(
        author,
        {
          target,
          tags: [['claim'], ['evidence', 'claim'], ['framing', 'evidence'], ['framing']][n % 4],
          note: notes[n % notes.length],
          groupId: n % 5 === 4 ? null : group.id,
        },
        SLUG,
      );
      ids.push(id);
      authors.push(n % 5 === 4 ? author : n % 2 === 0 ? member : facilitator);
      n++;
    }
  }
  const across = targetFor(blocks, blocks[1].anchor, blocks[1].text.slice(3), {
    anchor: blocks[2].anchor,
    quote: blocks[2].text.slice(0, 6),
  });
  ids.push((await annotate(facilitator, { target: across, tags: ['claim'], groupId: group.id }, SLUG)).id);
  // Untagged annotations (the API asks for a tag; imports need not).
  await db.annotationTag.deleteMany({ where: { annotationId: { in: ids.filter((_, i) => i % 7 === 5) } } });
  // A member's note hidden by the facilitator; a re-anchored and an orphaned one.
  await db.annotation.update({
    where: { id: ids[3] },
    data: { hiddenAt: new Date(), hiddenById: facilitator.id },
  });
  await db.annotation.update({
    where: { id: ids[6] },
    data: { hiddenAt: new Date(), hiddenById: facilitator.id },
  });
  await db.annotation.update({ where: { id: ids[1] }, data: { status: 'REANCHORED' } });
  await db.annotation.update({ where: { id: ids[2] }, data: { status: 'ORPHANED' } });
  const asReader = (u: TestUser) => ({ id: u.id, name: u.name, email: u.email }) as Reader;
  for (const [i, id] of ids.slice(0, 12).entries()) {
    await createReply(
      asReader(authors[i]),
      id,
      notes[i % notes.length] ?? paragraphs('- a plain reply, "quoted"'),
    );
    if (i % 3 === 0) await createReply(asReader(authors[i]), id, formattedNote);
  }
  const replies = await db.reply.findMany({ where: { annotationId: { in: ids } }, select: { id: true } });
  await db.reply.update({
    where: { id: replies[0].id },
    data: { hiddenAt: new Date(), hiddenById: facilitator.id },
  });
  await db.reply.update({
    where: { id: replies[3].id },
    data: { hiddenAt: new Date(), hiddenById: facilitator.id },
  });
  await db.reply.update({
    where: { id: replies[5].id },
    data: { attribution: 'Imported *Name*, with comma' },
  });
});

const exportText = (user: TestUser, format: ExportFormat, filter = {}) =>
  exportThroughDal(user, documentId, format, { filter, batchSize: 7 });

const sqlWritten = (user: TestUser, format: ExportFormat) =>
  sqlWrittenRows(user, { id: documentId, slug: SLUG, title: 'Awkward text' }, format);

async function withoutForms<T>(run: () => Promise<T>): Promise<T> {
  const sql = rawSql();
  const annotations = await sql<
    { id: string }[]
  >`SELECT "id" FROM "annotations" WHERE "documentId" = ${documentId}::uuid`;
  const ids = annotations.map((a) => a.id);
  const saved =
    await sql`SELECT "id", "noteCsv", "noteMarkdown", "noteHtml" FROM "annotations" WHERE "id" = ANY(${ids}::uuid[])`;
  const savedReplies =
    await sql`SELECT "id", "bodyCsv", "bodyMarkdown", "bodyHtml" FROM "replies" WHERE "annotationId" = ANY(${ids}::uuid[])`;
  await sql`UPDATE "annotations" SET "noteCsv" = NULL, "noteMarkdown" = NULL, "noteHtml" = NULL WHERE "id" = ANY(${ids}::uuid[])`;
  await sql`UPDATE "replies" SET "bodyCsv" = NULL, "bodyMarkdown" = NULL, "bodyHtml" = NULL WHERE "annotationId" = ANY(${ids}::uuid[])`;
  try {
    return await run();
  } finally {
    for (const r of saved)
      await sql`UPDATE "annotations" SET "noteCsv" = ${r.noteCsv}, "noteMarkdown" = ${r.noteMarkdown}, "noteHtml" = ${r.noteHtml} WHERE "id" = ${r.id}`;
    for (const r of savedReplies)
      await sql`UPDATE "replies" SET "bodyCsv" = ${r.bodyCsv}, "bodyMarkdown" = ${r.bodyMarkdown}, "bodyHtml" = ${r.bodyHtml} WHERE "id" = ${r.id}`;
  }
}

describe('exports written by PostgreSQL', () => {
  it('write most rows in SQL, and fall back for the rows they cannot write identically', async () => {
    for (const format of FORMATS) {
      const { sql, all } = await sqlWritten(facilitator, format);
      expect(all).toBeGreaterThan(30);
      // The emoji block's rows and the one across blocks go through the formatters.
      expect(sql, format).toBeGreaterThan(all / 2);
      expect(sql, format).toBeLessThan(all);
    }
    const none = await withoutForms(() => sqlWritten(facilitator, 'csv'));
    expect(none.sql).toBe(0);
  });

  for (const format of FORMATS) {
    it(`give the formatters' bytes for ${format}, for a facilitator, a member and a filter`, async () => {
      const readers = [facilitator, member];
      const filtered = { tag: ['claim'] };
      const fast = [
        ...(await Promise.all(readers.map((u) => exportText(u, format)))),
        await exportText(member, format, filtered),
      ];
      const slow = await withoutForms(async () => [
        ...(await Promise.all(readers.map((u) => exportText(u, format)))),
        await exportText(member, format, filtered),
      ]);
      for (const [i, text] of fast.entries()) expect(text.length).toBeGreaterThan(1000 * (i === 2 ? 0.5 : 1));
      expect(fast[0]).toBe(slow[0]);
      expect(fast[1]).toBe(slow[1]);
      expect(fast[2]).toBe(slow[2]);
      // The member does not read the hidden notes the facilitator reads.
      expect(fast[0]).not.toBe(fast[1]);
    });
  }

  it('store a note’s forms when it is written, and drop them when a write changes the note without them', async () => {
    const sql = rawSql();
    const [row] = await sql<{ id: string; noteCsv: string | null }[]>`
      SELECT "id", "noteCsv" FROM "annotations" WHERE "documentId" = ${documentId}::uuid AND "noteJson" IS NOT NULL LIMIT 1`;
    expect(row.noteCsv).not.toBeNull();
    await sql`UPDATE "annotations" SET "noteText" = 'changed elsewhere' WHERE "id" = ${row.id}`;
    const [after] = await sql<{ noteCsv: string | null; noteHtml: string | null }[]>`
      SELECT "noteCsv", "noteHtml" FROM "annotations" WHERE "id" = ${row.id}`;
    expect(after).toEqual({ noteCsv: null, noteHtml: null });
  });
});
