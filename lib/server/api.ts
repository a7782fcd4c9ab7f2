import 'server-only';
import { z, type ZodType } from 'zod';
import { databaseUnavailableCode, refusedValueCode } from '@/lib/http/database-errors';
import { findHostileText } from '@/lib/http/hostile-text';
import { BodyTooLargeError, readCappedText } from '@/lib/http/read-body';
import { isTokenRequest, readerFromApiToken } from './api-tokens';
import { AppError, databaseUnavailable, invalid, unauthenticated } from './errors';
import { idempotencyKeyOf, runIdempotent } from './idempotency';
import { readerFromRequest, type Reader } from './session';

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
/** Routes that read their own body (articles up to 6 MB, annotation files up to 10 MB) get it
 * from a copy this wrapper read first, within this cap, so every body passes one reader. */
export const MAX_RAW_BODY_BYTES = 12 * 1024 * 1024;
/** What a client is told to wait before retrying while PostgreSQL is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/** `json` for a body that is already JSON (built by PostgreSQL, say), as UTF-8 bytes. */
export function jsonBytes(bytes: Uint8Array<ArrayBuffer>, status = 200): Response {
  return new Response(bytes, {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

function appErrorResponse(error: AppError): Response {
  const headers: Record<string, string> =
    error.code === 'SERVICE_UNAVAILABLE' ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {};
  return json(error.toJSON(), error.status, headers);
}

/** Every failure as a typed error: ours as they are, an oversized body as 413, PostgreSQL
 * being unreachable as 503 with Retry-After (the log names it), a value PostgreSQL refused
 * as 400, and only a real bug as 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return appErrorResponse(error);
  if (error instanceof BodyTooLargeError)
    return appErrorResponse(new AppError('PAYLOAD_TOO_LARGE', error.message));
  const unavailable = databaseUnavailableCode(error);
  if (unavailable) {
    console.error(`[api] dependency unavailable: PostgreSQL (${unavailable})`);
    return appErrorResponse(databaseUnavailable());
  }
  const refused = refusedValueCode(error);
  if (refused) {
    console.warn(`[api] PostgreSQL refused a value (SQLSTATE ${refused})`);
    return appErrorResponse(invalid('A value is too long or contains characters that cannot be stored.'));
  }
  console.error('[api] unexpected error', error);
  return json(
    {
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong on our side. Nothing you saved was lost; please try again.',
      },
    },
    500,
  );
}

export function zodFields(error: z.ZodError, prefix?: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || prefix || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

function parseWith<T>(schema: ZodType<T> | undefined, value: unknown, what: string, prefix?: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(`The ${what} is not valid.`, zodFields(result.error, prefix));
  return result.data;
}

/** The text rule (lib/http/hostile-text.ts) for one parsed input, before any schema or query sees it. */
export function assertCleanText(value: unknown, prefix = '') {
  const found = findHostileText(value, prefix);
  if (found) throw invalid(found.message, { [found.path]: found.message });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
}

async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readCappedText(request, maxBytes);
  if (text.trim() === '') return {};
  const value = parseJson(text);
  assertCleanText(value);
  return value;
}

/** For routes that parse their own body: the same cap and text rule, then a fresh Request
 * carrying the text that was read, so their own readers work unchanged. */
async function readRawBody(request: Request, maxBytes: number): Promise<Request> {
  if (request.method === 'GET' || request.method === 'HEAD') return request;
  const text = await readCappedText(request, maxBytes);
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: the route reports that itself; the text rule still applies to the raw text
  }
  assertCleanText(parsed);
  return new Request(request.url, { method: request.method, headers: request.headers, body: text });
}

/** A state-changing request from another site's page is refused outright, as is an Origin
 * that is not a URL at all (`null` from sandboxed frames and file: pages). */
function assertSameOrigin(request: Request) {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const origin = request.headers.get('origin');
  if (origin === null) return;
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!originHost || (host && originHost !== host))
    throw new AppError('BAD_REQUEST', 'Cross-site requests are not accepted.');
}

/** Repeated keys (`tag=claim&tag=framing`) become arrays; single ones stay strings. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const existing = out[key];
    out[key] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export interface HandlerContext<P, Q, B> {
  reader: Reader;
  params: P;
  query: Q;
  body: B;
  request: Request;
}

interface RouteOptions<P, Q, B> {
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** read the body yourself (uploads); the wrapper then leaves it alone */
  rawBody?: boolean;
  maxBodyBytes?: number;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** The one wrapper for route handlers: session, input parsing and typed errors,
 * so that no route can forget a check. */
export function withReader<P = undefined, Q = undefined, B = undefined>(
  options: RouteOptions<P, Q, B>,
  handler: (ctx: HandlerContext<P, Q, B>) => Promise<Response | object>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> =>
    uncompressedWriteAnswer(request, await handle(options, handler, request, context));
}

/** The answer to a write (one annotation or reply, an error, an import's report) goes out as
 * it is: `next start` would gzip it on the request's path to save a few hundred bytes (ADR
 * 0023, measured in docs/benchmarks.md). `no-transform` is what its `compression`
 * middleware honours; GET answers (lists, exports, the page) are still compressed. */
function uncompressedWriteAnswer(request: Request, response: Response): Response {
  if (request.method === 'GET' || request.method === 'HEAD') return response;
  const cacheControl = response.headers.get('cache-control');
  if (cacheControl?.includes('no-transform')) return response;
  try {
    response.headers.set('cache-control', cacheControl ? `${cacheControl}, no-transform` : 'no-transform');
  } catch {
    // immutable headers (a fetched response passed through): leave them as they are
  }
  return response;
}

async function handle<P, Q, B>(
  options: RouteOptions<P, Q, B>,
  handler: (ctx: HandlerContext<P, Q, B>) => Promise<Response | object>,
  request: Request,
  context: RouteContext,
): Promise<Response> {
  try {
    // A bearer token cannot be sent by another site's page on its own: no Origin check.
    if (!isTokenRequest(request)) assertSameOrigin(request);
    // Path and query values follow the text rule before anything (the session lookup
    // included) runs a query with them.
    const rawParams = await context.params;
    assertCleanText(rawParams, 'params');
    const rawQuery = searchParamsToObject(new URL(request.url).searchParams);
    assertCleanText(rawQuery, 'query');
    const reader = (await readerFromApiToken(request)) ?? (await readerFromRequest(request));
    if (!reader) throw unauthenticated();
    const params = parseWith(options.params, rawParams, 'address', 'params');
    const query = parseWith(options.query, rawQuery, 'query', 'query');
    let body = undefined as B;
    let forHandler = request;
    if (options.rawBody) {
      forHandler = await readRawBody(request, options.maxBodyBytes ?? MAX_RAW_BODY_BYTES);
    } else if (options.body) {
      const raw = await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
      body = parseWith(options.body, raw, 'request body');
    }
    const run = async () => {
      const result = await handler({ reader, params, query, body, request: forHandler });
      return result instanceof Response ? result : json(result);
    };
    const key = idempotencyKeyOf(request);
    if (!key) return await run();
    const path = new URL(request.url).pathname;
    return await runIdempotent({ userId: reader.id, key, method: request.method, path }, run);
  } catch (error) {
    return errorResponse(error);
  }
}
