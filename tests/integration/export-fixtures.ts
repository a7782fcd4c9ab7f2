// Shared set-up for the export and import integration tests: a seminar group, annotations
// created through the real API, and replies and facilitator actions written directly
// (their own routes belong to other parts of the app).
import { expect } from 'vitest';
import { POST as createAnnotationRoute } from '@/app/api/v1/documents/[id]/annotations/route';
import { GET as exportRoute } from '@/app/api/v1/documents/[id]/export/route';
import { POST as importRoute } from '@/app/api/v1/documents/[id]/annotations/import/route';
import type { NoteDoc } from '@/lib/notes';
import { db } from '@/lib/server/db';
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
