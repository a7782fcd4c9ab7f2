import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { sessionFromHeaders } from './session-cache';

export interface Reader {
  id: string;
  name: string;
  email: string;
}

/**
 * The session behind these headers, if it is still live: its signed cookie checked in
 * memory, the session looked up in a per-process cache that sign-out, password changes and
 * account deletion drop in every process through PostgreSQL NOTIFY (docs/adr/0011), or in
 * the sessions table while that channel is down (docs/adr/0006).
 */
async function liveReader(requestHeaders: Headers): Promise<Reader | null> {
  const session = await sessionFromHeaders(requestHeaders);
  return session ? { id: session.userId, name: session.name, email: session.email } : null;
}

/** The signed-in reader for this request, or null. Cached per request. */
export const getReader = cache(async (): Promise<Reader | null> => liveReader(await headers()));

/** For pages: a signed-out visitor goes to sign-in, then back to `returnTo`. */
export async function requireReader(returnTo: string): Promise<Reader> {
  const reader = await getReader();
  if (!reader) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return reader;
}

export async function readerFromRequest(request: Request): Promise<Reader | null> {
  return liveReader(request.headers);
}
