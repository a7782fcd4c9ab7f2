// Classifies errors from the three PostgreSQL clients we use (Prisma over its pg adapter,
// pg itself, postgres.js) by their codes, so the API can tell "the database is down"
// (503, retry later) and "the database refused this value" (400) from a bug (500).

/** Codes that mean the database could not be reached or dropped the connection. */
const UNAVAILABLE = new Set([
  // Node sockets (pg, postgres.js, and the adapter's error cause)
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  // Prisma (P1001 can't reach, P1002/P1008 timeouts, P1017 closed, P2024 pool timeout, P2037 too many)
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
  'P2037',
  // P2028: a transaction that could not start or ran past its time on a saturated pool; the
  // write was rolled back, so the client's retry (same Idempotency-Key) is safe.
  'P2028',
  // Prisma driver-adapter error kinds
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  // postgres.js
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  // SQLSTATE: serialization failure and deadlock (rolled back, a retry succeeds), too many
  // connections, shutting down, starting up
  '40001',
  '40P01',
  '53300',
  '57P01',
  '57P02',
  '57P03',
]);

/** SQLSTATEs where PostgreSQL refused a value: NUL or bad encoding, too long, a CHECK. */
const REFUSED_VALUE = new Set(['22021', '22P05', '22001', '23514', '22003']);

/** pg raises these without a code; its messages are stable across 8.x. */
const PG_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect/];

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 20) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const o = e as Record<string, unknown>;
    for (const key of ['code', 'originalCode', 'kind', 'errno'])
      if (typeof o[key] === 'string') codes.push(o[key] as string);
    if (typeof o.message === 'string' && PG_MESSAGES.some((re) => re.test(o.message as string)))
      codes.push('PG_CONNECTION_TERMINATED');
    queue.push(o.cause);
    const meta = o.meta as Record<string, unknown> | undefined;
    if (meta && typeof meta === 'object') queue.push(meta.driverAdapterError, meta.cause);
    if (Array.isArray(o.errors)) queue.push(...o.errors); // AggregateError (IPv4 + IPv6 refused)
  }
  return codes;
}

/** The code that shows PostgreSQL is unavailable, or null when the error is something else. */
export function databaseUnavailableCode(error: unknown): string | null {
  return (
    codesOf(error).find((c) => UNAVAILABLE.has(c) || c === 'PG_CONNECTION_TERMINATED' || /^08/.test(c)) ??
    null
  );
}

/** The SQLSTATE with which PostgreSQL refused a value, or null. */
export function refusedValueCode(error: unknown): string | null {
  return codesOf(error).find((c) => REFUSED_VALUE.has(c)) ?? null;
}
