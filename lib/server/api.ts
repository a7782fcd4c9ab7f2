import 'server-only';
import { z, type ZodType } from 'zod';
import { AppError, invalid, unauthenticated } from './errors';
import { readerFromRequest, type Reader } from './session';

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return json(error.toJSON(), error.status);
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

async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`,
    );
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
}

/** A state-changing request from another site's page is refused outright. */
function assertSameOrigin(request: Request) {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const origin = request.headers.get('origin');
  if (!origin) return;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (host && new URL(origin).host !== host)
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
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const reader = await readerFromRequest(request);
      if (!reader) throw unauthenticated();
      const params = parseWith(options.params, await context.params, 'address', 'params');
      const url = new URL(request.url);
      const query = parseWith(options.query, searchParamsToObject(url.searchParams), 'query', 'query');
      const rawBody =
        options.body && !options.rawBody
          ? await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)
          : undefined;
      const body = parseWith(options.body, rawBody, 'request body');
      const result = await handler({ reader, params, query, body, request });
      return result instanceof Response ? result : json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
