import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from './auth';

export interface Reader {
  id: string;
  name: string;
  email: string;
}

/** The signed-in reader for this request, or null. Cached per request. */
export const getReader = cache(async (): Promise<Reader | null> => {
  const session = await auth.api.getSession({ headers: await headers() });
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
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
}
