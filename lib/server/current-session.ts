import 'server-only';
import { headers } from 'next/headers';
import { auth } from './auth';

/** The id of the session behind this page request, so the account page can say "this device". */
export async function currentSessionId(): Promise<string | null> {
  const session = await auth.api.getSession({ headers: await headers() });
  return session?.session.id ?? null;
}
