import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from './auth';
import { rawSql } from './db';

export interface Reader {
  id: string;
  name: string;
  email: string;
}

/**
 * The session behind these headers, if it is still live. better-auth may answer from its
 * signed cookie cache (up to a minute old); one indexed query on the sessions table makes
 * sure it was not ended since (sign-out, revoked by a password change): ~0.4 ms instead
 * of ~6 ms for a full lookup (docs/adr/0006).
 */
async function liveSession(requestHeaders: Headers) {
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const live = await rawSql()`
    SELECT 1 FROM "sessions" WHERE "id" = ${session.session.id} AND "expiresAt" > now()`;
  return live.length > 0 ? session : null;
}

/** The signed-in reader for this request, or null. Cached per request. */
export const getReader = cache(async (): Promise<Reader | null> => {
  const session = await liveSession(await headers());
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
});

/** For pages: a signed-out visitor goes to sign-in, then back to `returnTo`. */
export async function requireReader(returnTo: string): Promise<Reader> {
  const reader = await getReader();
  if (!reader) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return reader;
}

export async function readerFromRequest(request: Request): Promise<Reader | null> {
  const session = await liveSession(request.headers);
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
}
