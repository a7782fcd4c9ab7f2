// Shared set-up for the export and import integration tests: a seminar group, annotations
// created through the real API, and replies and facilitator actions written directly
// (their own routes belong to other parts of the app).
import { expect } from 'vitest';
import { POST as createAnnotationRoute } from '@/app/api/v1/documents/[id]/annotations/route';
import { GET as exportRoute } from '@/app/api/v1/documents/[id]/export/route';
import { POST as importRoute } from '@/app/api/v1/documents/[id]/annotations/import/route';
import { annotationFilterSchema } from '@/lib/annotations/schemas';
import type { NoteDoc } from '@/lib/notes';
import { formattedNote } from '@/tests/fixtures/w3c/export-records';
import { db } from '@/lib/server/db';
import { annotationScope } from '@/lib/server/dal/annotation-access';
import { prepareExport, type ExportFormat } from '@/lib/server/dal/export';
import { exportCursor } from '@/lib/server/dal/export-cursor';
import type { Reader } from '@/lib/server/session';
import { call, type TestUser } from '../support/api';

export const SLUG = 'face-time';

export async function sampleDocument() {
  const doc = await db.document.findUniqueOrThrow({
    where: { slug: SLUG },
    select: { id: true, currentVersionId: true },
  });
  const blocks = await db.block.findMany({
    where: { versionId: doc.currentVersionId! },
    orderBy: { index: 'asc' },
    select: { anchor: true, text: true, kind: true },
  });
  return {
    id: doc.id,
    versionId: doc.currentVersionId!,
    blocks,
    text: blocks.map((b) => b.text).join('\n\n'),
  };
}

export async function makeGroup(name: string, facilitator: TestUser, members: TestUser[] = []) {
  const group = await db.group.create({
    data: { name, createdById: facilitator.id },
    select: { id: true, name: true },
  });
  await db.membership.createMany({
    data: [
      { groupId: group.id, userId: facilitator.id, role: 'FACILITATOR' as const },
      ...members.map((m) => ({ groupId: group.id, userId: m.id, role: 'MEMBER' as const })),
    ],
  });
  return group;
}

type Blocks = Awaited<ReturnType<typeof sampleDocument>>['blocks'];

/** A target for `quote` inside block `anchor` (or from its start to `endQuote` in `endAnchor`). */
export function targetFor(
  blocks: Blocks,
  anchor: string,
  quote: string,
  end?: { anchor: string; quote: string },
) {
  const block = blocks.find((b) => b.anchor === anchor)!;
  const at = block.text.indexOf(quote);
  expect(at, `"${quote}" in ${anchor}`).toBeGreaterThanOrEqual(0);
  if (!end)
    return {
      start: { block: anchor, offset: at },
      end: { block: anchor, offset: at + quote.length },
      exact: quote,
    };
  const last = blocks.find((b) => b.anchor === end.anchor)!;
  const endAt = last.text.indexOf(end.quote) + end.quote.length;
  const from = blocks.findIndex((b) => b.anchor === anchor);
  const to = blocks.findIndex((b) => b.anchor === end.anchor);
  const exact = [
    block.text.slice(at),
    ...blocks.slice(from + 1, to).map((b) => b.text),
    last.text.slice(0, endAt),
  ].join('\n\n');
  return { start: { block: anchor, offset: at }, end: { block: end.anchor, offset: endAt }, exact };
}

export interface NewAnnotation {
  target: ReturnType<typeof targetFor>;
  tags: string[];
  note?: NoteDoc | null;
  groupId?: string | null;
}

export async function annotate(
  user: TestUser,
  input: NewAnnotation,
  documentId = SLUG,
): Promise<{ id: string; version: number }> {
  const res = await call(createAnnotationRoute, 'POST', `/api/v1/documents/${documentId}/annotations`, {
    user,
    params: { id: documentId },
    body: input,
  });
  expect(res.status, res.text).toBe(201);
  return res.json.annotation;
}

export function paragraphs(...lines: string[]): NoteDoc {
  return {
    type: 'doc',
    content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

export const link = (text: string, href: string): NoteDoc => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }] },
  ],
});

/** Notes whose export forms need escaping, quoting or conversion in every format (formula
 * prefixes, quotes, commas, new lines, Markdown and HTML specials, links, emoji, blanks),
 * and no note at all. */
export const awkwardNotes = (): (NoteDoc | null)[] => [
  paragraphs('=HYPERLINK("http://evil.example","click"), then "quotes", commas', 'and a new line'),
  formattedNote,
  paragraphs('# heading? * _x_ [link] <b>html</b> & | ~ !', '- item', '12. twelve'),
  link('a link', 'https://example.org/a?b=1&c="2"'),
  null,
  paragraphs('Emoji 😀 and 我们 in a note, tab\there'),
  paragraphs('  leading blanks, trailing blanks  '),
];

export async function addReply(
  annotationId: string,
  author: TestUser,
  text: string,
  extra: { hidden?: boolean; deleted?: boolean; at?: Date } = {},
) {
  return db.reply.create({
    data: {
      annotationId,
      authorId: author.id,
      bodyJson: paragraphs(text) as object,
      bodyText: text,
      createdAt: extra.at ?? new Date(),
      hiddenAt: extra.hidden ? new Date() : null,
      deletedAt: extra.deleted ? new Date() : null,
    },
    select: { id: true },
  });
}

export async function exportAs(
  user: TestUser,
  format: string,
  query: Record<string, string | string[]> = {},
  documentId = SLUG,
) {
  return call(exportRoute, 'GET', `/api/v1/documents/${documentId}/export`, {
    user,
    params: { id: documentId },
    query: { format, ...query },
  });
}

export async function importFile(
  user: TestUser,
  body: unknown,
  query: Record<string, string> = {},
  documentId = SLUG,
) {
  return call(importRoute, 'POST', `/api/v1/documents/${documentId}/annotations/import`, {
    user,
    params: { id: documentId },
    query,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/ld+json' },
  });
}

/** A document's export through the DAL (prepareExport, not HTTP), as one text. */
export async function exportThroughDal(
  user: TestUser,
  documentId: string,
  format: ExportFormat,
  options: { filter?: object; batchSize: number },
): Promise<string> {
  const prepared = await prepareExport(user as unknown as Reader, documentId, {
    format,
    filter: annotationFilterSchema.parse(options.filter ?? {}),
    baseUrl: 'http://127.0.0.1:3000',
    now: new Date('2026-11-30T12:00:00Z'),
    batchSize: options.batchSize,
  });
  let text = '';
  for await (const chunk of prepared.chunks) text += chunk;
  return text;
}

/** How many rows of a document's export PostgreSQL wrote, of all its rows (the others went
 * through the formatters). */
export async function sqlWrittenRows(
  user: TestUser,
  doc: { id: string; slug: string; title: string },
  format: ExportFormat,
): Promise<{ sql: number; all: number }> {
  const scope = await annotationScope(user as unknown as Reader, doc.id);
  const filter = annotationFilterSchema.parse({});
  const ctx = { baseUrl: 'http://127.0.0.1:3000', generatedAt: new Date(), documentTitle: doc.title };
  let sql = 0;
  let all = 0;
  for await (const batch of exportCursor(scope, filter, doc, format, ctx, { kind: 'document' }, 50)) {
    for (const item of batch) {
      all++;
      if (item.line !== undefined) sql++;
    }
  }
  return { sql, all };
}
