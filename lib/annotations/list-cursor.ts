// The cursor of a document's annotation list (ADR 0023): where the last page ended, in the
// list's order (anchored before orphaned, then block index, offset, creation time, id). It is
// the keys of the page's last annotation, not its id alone, so a page boundary does not move
// when that annotation is edited, re-anchored or deleted meanwhile. Opaque to clients:
// base64url of a JSON array, checked field by field when it comes back.
import { z } from 'zod';
import { INT_MAX } from '@/lib/limits';

export interface ListPosition {
  orphaned: boolean;
  startIndex: number;
  startOffset: number;
  /** ISO 8601 with milliseconds and `Z` (the column's precision) */
  createdAt: string;
  id: string;
}

const keysSchema = z.tuple([
  z.boolean(),
  z.number().int().min(0).max(INT_MAX),
  z.number().int().min(0).max(INT_MAX),
  z.iso.datetime({ precision: 3 }),
  // any 8-4-4-4-12 hex id (PostgreSQL's uuid type), as the column holds it
  z.guid(),
]);

export function encodeListCursor(p: ListPosition): string {
  const keys = [p.orphaned, p.startIndex, p.startOffset, p.createdAt, p.id];
  return Buffer.from(JSON.stringify(keys), 'utf8').toString('base64url');
}

/** The position a cursor names, or null when it is not one this list handed out. */
export function decodeListCursor(cursor: string): ListPosition | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let keys: unknown;
  try {
    keys = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = keysSchema.safeParse(keys);
  if (!parsed.success) return null;
  const [orphaned, startIndex, startOffset, createdAt, id] = parsed.data;
  return { orphaned, startIndex, startOffset, createdAt, id };
}

/** The list's order, for lists sorted in JavaScript (the list as placed in a past version). */
export function compareListPositions(a: ListPosition, b: ListPosition): number {
  return (
    Number(a.orphaned) - Number(b.orphaned) ||
    a.startIndex - b.startIndex ||
    a.startOffset - b.startOffset ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
