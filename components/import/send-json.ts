// fetch for the import pages: API errors come back as one readable sentence.
export type SendResult<T> =
  { ok: true; status: number; data: T } | { ok: false; status: number; message: string };

interface ApiError {
  error?: { message?: string; fields?: Record<string, string> };
}

export async function sendJson<T>(method: 'POST', url: string, body: unknown): Promise<SendResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      status: 0,
      message: 'Marginalia could not be reached. Check your connection and try again; nothing was lost.',
    };
  }
  const data = (await response.json().catch(() => null)) as (T & ApiError) | null;
  if (response.ok && data) return { ok: true, status: response.status, data };
  if (response.status === 401)
    return {
      ok: false,
      status: 401,
      message: 'Your session has ended. Sign in again in another tab, then retry here.',
    };
  const message = data?.error?.message ?? `The server answered ${response.status}. Please try again.`;
  return { ok: false, status: response.status, message };
}
