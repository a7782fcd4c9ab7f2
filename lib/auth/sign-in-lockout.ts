// Failed sign-ins are counted per account, not per address: a class behind one campus
// address must not share a budget, and a guesser who rotates addresses must not escape it.
// Pure rules here; the counters live in PostgreSQL (lib/server/sign-in-limits.ts).

export interface LockoutPolicy {
  /** Failures allowed without a pause of `quietSeconds` before the account is held. */
  maxFailures: number;
  /** A pause this long (after the last failure and after any hold) starts the count afresh. */
  quietSeconds: number;
  /** The first hold; each further failure doubles it, up to `maxDelaySeconds`. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = {
  maxFailures: 5,
  quietSeconds: 15 * 60,
  baseDelaySeconds: 60,
  maxDelaySeconds: 60 * 60,
};

export interface FailureCounter {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** How long the account is held after its `failures`-th failure in a row (0: not held). */
export function lockoutDelaySeconds(failures: number, policy: LockoutPolicy = DEFAULT_LOCKOUT): number {
  if (failures < policy.maxFailures) return 0;
  const doublings = Math.min(failures - policy.maxFailures, 30);
  return Math.min(policy.baseDelaySeconds * 2 ** doublings, policy.maxDelaySeconds);
}

/** Seconds until the account may try again, or 0 when it may try now. */
export function secondsLocked(counter: FailureCounter | null, now: Date): number {
  if (!counter?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((counter.lockedUntil.getTime() - now.getTime()) / 1000));
}

/**
 * The counter after one more attempt that is not (yet) known to have succeeded. Attempts are
 * counted before the password is checked, so a burst of parallel guesses cannot all slip in
 * before the first failure is written; a success clears the counter.
 */
export function countAttempt(
  counter: FailureCounter | null,
  now: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
): FailureCounter {
  const quietSince = Math.max(counter?.lastFailureAt.getTime() ?? 0, counter?.lockedUntil?.getTime() ?? 0);
  const carried = counter && now.getTime() - quietSince < policy.quietSeconds * 1000 ? counter.failures : 0;
  const failures = carried + 1;
  const delay = lockoutDelaySeconds(failures, policy);
  return { failures, lastFailureAt: now, lockedUntil: delay ? new Date(now.getTime() + delay * 1000) : null };
}

/** "40 seconds", "1 minute", "3 minutes": rounded up, so the reader never comes back too early. */
export function describeWait(seconds: number): string {
  if (seconds < 60) {
    const s = Math.max(1, Math.ceil(seconds));
    return `${s} second${s === 1 ? '' : 's'}`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function lockedMessage(seconds: number): string {
  return `Too many failed sign-ins for this account. Try again in ${describeWait(seconds)}.`;
}

export function busyAddressMessage(seconds: number): string {
  return `Too many sign-ins from your network right now. Try again in ${describeWait(seconds)}.`;
}
