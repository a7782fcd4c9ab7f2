// Helpers for integration tests: real better-auth accounts and real route handlers,
// called with real Request objects against the test file's own database.
import { randomUUID } from 'node:crypto';
import { auth } from '@/lib/server/auth';
import type { Reader } from '@/lib/server/session';

export const BASE = 'http://127.0.0.1:3000';

export interface TestUser extends Reader {
  cookie: string;
}

export async function signUp(name = 'Reader'): Promise<TestUser> {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@example.org`;
  const response = await auth.api.signUpEmail({
    body: { name, email, password: 'correct horse battery' },
    asResponse: true,
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = (await response.json()) as { user: { id: string; name: string; email: string } };
  return { id: body.user.id, name: body.user.name, email: body.user.email, cookie };
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  user?: TestUser | null;
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
}

/** A parsed response body, exactly as loosely typed as `JSON.parse` returns it: each test
 * asserts the fields it reads, and tests/integration/openapi.test.ts checks whole bodies
 * against the declared response schemas. */
export type ResponseJson = ReturnType<typeof JSON.parse>;

/** Calls a route handler as Next would, and returns status and parsed JSON (or text). */
export async function call(handler: Handler, method: string, path: string, options: CallOptions = {}) {
  const url = new URL(path, BASE);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, v);
  }
  const headers: Record<string, string> = { ...options.headers };
  if (options.user) headers.cookie = options.user.cookie;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await handler(new Request(url, { method, headers, body }), {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await response.text();
  let json: ResponseJson = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json, text, headers: response.headers };
}
