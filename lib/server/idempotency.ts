import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Prisma } from '@/lib/generated/prisma/client';
import { db, rawSql } from './db';
import { AppError } from './errors';

// Safe retries: a client sends an `Idempotency-Key` (a UUID, stable across the
// retries of one action) with creates and edits. The write functions store the key and
// their result in the same transaction as the change (recordIdempotent), so a retry of a
// request whose first attempt committed — even if its answer was lost — finds the key and
// gets the first result again (replayedResult) instead of a duplicate or a 409.

export interface IdempotencyScope {
  userId: string;
  key: string;
  method: string;
  path: string;
  /** present when the key was already used: what the first attempt's write returned */
  replay?: { value: unknown };
}

const storage = new AsyncLocalStorage<IdempotencyScope>();
const KEY = /^[A-Za-z0-9_.:-]{1,100}$/;
/** Keys are kept a day; a retry comes within seconds or minutes. */
const RETENTION = "interval '1 day'";

/** The request's key for a state-changing method, or null; a malformed key is a 400. */
export function idempotencyKeyOf(request: Request): string | null {
  if (request.method === 'GET' || request.method === 'HEAD') return null;
  const key = request.headers.get('idempotency-key');
  if (key === null) return null;
  if (!KEY.test(key))
    throw new AppError('BAD_REQUEST', 'The Idempotency-Key header must be 1–100 letters, digits or -_.:');
  return key;
}

async function findPrior(scope: IdempotencyScope) {
  // On every keyed write: postgres.js, a fraction of Prisma's cost per query.
  const [row] = await rawSql()<{ method: string; path: string; result: unknown }[]>`
    SELECT "method", "path", "result" FROM "idempotency_keys"
    WHERE "userId" = ${scope.userId} AND "key" = ${scope.key}`;
  if (!row) return null;
  if (row.method !== scope.method || row.path !== scope.path)
    throw new AppError('BAD_REQUEST', 'This Idempotency-Key was already used for a different request.');
  return { value: row.result };
}

function purgeExpired() {
  if (Math.random() > 0.01) return;
  db.$executeRawUnsafe(`DELETE FROM "idempotency_keys" WHERE "createdAt" < now() - ${RETENTION}`).catch(
    () => undefined,
  );
}

/**
 * Runs a handler under a key: replays when the key is known; otherwise runs it, and if it
 * fails because an attempt with the same key committed meanwhile (the key's unique
 * violation, or a 409 from the revision check), answers as that attempt did.
 */
export async function runIdempotent<T>(scope: IdempotencyScope, run: () => Promise<T>): Promise<T> {
  purgeExpired();
  const prior = await findPrior(scope);
  if (prior) return storage.run({ ...scope, replay: prior }, run);
  try {
    return await storage.run(scope, run);
  } catch (error) {
    const raced = await findPrior(scope);
    if (raced) return storage.run({ ...scope, replay: raced }, run);
    throw error;
  }
}

/** For a write function: the first attempt's result when this request is a retry of it. */
export function replayedResult<T>(): { value: T } | null {
  const replay = storage.getStore()?.replay;
  return replay ? { value: replay.value as T } : null;
}

/** The key to store with a write, if the request carried one (and is not a replay). */
export function currentIdempotency(): IdempotencyScope | null {
  const scope = storage.getStore();
  return scope && !scope.replay ? scope : null;
}

/** Stores the key and the write's result inside the write's own transaction. */
export async function recordIdempotent(tx: Prisma.TransactionClient, result: unknown): Promise<void> {
  const scope = currentIdempotency();
  if (!scope) return;
  await tx.idempotencyKey.create({
    data: {
      userId: scope.userId,
      key: scope.key,
      method: scope.method,
      path: scope.path,
      result: result === null || result === undefined ? Prisma.JsonNull : (result as Prisma.InputJsonValue),
    },
  });
}
