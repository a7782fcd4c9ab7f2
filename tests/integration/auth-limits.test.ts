// better-auth's own endpoints keep the API's input limits: a display name is at most 80
// characters on the server too, as the sign-up form says.
import { describe, expect, it } from 'vitest';
import { POST as authRoute } from '@/app/api/auth/[...all]/route';
import { NAME_MAX } from '@/lib/limits';
import { db } from '@/lib/server/db';
import { BASE } from '../support/api';

async function signUpAs(name: string, email = `limits-${crypto.randomUUID().slice(0, 8)}@example.org`) {
  const response = await authRoute(
    new Request(new URL('/api/auth/sign-up/email', BASE), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE },
      body: JSON.stringify({ name, email, password: 'correct horse battery' }),
    }),
  );
  return { status: response.status, json: (await response.json()) as Record<string, unknown>, email };
}

describe('signing up', () => {
  it('takes a name of 80 characters', async () => {
    const res = await signUpAs('n'.repeat(NAME_MAX));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
  });

  it('refuses a longer name with a sentence a reader can act on, and stores nothing', async () => {
    for (const name of ['n'.repeat(NAME_MAX + 1), 'n'.repeat(4_000)]) {
      const res = await signUpAs(name);
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'Use at most 80 characters for your name.',
      });
      expect(await db.user.count({ where: { email: res.email } })).toBe(0);
    }
  });

  it('refuses a 1 MB name as too large before reading it whole, and stores nothing', async () => {
    const res = await signUpAs('n'.repeat(1_000_000));
    expect(res.status).toBe(413);
    expect(await db.user.count({ where: { email: res.email } })).toBe(0);
  });
});
