import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import postgres from 'postgres';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { changeFeed, kindsWrittenBy, type ChangeKind } from './change-feed';

// The one Prisma client (and the one postgres.js pool for what Prisma cannot do:
// LISTEN/NOTIFY and cursor-streamed exports). Cached on globalThis so that Next's
// dev reloads do not open a new pool per edit.
type Clients = { prisma: PrismaClient; sql: postgres.Sql };
const globalClients = globalThis as unknown as { marginaliaClients?: Clients };

// `next build` loads server modules without a database; pools connect lazily, so an
// unreachable placeholder is enough there (and names the problem if ever used).
const MISSING_URL = 'postgresql://DATABASE_URL-is-not-set@127.0.0.1:1/start-marginalia-with-npm-start';

function databaseUrl(): string {
  return process.env.DATABASE_URL || MISSING_URL;
}

/** The server log names the dependency that failed (the API answers 503 meanwhile). */
function logConnectionLost(error: Error) {
  const code = (error as { code?: string }).code;
  console.error(`[db] PostgreSQL connection lost${code ? ` (${code})` : ''}: ${error.message}`);
}

/**
 * Prisma 6.19 never gives back a pooled connection whose COMMIT failed (it releases only
 * after a successful COMMIT or ROLLBACK), so each connection lost mid-commit would cost the
 * pool a slot for good, and a few outages would exhaust it. A checked-out connection that
 * ends is therefore released here (and later releases of it are ignored).
 */
function releaseDeadClients(pool: pg.Pool) {
  const onEnd = new WeakMap<pg.PoolClient, () => void>();
  pool.on('acquire', (client) => {
    const handler = () => {
      onEnd.delete(client);
      try {
        client.release(new Error('PostgreSQL connection ended while in use'));
      } catch {
        // already released by its user
      }
      client.release = () => undefined;
    };
    onEnd.set(client, handler);
    client.once('end', handler);
  });
  pool.on('release', (_error, client) => {
    const handler = onEnd.get(client);
    if (handler) client.removeListener('end', handler);
    onEnd.delete(client);
  });
}

type Query = (...args: unknown[]) => unknown;

const counter = globalThis as unknown as { marginaliaStatements?: number };
/** Statements sent to PostgreSQL by this process through either driver (tests and the
 * bench's profile count round trips with it). */
export function statementCount(): number {
  return counter.marginaliaStatements ?? 0;
}
const countStatement = () => {
  counter.marginaliaStatements = (counter.marginaliaStatements ?? 0) + 1;
};
const TRANSACTION_END = /^\s*(COMMIT|ROLLBACK)\b/i;

/**
 * Every statement that writes a table the per-process caches hold drops what it touched
 * as soon as it completes, and again when its transaction ends (a read that ran meanwhile
 * saw the old rows): this process then never answers from a cache what it has itself
 * changed. Other processes hear of the change through the change feed (change-feed.ts).
 */
const pendingByClient = new WeakMap<pg.PoolClient, Set<ChangeKind>>();
const drop = (kinds: Iterable<ChangeKind>) => {
  for (const kind of kinds) changeFeed().invalidate(kind, null);
};

function dropPending(client: pg.PoolClient) {
  const pending = pendingByClient.get(client);
  if (!pending || pending.size === 0) return;
  pendingByClient.set(client, new Set());
  drop(pending);
}

function dropCachedOnWrite(client: pg.PoolClient) {
  const original = client.query.bind(client) as unknown as Query;
  pendingByClient.set(client, new Set());
  (client as unknown as { query: Query }).query = (...args: unknown[]) => {
    countStatement();
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const kinds = kindsWrittenBy(text);
    const ends = kinds.length === 0 && TRANSACTION_END.test(text);
    if (kinds.length === 0 && !ends) return original(...args);
    for (const kind of kinds) pendingByClient.get(client)?.add(kind);
    const done = () => {
      drop(kinds);
      if (ends) dropPending(client);
    };
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (...a: unknown[]) => void;
      args[last] = (...a: unknown[]) => {
        done();
        callback(...a);
      };
      return original(...args);
    }
    const result = original(...args);
    return result && typeof (result as Promise<unknown>).then === 'function'
      ? (result as Promise<unknown>).finally(done)
      : result;
  };
}

function createClients(): Clients {
  const url = databaseUrl();
  const poolSize = Number(process.env.DB_POOL_SIZE ?? 10);
  // Connecting gives up after 5 s (pg's default is never), so that an unreachable server
  // becomes a quick 503 with Retry-After rather than a request that hangs.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  releaseDeadClients(pool);
  pool.on('connect', dropCachedOnWrite);
  pool.on('release', (_error, client) => dropPending(client));
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    onPoolError: logConnectionLost,
    onConnectionError: logConnectionLost,
  });
  const prisma = new PrismaClient({ adapter });
  const sql = postgres(url, {
    max: Number(process.env.DB_SQL_POOL_SIZE ?? 4),
    onnotice: () => undefined,
    idle_timeout: 30,
    connect_timeout: 5,
    debug: countStatement,
  });
  return { prisma, sql };
}

function clients(): Clients {
  globalClients.marginaliaClients ??= createClients();
  return globalClients.marginaliaClients;
}

export const db = new Proxy({} as PrismaClient, {
  get: (_target, prop) => Reflect.get(clients().prisma, prop),
});

export function rawSql(): postgres.Sql {
  return clients().sql;
}

export type { Prisma } from '@/lib/generated/prisma/client';
