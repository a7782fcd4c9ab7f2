// Talking to the running app as a browser would: same-origin JSON with a session cookie.

export const PASSWORD = 'correct horse battery';

export interface BenchReader {
  id: string;
  name: string;
  email: string;
  /** `Cookie` header value carrying the better-auth session */
  cookie: string;
}

export async function postJson<T>(
  baseUrl: string,
  path: string,
  body: unknown,
  cookie?: string,
): Promise<{ status: number; json: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, json: json as T };
}

export async function signUpReader(baseUrl: string, name: string, email: string): Promise<BenchReader> {
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ name, email, password: PASSWORD }),
  });
  if (!response.ok)
    throw new Error(`sign-up of ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = (await response.json()) as { user: { id: string } };
  return { id: body.user.id, name, email, cookie };
}

/** The cookies of a `Cookie` header, for a browser context. */
export function browserCookies(cookie: string, baseUrl: string) {
  return cookie.split('; ').map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
  });
}
