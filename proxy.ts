import { NextResponse, type NextRequest } from 'next/server';
import { isHostileString } from '@/lib/http/hostile-text';
import { CONTAINER_PATH } from '@/lib/w3c/protocol';

// Runs before every page and API route (Next 16's "proxy", formerly middleware):
// 1. an address Next could not decode (malformed percent-encoding) or that decodes to NUL
//    or a lone surrogate gets a typed 400 instead of Next's plain-text 500;
// 2. W3C annotation containers end in "/" and nothing else does (next.config.js turns Next's
//    own trailing-slash redirect off for this): a 308 to the right spelling otherwise;
// 3. every page gets a strict Content-Security-Policy with a fresh nonce, which Next puts
//    on its own scripts (pages render per request for that: see app/layout.tsx).

function badAddress(): NextResponse {
  return NextResponse.json(
    {
      error: { code: 'BAD_REQUEST', message: 'The address is not valid: it has malformed percent-encoding.' },
    },
    { status: 400, headers: { 'cache-control': 'no-store' } },
  );
}

/** Each path segment must decode, and decode to acceptable text. */
function pathIsDecodable(pathname: string): boolean {
  for (const segment of pathname.split('/')) {
    try {
      if (isHostileString(decodeURIComponent(segment))) return false;
    } catch {
      return false;
    }
  }
  return true;
}

function contentSecurityPolicy(nonce: string, https: boolean): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced bootstrap load Next's chunks; no 'unsafe-inline'.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React and the editor set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Query values follow the same text rule, for pages as for the API. */
function queryIsText(params: URLSearchParams): boolean {
  for (const [key, value] of params) if (isHostileString(key) || isHostileString(value)) return false;
  return true;
}

/** The address with its trailing slash as it should be, or null when it already is. (Next
 * wants an absolute Location from the proxy: the request's own address, as Next's own
 * trailing-slash redirect would use.) */
function slashRedirect(request: NextRequest): Response | null {
  const url = new URL(request.url);
  const { pathname, search } = url;
  let wanted = pathname;
  if (CONTAINER_PATH.test(`${pathname}/`)) wanted = `${pathname}/`;
  else if (pathname.length > 1 && pathname.endsWith('/') && !CONTAINER_PATH.test(pathname))
    wanted = pathname.replace(/\/+$/, '') || '/';
  if (wanted === pathname) return null;
  return new Response(null, { status: 308, headers: { location: new URL(`${wanted}${search}`, url).href } });
}

export function proxy(request: NextRequest) {
  if (!pathIsDecodable(request.nextUrl.pathname) || !queryIsText(request.nextUrl.searchParams))
    return badAddress();
  const redirect = slashRedirect(request);
  if (redirect) return redirect;
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = request.nextUrl.pathname.startsWith('/api/')
    ? "default-src 'none'; frame-ancestors 'none'"
    : contentSecurityPolicy(nonce, https);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  if (https) response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
  return response;
}

export const config = {
  // Static files carry no scripts of their own to nonce.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
