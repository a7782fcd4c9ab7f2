// Sign-up is rate-limited like sign-in (3 attempts per 10 s per client address), so its
// "user already exists" answer cannot be used to test e-mail addresses at speed. The test
// runner turns the limiter off (MARGINALIA_RATE_LIMIT=off); this file turns it back on.
import { describe, expect, it } from 'vitest';

// Nothing that loads lib/server/auth.ts may be imported before this line.
process.env.MARGINALIA_RATE_LIMIT = 'on';
const BASE = process.env.BETTER_AUTH_URL!;
const { POST: authPost } = await import('@/app/api/auth/[...all]/route');

const attempt = (path: string, body: object, ip: string) =>
  authPost(
    new Request(`${BASE}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, 'x-forwarded-for': ip },
      body: JSON.stringify(body),
    }),
  );

describe('the sign-up rate limit', () => {
  it('answers 429 to the fourth sign-up from one address within 10 s, not to another address', async () => {
    const email = `taken-${Math.random().toString(36).slice(2)}@example.org`;
    const body = { name: 'Probe', email, password: 'correct horse battery' };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt('/sign-up/email', body, '203.0.113.7')).status);
    expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
    expect(statuses[3]).toBe(429);
    expect((await attempt('/sign-up/email', body, '203.0.113.8')).status).not.toBe(429);
  });

  it('limits sign-in the same way', async () => {
    const body = { email: 'nobody@example.org', password: 'wrong password here' };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt('/sign-in/email', body, '203.0.113.9')).status);
    expect(statuses[3]).toBe(429);
  });
});
