import { describe, expect, it } from 'vitest';
import { ApiError, WORDING, errorFromResponse, failureKind, networkError, parseRetryAfter } from './api';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('failureKind', () => {
  it('sorts statuses into the kinds callers decide on', () => {
    expect(failureKind(0)).toBe('network');
    expect(failureKind(401)).toBe('signed-out');
    expect(failureKind(503)).toBe('unavailable');
    expect([408, 429, 502, 504].map((s) => failureKind(s))).toEqual(['busy', 'busy', 'busy', 'busy']);
    expect(failureKind(500)).toBe('server');
    expect([400, 403, 404, 409, 413].map((s) => failureKind(s))).toEqual(Array(5).fill('rejected'));
    expect(failureKind(0, 'CANCELLED')).toBe('cancelled');
  });
});

describe('ApiError.retryable', () => {
  it('is true for no answer, 503 and the busy statuses, false for rejections, 500 and 401', () => {
    const retryable = (status: number) => new ApiError(status, 'X', 'm').retryable;
    expect([0, 503, 429, 408, 502, 504].map(retryable)).toEqual(Array(6).fill(true));
    expect([400, 401, 404, 409, 500].map(retryable)).toEqual(Array(5).fill(false));
    expect(new ApiError(0, 'CANCELLED', 'm').retryable).toBe(false);
  });
});

describe('errorFromResponse', () => {
  it('keeps the server message of a rejection and adds the first field detail', async () => {
    const error = await errorFromResponse(
      json(400, { error: { code: 'VALIDATION', message: 'Check the form.', fields: { name: 'Too long.' } } }),
    );
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION', fields: { name: 'Too long.' } });
    expect(error.message).toBe('Check the form. Too long.');
  });

  it('words 503 itself and reads Retry-After', async () => {
    const error = await errorFromResponse(
      json(503, { error: { code: 'UNAVAILABLE', message: 'db down' } }, { 'retry-after': '3' }),
    );
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe(WORDING.unavailable);
    expect(error.retryAfterMs).toBe(3000);
  });

  it('words 401 the one way, whatever the body', async () => {
    const error = await errorFromResponse(new Response('nope', { status: 401 }));
    expect(error.message).toBe(WORDING['signed-out']);
    expect(error.retryable).toBe(false);
  });

  it('falls back to the status when a rejection has no readable body', async () => {
    const error = await errorFromResponse(new Response('<html>', { status: 404 }));
    expect(error.code).toBe('HTTP_404');
    expect(error.message).toBe('The server answered 404. Please try again.');
  });
});

describe('networkError', () => {
  it('turns a failed fetch into the one unreachable sentence, and an abort into cancelled', () => {
    expect(networkError(new TypeError('Failed to fetch')).message).toBe(WORDING.network);
    const abort = new DOMException('aborted', 'AbortError');
    expect(networkError(abort).kind).toBe('cancelled');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).toBe(5000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
