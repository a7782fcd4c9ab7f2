import 'server-only';
import { readCappedText } from '@/lib/http/read-body';
import { assertCleanText, errorResponse, searchParamsToObject } from './api';
import { failures } from './auth-failures';
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from './client-address';
import { noteSignInOutcome, refuseOverLimit } from './sign-in-limits';

/** Sign-up, sign-in and the rest carry a few short fields; nothing near this. */
export const MAX_AUTH_BODY_BYTES = 8 * 1024;

type Handler = (request: Request) => Promise<Response>;

async function answer(handler: Handler, request: Request): Promise<Response> {
  const store: { error?: unknown } = {};
  const response = await failures.run(store, () => handler(request));
  if (response.status >= 500 && store.error !== undefined) return errorResponse(store.error);
  return response;
}

/** The headers better-auth gets: the client address resolved once, whatever the client wrote. */
function withClientAddress(request: Request, address: string): Headers {
  const headers = new Headers(request.headers);
  headers.set(CLIENT_ADDRESS_HEADER, address);
  return headers;
}

/**
 * better-auth's endpoints behind the same capped reader and text rule as the API: the body is
 * read (at most 8 KB) before better-auth sees it, and handed on as a fresh Request. Sign-in and
 * sign-up are counted per client address and per account first (sign-in-limits.ts).
 */
export function guardAuthHandler(handler: Handler): Handler {
  return async (request) => {
    try {
      const url = new URL(request.url);
      assertCleanText(searchParamsToObject(url.searchParams), 'query');
      const address = clientAddressOf(request);
      const headers = withClientAddress(request, address);
      if (request.method === 'GET' || request.method === 'HEAD')
        return await answer(handler, new Request(request.url, { method: request.method, headers }));
      const text = await readCappedText(request, MAX_AUTH_BODY_BYTES);
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // better-auth answers malformed bodies itself
      }
      assertCleanText(parsed);
      const path = url.pathname.replace(/^\/api\/auth/, '');
      const refusal = await refuseOverLimit(path, address, parsed);
      if (refusal) return refusal;
      const response = await answer(
        handler,
        new Request(request.url, { method: request.method, headers, body: text }),
      );
      await noteSignInOutcome(path, parsed, response);
      return response;
    } catch (error) {
      return errorResponse(error);
    }
  };
}
