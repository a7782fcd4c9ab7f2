import 'server-only';
import { readCappedText } from '@/lib/http/read-body';
import { assertCleanText, errorResponse, searchParamsToObject } from './api';
import { failures } from './auth-failures';

/** Sign-up, sign-in and the rest carry a few short fields; nothing near this. */
export const MAX_AUTH_BODY_BYTES = 8 * 1024;

type Handler = (request: Request) => Promise<Response>;

async function answer(handler: Handler, request: Request): Promise<Response> {
  const store: { error?: unknown } = {};
  const response = await failures.run(store, () => handler(request));
  if (response.status >= 500 && store.error !== undefined) return errorResponse(store.error);
  return response;
}

/**
 * better-auth's endpoints behind the same capped reader and text rule as the API: the body is
 * read (at most 8 KB) before better-auth sees it, and handed on as a fresh Request.
 */
export function guardAuthHandler(handler: Handler): Handler {
  return async (request) => {
    try {
      assertCleanText(searchParamsToObject(new URL(request.url).searchParams), 'query');
      if (request.method === 'GET' || request.method === 'HEAD') return await answer(handler, request);
      const text = await readCappedText(request, MAX_AUTH_BODY_BYTES);
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // better-auth answers malformed bodies itself
      }
      assertCleanText(parsed);
      return await answer(
        handler,
        new Request(request.url, { method: request.method, headers: request.headers, body: text }),
      );
    } catch (error) {
      return errorResponse(error);
    }
  };
}
