import 'server-only';
import {
  DEFAULT_LOCKOUT,
  busyAddressMessage,
  countAttempt,
  lockedMessage,
  secondsLocked,
  type LockoutPolicy,
} from '@/lib/auth/sign-in-lockout';
import { db } from './db';

// Sign-in limits a class can live with: failed sign-ins are held per account
// (lib/auth/sign-in-lockout.ts), and sign-ins plus sign-ups share a budget per client address
// large enough for a class of 40 behind one campus address, yet still a cap against a flood.
// Both counters live in PostgreSQL, so every app process sees the same counts. better-auth's
// own in-memory limiter still covers its other endpoints (lib/server/auth.ts).

const ADDRESS_WINDOW_SECONDS = 60;
/** 40 students signing up and in, with room for typos and retries. */
const DEFAULT_ADDRESS_BUDGET = 240;
const CLEANUP_EVERY_MS = 10 * 60_000;

const LIMITED_PATHS = ['/sign-in/', '/sign-up/'];

export function limitsEnabled(): boolean {
  return process.env.MARGINALIA_RATE_LIMIT !== 'off';
}

function positiveSetting(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function lockoutPolicy(): LockoutPolicy {
  return {
    ...DEFAULT_LOCKOUT,
    maxFailures: positiveSetting('SIGN_IN_MAX_FAILURES', DEFAULT_LOCKOUT.maxFailures),
  };
}

/** The database's clock, so that app processes with skewed clocks agree on every hold. */
async function databaseNow(tx: Pick<typeof db, '$queryRaw'>): Promise<Date> {
  const [row] = await tx.$queryRaw<
    { ms: number }[]
  >`SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS ms`;
  return new Date(row!.ms);
}

let lastCleanup = 0;

/** Old counters are dropped now and then; a row only matters within its window or hold. */
async function dropStaleCounters(now: Date) {
  if (now.getTime() - lastCleanup < CLEANUP_EVERY_MS) return;
  lastCleanup = now.getTime();
  const quietCutoff = new Date(now.getTime() - DEFAULT_LOCKOUT.quietSeconds * 1000);
  await db.signInFailure.deleteMany({
    where: {
      lastFailureAt: { lt: quietCutoff },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: quietCutoff } }],
    },
  });
  await db.addressBudget.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - ADDRESS_WINDOW_SECONDS * 1000) } },
  });
}

/**
 * Counts one sign-in attempt for the account, before its password is checked. Answers the
 * seconds the account is still held (0: go ahead). One transaction per email, serialized by an
 * advisory lock, so parallel guesses are counted one after another.
 */
export async function claimSignInAttempt(rawEmail: string): Promise<number> {
  const email = rawEmail.trim().toLowerCase().slice(0, 320);
  const policy = lockoutPolicy();
  const held = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sign-in:' || ${email}))`;
    const now = await databaseNow(tx);
    const counter = await tx.signInFailure.findUnique({ where: { email } });
    const wait = secondsLocked(counter, now);
    if (wait > 0) return { wait, now };
    const next = countAttempt(counter, now, policy);
    await tx.signInFailure.upsert({ where: { email }, create: { email, ...next }, update: next });
    return { wait: 0, now };
  });
  await dropStaleCounters(held.now);
  return held.wait;
}

/** A correct password clears the account's count. */
export async function clearSignInFailures(rawEmail: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { email: rawEmail.trim().toLowerCase().slice(0, 320) } });
}

/** Spends one request of the address's budget; answers the seconds until it refills, or 0. */
export async function spendAddressBudget(address: string): Promise<number> {
  const key = `auth:${address}`.slice(0, 100);
  const window = ADDRESS_WINDOW_SECONDS;
  const budget = positiveSetting('AUTH_ADDRESS_BUDGET', DEFAULT_ADDRESS_BUDGET);
  // One atomic statement: a window that has run out starts afresh, otherwise the count grows.
  const [row] = await db.$queryRaw<{ count: number; resetsIn: number }[]>`
    INSERT INTO "address_budgets" AS b ("key", "count", "windowStart")
    VALUES (${key}, 1, clock_timestamp() AT TIME ZONE 'UTC')
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN b."windowStart" <= EXCLUDED."windowStart" - ${window}::int * interval '1 second'
                     THEN 1 ELSE b."count" + 1 END,
      "windowStart" = CASE WHEN b."windowStart" <= EXCLUDED."windowStart" - ${window}::int * interval '1 second'
                           THEN EXCLUDED."windowStart" ELSE b."windowStart" END
    RETURNING b."count",
      ceil(extract(epoch FROM b."windowStart" + ${window}::int * interval '1 second'
                               - (clock_timestamp() AT TIME ZONE 'UTC')))::int AS "resetsIn"`;
  return row!.count > budget ? Math.max(1, row!.resetsIn) : 0;
}

function tooMany(code: string, message: string, seconds: number): Response {
  // better-auth's own error shape ({ code, message }), so its client hands the sentence on.
  return Response.json(
    { code, message },
    { status: 429, headers: { 'retry-after': String(seconds), 'cache-control': 'no-store' } },
  );
}

function emailOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const email = (body as { email?: unknown }).email;
  return typeof email === 'string' && email.trim() !== '' ? email : null;
}

/**
 * Before better-auth sees a sign-in or sign-up: the address's budget, then (sign-in) the
 * account's hold. Answers the 429 to send, or null to go ahead.
 */
export async function refuseOverLimit(
  path: string,
  address: string,
  body: unknown,
): Promise<Response | null> {
  if (!limitsEnabled() || !LIMITED_PATHS.some((prefix) => path.startsWith(prefix))) return null;
  const refill = await spendAddressBudget(address);
  if (refill > 0) return tooMany('TOO_MANY_REQUESTS', busyAddressMessage(refill), refill);
  const email = path === '/sign-in/email' ? emailOf(body) : null;
  if (!email) return null;
  const wait = await claimSignInAttempt(email);
  return wait > 0 ? tooMany('TOO_MANY_FAILED_SIGN_INS', lockedMessage(wait), wait) : null;
}

/** After better-auth answered: a successful sign-in clears the account's count. */
export async function noteSignInOutcome(path: string, body: unknown, response: Response): Promise<void> {
  if (!limitsEnabled() || path !== '/sign-in/email' || response.status !== 200) return;
  const email = emailOf(body);
  if (email) await clearSignInFailures(email);
}
