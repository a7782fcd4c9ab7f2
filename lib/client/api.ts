// The browser's one way to talk HTTP to /api/v1: every failure becomes an ApiError with
// a typed kind and one wording per kind, so that callers decide on states, never on text.
// Typed endpoints are in ./endpoints.ts.

/** What went wrong, as callers decide on it. */
export type FailureKind =
  | 'network' // no answer at all
  | 'signed-out' // 401
  | 'unavailable' // 503: the server or its database is briefly down
  | 'busy' // 408, 429, 502, 504: worth trying again later
  | 'rejected' // any other 4xx: the server's own message says why
  | 'server' // 500 and the rest of 5xx
  | 'cancelled'; // the caller aborted

/** One sentence per kind of failure that the client words itself. */
export const WORDING = {
  network: 'Marginalia could not be reached. Check your connection; nothing you entered is lost.',
  'signed-out': 'Your session has ended. Sign in again and you will come back here.',
  unavailable: 'Marginalia is briefly unavailable (reconnecting…). Please try again in a moment.',
  busy: 'Marginalia is busy. Please try again in a moment.',
  server: 'Something went wrong on the server. Nothing you saved was lost; please try again.',
  cancelled: 'Cancelled.',
} as const;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** from Retry-After, when the server sent one */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get kind(): FailureKind {
    return failureKind(this.status, this.code);
  }

  /** Sending the same request again may succeed (with the same Idempotency-Key). */
  get retryable(): boolean {
    const kind = this.kind;
    return kind === 'network' || kind === 'unavailable' || kind === 'busy';
  }
}

export function failureKind(status: number, code = ''): FailureKind {
  if (code === 'CANCELLED') return 'cancelled';
  if (status === 0) return 'network';
  if (status === 401) return 'signed-out';
  if (status === 503) return 'unavailable';
  if (status === 408 || status === 429 || status === 502 || status === 504) return 'busy';
  if (status >= 500) return 'server';
  return 'rejected';
}

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}

/** The ApiError for a failed response: the server's message for a rejection (with the first
 * field's detail when it adds something), the client's own wording for everything else. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  const error = body?.error;
  const fields = error?.fields ?? {};
  const kind = failureKind(response.status);
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const code = error?.code ?? `HTTP_${response.status}`;
  if (kind !== 'rejected' && !(kind === 'server' && error?.message))
    return new ApiError(response.status, code, WORDING[kind], fields, retryAfter);
  const message = error?.message ?? `The server answered ${response.status}. Please try again.`;
  const detail = Object.values(fields)[0];
  const text = detail && detail !== message && !message.includes(detail) ? `${message} ${detail}` : message;
  return new ApiError(response.status, code, text, fields, retryAfter);
}

export function networkError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if ((error as Error | null)?.name === 'AbortError') return new ApiError(0, 'CANCELLED', WORDING.cancelled);
  return new ApiError(0, 'NETWORK', WORDING.network);
}

/** A 401 sends the reader to sign in, and back here afterwards (once per page). */
let sentToSignIn = false;
function sendToSignIn() {
  if (typeof window === 'undefined' || sentToSignIn) return;
  sentToSignIn = true;
  const here = window.location.pathname + window.location.search + window.location.hash;
  // A full page load, not a client-side route: everything the page holds belongs to the ended session.
  const signIn = new URL(`/sign-in?next=${encodeURIComponent(here)}`, window.location.origin);
  window.location.assign(signIn.href);
}

export interface RequestOptions {
  body?: unknown;
  /** sent as Idempotency-Key: the server answers a repeat with the first result */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** a raw body (e.g. a File) sent with this content type instead of JSON */
  raw?: { body: BodyInit; contentType: string };
}

/** Sends a request and returns the raw response once it is known to be a success. */
export async function send(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  opts: RequestOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (opts.raw) headers['content-type'] = opts.raw.contentType;
  else if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: opts.raw ? opts.raw.body : opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (error) {
    throw networkError(error);
  }
  if (response.ok) return response;
  const error = await errorFromResponse(response);
  if (error.kind === 'signed-out') sendToSignIn();
  throw error;
}

/** A JSON request; 204 gives undefined. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  opts: RequestOptions = {},
): Promise<T> {
  const response = await send(method, path, opts);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch (error) {
    throw networkError(error);
  }
}

/** The message to show for an error: the field's own message when there is one. */
export function messageFor(error: unknown, field?: string): string {
  if (error instanceof ApiError) return (field && error.fields[field]) || error.message;
  return WORDING.server;
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: ApiError; message: string };

/** For forms that show one message: the request's result, or its error and wording. */
export async function settle<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, data: await promise };
  } catch (e) {
    const error = networkError(e);
    return { ok: false, error, message: error.message };
  }
}
