import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { rawSql } from './db';
import { AppError, unauthenticated } from './errors';
import type { Reader } from './session';

// Personal API tokens (docs/adr/0012). A request with `Authorization: Bearer mgt_…` acts as
// the token's owner, with exactly the owner's rights: the data access layer sees the same
// Reader as for a cookie. Only the SHA-256 of the secret is stored, so a leaked database
// does not leak working tokens; the secret is 32 random bytes, so no salt or slow hash is
// needed (nothing to guess).

export const API_TOKEN_PREFIX = 'mgt_';
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 8;
/** `lastUsedAt` is written at most this often per token, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A fresh secret, its hash (stored) and its shown prefix. */
export function newApiTokenSecret(): { secret: string; hash: string; prefix: string } {
  const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashApiToken(secret), prefix: secret.slice(0, SHOWN_PREFIX_LENGTH) };
}

/** The bearer secret of a request, '' for a malformed Authorization header, null without one. */
export function bearerOf(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (header === null) return null;
  const match = /^Bearer[ ]+([A-Za-z0-9_\-.~+/]+=*)\s*$/i.exec(header);
  return match ? match[1] : '';
}

/** Whether the request claims to be a token request (then cookies are ignored). */
export function isTokenRequest(request: Request): boolean {
  return bearerOf(request) !== null;
}

/**
 * The reader behind the request's bearer token: undefined when the request carries no
 * Authorization header (the cookie session decides), else the token's owner; an unknown,
 * revoked or malformed token is 401, never a fall-back to the cookie.
 */
export async function readerFromApiToken(request: Request): Promise<Reader | undefined> {
  const secret = bearerOf(request);
  if (secret === null) return undefined;
  if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 200) throw unauthenticated();
  const rows = await rawSql()<{ id: string; userId: string; name: string; email: string; stale: boolean }[]>`
    SELECT t."id", u."id" AS "userId", u."name", u."email",
           (t."lastUsedAt" IS NULL OR t."lastUsedAt" < now() AT TIME ZONE 'UTC' - ${LAST_USED_RESOLUTION_MS} * interval '1 millisecond') AS "stale"
    FROM "api_tokens" t JOIN "users" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ${hashApiToken(secret)}`;
  const row = rows[0];
  if (!row) throw unauthenticated();
  if (row.stale) {
    await rawSql()`UPDATE "api_tokens" SET "lastUsedAt" = now() AT TIME ZONE 'UTC' WHERE "id" = ${row.id}::uuid`;
  }
  return { id: row.userId, name: row.name, email: row.email };
}

/** Tokens are made and revoked with the session cookie only: a leaked token cannot mint
 * more of itself or hide its tracks. */
export function refuseTokenRequest(request: Request): void {
  if (isTokenRequest(request))
    throw new AppError('FORBIDDEN', 'Tokens are managed from the account page, not with a token.');
}
