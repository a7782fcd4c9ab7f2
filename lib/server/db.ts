import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import postgres from 'postgres';
import { PrismaClient } from '@/lib/generated/prisma/client';

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

function createClients(): Clients {
  const url = databaseUrl();
  const poolSize = Number(process.env.DB_POOL_SIZE ?? 10);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
  const sql = postgres(url, { max: 4, onnotice: () => undefined, idle_timeout: 30 });
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
