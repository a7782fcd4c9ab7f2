import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

// better-auth answers an unexpected error (PostgreSQL unreachable included) with a bare
// 500; its onAPIError hook (auth.ts) hands us the error here, so that the auth route
// (auth-route.ts) can answer as the API does: 503 with Retry-After when the database is down.
export const failures = new AsyncLocalStorage<{ error?: unknown }>();

export function noteAuthFailure(error: unknown) {
  const store = failures.getStore();
  if (store) store.error = error;
}
