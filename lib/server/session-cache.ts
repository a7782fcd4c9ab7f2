import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { auth } from './auth';
import { sharedCache } from './change-feed';
import { rawSql } from './db';

// The session behind a request without a database round trip on the hot path (docs/adr/0011).
// better-auth's session cookie is `<token>.<HMAC-SHA256 of the token>`: the signature is checked
// here in memory, and the token looked up in a per-process cache of live sessions. The cache
// is dropped through the change feed (a trigger on `sessions` and `users` announces every
// change and deletion), so sign-out, a password change and account deletion end a session in
// every process as soon as their notification arrives; while the feed is down every lookup
// reads the sessions table, as before (ADR 0006).

export interface LiveSession {
  sessionId: string;
  userId: string;
  name: string;
  email: string;
  /** ms since the epoch */
  expiresAt: number;
  /** when better-auth would extend the session (its `updateAge`), ms since the epoch */
  refreshAt: number;
}

const MAX_SESSIONS = 20_000;

const sessions = sharedCache<LiveSession>('sessions', MAX_SESSIONS, (entries, kind, key) => {
  if (kind === 'session') {
    if (key === null) entries.clear();
    else entries.delete(key);
  } else if (kind === 'user') {
    if (key === null) entries.clear();
    else for (const [token, s] of entries) if (s.userId === key) entries.delete(token);
  }
});

function cookieValue(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/** The token of a signed session cookie if its signature is ours, else null. */
export function verifySessionCookie(signed: string, secret: string): string | null {
  const dot = signed.lastIndexOf('.');
  if (dot < 1) return null;
  const token = signed.slice(0, dot);
  const signature = Buffer.from(signed.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;
  return token;
}

async function loadSession(token: string): Promise<LiveSession | null> {
  const rows = await rawSql()<{ id: string; userId: string; name: string; email: string; expiresAt: Date }[]>`
    SELECT s."id", s."userId", u."name", u."email", s."expiresAt"
    FROM "sessions" s JOIN "users" u ON u."id" = s."userId"
    WHERE s."token" = ${token} AND s."expiresAt" > now()`;
  const row = rows[0];
  if (!row) return null;
  const config = (await auth.$context).sessionConfig;
  const expiresAt = row.expiresAt.getTime();
  return {
    sessionId: row.id,
    userId: row.userId,
    name: row.name,
    email: row.email,
    expiresAt,
    refreshAt: expiresAt - config.expiresIn * 1000 + config.updateAge * 1000,
  };
}

/** The live session behind these headers, or null (no cookie, a forged one, ended or expired). */
export async function sessionFromHeaders(headers: Headers): Promise<LiveSession | null> {
  const cookieHeader = headers.get('cookie');
  if (!cookieHeader) return null;
  const context = await auth.$context;
  const signed = cookieValue(cookieHeader, context.authCookies.sessionToken.name);
  if (!signed) return null;
  const token = verifySessionCookie(signed, context.secret);
  if (!token) return null;
  let session = await sessions.get(token, () => loadSession(token));
  if (!session) return null;
  if (session.expiresAt <= Date.now()) {
    sessions.delete(token);
    return null;
  }
  if (session.refreshAt <= Date.now()) {
    // better-auth extends a session in use once a day (`updateAge`); its own lookup does it,
    // and the update drops the cached entry through the change feed.
    await auth.api.getSession({ headers, query: { disableCookieCache: true } });
    sessions.delete(token);
    session = await loadSession(token);
  }
  return session;
}
