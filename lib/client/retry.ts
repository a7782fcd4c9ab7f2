// When and how soon a failed request is sent again (TanStack Query's retry and
// retryDelay). Decided on the error's typed kind, never on its message.
import { ApiError } from './api';

/** ADR 0004: three quick retries, then one every few seconds. */
export const RETRY_DELAYS_MS = [500, 1500, 3000];
export const BACKGROUND_RETRY_MS = 4000;
/** A Retry-After longer than this is shortened: the reader is waiting. */
export const MAX_RETRY_AFTER_MS = 30_000;

/** Retries only what may succeed when sent again, at most `limit` times (Infinity: until it
 * succeeds, as an unsaved highlight does). TanStack passes the failures so far, minus one. */
export function retryWhileRetryable(limit: number) {
  return (failureCount: number, error: unknown): boolean =>
    error instanceof ApiError && error.retryable && failureCount < limit;
}

/** The wait before the next try after `failureCount` earlier failures (0 after the first),
 * honouring Retry-After. */
export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfterMs !== null)
    return Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS);
  return RETRY_DELAYS_MS[failureCount] ?? BACKGROUND_RETRY_MS;
}

/** How many failed attempts an unsaved highlight has before it is shown as "not saved yet". */
export const QUICK_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
