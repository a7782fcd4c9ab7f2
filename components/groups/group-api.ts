// The group pages' calls to /api/v1: typed errors become readable messages.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export async function callApi<T = unknown>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'Could not reach Marginalia. Check your connection and try again.');
  }
  if (response.status === 204) return null as T;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data?.error;
    throw new ApiError(
      response.status,
      error?.message ?? `Something went wrong (${response.status}). Please try again.`,
      error?.fields ?? {},
    );
  }
  return data as T;
}

/** The message to show for an error: the field's own message when there is one. */
export function messageFor(error: unknown, field?: string): string {
  if (error instanceof ApiError) return (field && error.fields[field]) || error.message;
  return 'Something went wrong. Please try again.';
}
