import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { BACKGROUND_RETRY_MS, MAX_RETRY_AFTER_MS, retryDelay, retryWhileRetryable } from './retry';

describe('retryWhileRetryable', () => {
  it('retries network failures, 503 and 429 up to the limit, never a rejection', () => {
    const retry = retryWhileRetryable(2);
    expect(retry(0, new ApiError(0, 'NETWORK', 'm'))).toBe(true);
    expect(retry(1, new ApiError(503, 'UNAVAILABLE', 'm'))).toBe(true);
    expect(retry(2, new ApiError(429, 'RATE', 'm'))).toBe(false);
    expect(retry(0, new ApiError(409, 'CONFLICT', 'm'))).toBe(false);
    expect(retry(0, new Error('not an ApiError'))).toBe(false);
    expect(retryWhileRetryable(Infinity)(1000, new ApiError(0, 'NETWORK', 'm'))).toBe(true);
  });
});

describe('retryDelay', () => {
  it('follows ADR 0004 (0.5 s, 1.5 s, 3 s, then every 4 s)', () => {
    const error = new ApiError(0, 'NETWORK', 'm');
    expect([0, 1, 2, 3, 10].map((n) => retryDelay(n, error))).toEqual([
      500,
      1500,
      3000,
      BACKGROUND_RETRY_MS,
      BACKGROUND_RETRY_MS,
    ]);
  });

  it('honours Retry-After, within reason', () => {
    expect(retryDelay(0, new ApiError(503, 'U', 'm', {}, 2000))).toBe(2000);
    expect(retryDelay(0, new ApiError(503, 'U', 'm', {}, 3_600_000))).toBe(MAX_RETRY_AFTER_MS);
  });
});
