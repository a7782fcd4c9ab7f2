import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AddReadingInput, ReadingView, UpdateReadingInput } from '@/lib/library/schemas';
import { db } from '../db';
import { conflict, notFound } from '../errors';
import type { Reader } from '../session';
import { resolveVisibleDocument } from './document-access';
import { isUniqueViolation, isUuid, lockGroup, requireFacilitator, requireMember } from './group-access';

// A seminar's reading list (docs/design.md, "Articles: owner, audience, reading lists"):
// members read it; facilitators add articles they can see, reorder, date and remove them.
// Putting an article on a list is what shows it to the seminar's members.

type Client = Prisma.TransactionClient | typeof db;

const readingNotFound = () => notFound('That reading');

/** A due date as the day it names, stored as a DATE (midnight UTC). */
const toDay = (day: string) => new Date(`${day}T00:00:00.000Z`);
const fromDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** The list in its order, archived articles left out. */
export async function readingsOf(groupIds: string[], client: Client = db) {
  if (groupIds.length === 0) return new Map<string, ReadingView[]>();
  const [rows, counts] = await Promise.all([
    client.reading.findMany({
      where: { groupId: { in: groupIds }, document: { archivedAt: null } },
      orderBy: [{ position: 'asc' }, { addedAt: 'asc' }],
      select: {
        groupId: true,
        position: true,
        dueDate: true,
        document: { select: { id: true, slug: true, title: true } },
      },
    }),
    client.annotation.groupBy({
      by: ['groupId', 'documentId'],
      where: { groupId: { in: groupIds }, deletedAt: null },
      _count: { _all: true },
    }),
  ]);
  const counted = new Map(counts.map((c) => [`${c.groupId}:${c.documentId}`, c._count._all]));
  const lists = new Map<string, ReadingView[]>(groupIds.map((id) => [id, []]));
  for (const row of rows) {
    lists.get(row.groupId)!.push({
      ...row.document,
      position: lists.get(row.groupId)!.length,
      dueDate: fromDay(row.dueDate),
      annotationCount: counted.get(`${row.groupId}:${row.document.id}`) ?? 0,
    });
  }
  return lists;
}

export async function listReadings(reader: Reader, groupId: string): Promise<ReadingView[]> {
  await requireMember(reader, groupId);
  return (await readingsOf([groupId])).get(groupId) ?? [];
}

/** Adds an article the facilitator can see to the end of the list. */
export async function addReading(reader: Reader, groupId: string, input: AddReadingInput) {
  await requireFacilitator(reader, groupId, 'change the reading list');
  const doc = await resolveVisibleDocument(reader, input.documentId);
  if (doc.archivedAt)
    throw conflict('This article is archived; restore it before adding it to a reading list.');
  try {
    await db.$transaction(async (tx) => {
      await lockGroup(tx, groupId);
      const last = await tx.reading.aggregate({ where: { groupId }, _max: { position: true } });
      await tx.reading.create({
        data: {
          groupId,
          documentId: doc.id,
          position: (last._max.position ?? -1) + 1,
          dueDate: input.dueDate ? toDay(input.dueDate) : null,
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('This article is on the reading list already.');
    throw error;
  }
  return listReadings(reader, groupId);
}

/** Moves a reading to another place and/or sets or clears its due date. */
export async function updateReading(
  reader: Reader,
  groupId: string,
  documentId: string,
  input: UpdateReadingInput,
) {
  await requireFacilitator(reader, groupId, 'change the reading list');
  await db.$transaction(async (tx) => {
    await lockGroup(tx, groupId);
    const rows = await tx.reading.findMany({
      where: { groupId },
      orderBy: [{ position: 'asc' }, { addedAt: 'asc' }],
      select: { documentId: true },
    });
    const from = rows.findIndex((r) => r.documentId === documentId);
    if (from < 0) throw readingNotFound();
    if (input.dueDate !== undefined)
      await tx.reading.update({
        where: { groupId_documentId: { groupId, documentId } },
        data: { dueDate: input.dueDate ? toDay(input.dueDate) : null },
      });
    if (input.position !== undefined) {
      const order = rows.map((r) => r.documentId);
      order.splice(from, 1);
      order.splice(Math.min(input.position, order.length), 0, documentId);
      await renumber(tx, groupId, order);
    }
  });
  return listReadings(reader, groupId);
}

export async function removeReading(reader: Reader, groupId: string, documentId: string) {
  await requireFacilitator(reader, groupId, 'change the reading list');
  if (!isUuid(documentId)) throw readingNotFound();
  await db.$transaction(async (tx) => {
    await lockGroup(tx, groupId);
    const gone = await tx.reading.deleteMany({ where: { groupId, documentId } });
    if (gone.count === 0) throw readingNotFound();
    const rest = await tx.reading.findMany({
      where: { groupId },
      orderBy: [{ position: 'asc' }, { addedAt: 'asc' }],
      select: { documentId: true },
    });
    await renumber(
      tx,
      groupId,
      rest.map((r) => r.documentId),
    );
  });
  return listReadings(reader, groupId);
}

async function renumber(tx: Prisma.TransactionClient, groupId: string, order: string[]) {
  await Promise.all(
    order.map((documentId, position) =>
      tx.reading.update({ where: { groupId_documentId: { groupId, documentId } }, data: { position } }),
    ),
  );
}
