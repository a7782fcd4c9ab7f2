// Sign-in limits a class can live with: a class of 40 behind one address signs up
// and in within a minute; failed sign-ins are held per account with a clear wait; the client
// address comes from X-Forwarded-For only through a trusted proxy. The test runner turns the
// limits off (MARGINALIA_RATE_LIMIT=off); this file turns them on for itself.
import { describe, expect, it } from 'vitest';

// Nothing that loads lib/server/auth.ts may be imported before these lines.
process.env.MARGINALIA_RATE_LIMIT = 'on';
// As scripts/serve.mjs does: the socket's peer arrives in x-marginalia-peer.
process.env.MARGINALIA_PEER_HEADER = 'on';
process.env.TRUSTED_PROXIES = '10.9.0.1, 10.9.8.0/24';
const BASE = process.env.BETTER_AUTH_URL!;
const { POST: authPost } = await import('@/app/api/auth/[...all]/route');
const { db } = await import('@/lib/server/db');
const { signUp } = await import('../support/api');

const PASSWORD = 'correct horse battery';

interface Via {
  peer: string;
  forwardedFor?: string;
}

async function attempt(path: string, body: object, via: Via) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    origin: BASE,
    'x-marginalia-peer': via.peer,
  };
  if (via.forwardedFor) headers['x-forwarded-for'] = via.forwardedFor;
  const response = await authPost(
    new Request(`${BASE}/api/auth${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
  );
  const json = (await response.json()) as { code?: string; message?: string };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), json };
}

const signIn = (email: string, password: string, via: Via) =>
  attempt('/sign-in/email', { email, password }, via);

const nobody = () => `nobody-${crypto.randomUUID().slice(0, 8)}@example.org`;

describe('a class of 40 behind one campus address', () => {
  it('all sign up, then all sign in, within a minute', async () => {
    const campus = { peer: '198.51.100.40' };
    const emails = Array.from(
      { length: 40 },
      (_, i) => `student-${i}-${crypto.randomUUID().slice(0, 6)}@example.org`,
    );
    const started = Date.now();
    const signUps = await Promise.all(
      emails.map((email, i) =>
        attempt('/sign-up/email', { name: `Student ${i}`, email, password: PASSWORD }, campus),
      ),
    );
    const signIns = await Promise.all(emails.map((email) => signIn(email, PASSWORD, campus)));
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `[sign-in limits] 40 sign-ups + 40 sign-ins from one address in ${seconds.toFixed(1)} s: ` +
        `sign-up statuses ${[...new Set(signUps.map((r) => r.status))].join(',')}, ` +
        `sign-in statuses ${[...new Set(signIns.map((r) => r.status))].join(',')}`,
    );
    expect(signUps.map((r) => r.status)).toEqual(Array(40).fill(200));
    expect(signIns.map((r) => r.status)).toEqual(Array(40).fill(200));
    expect(seconds).toBeLessThan(60);
  }, 120_000);

  it('still caps a flood from one address, with the wait in the answer', async () => {
    process.env.AUTH_ADDRESS_BUDGET = '5';
    try {
      const flood = { peer: '198.51.100.41' };
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push(await signIn(nobody(), 'wrong password', flood));
      expect(statuses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
      expect(statuses[5]!.json.message).toMatch(
        /^Too many sign-ins from your network right now\. Try again in (\d+ seconds?|1 minute)\.$/,
      );
      expect(Number(statuses[5]!.retryAfter)).toBeGreaterThan(0);
      expect(Number(statuses[5]!.retryAfter)).toBeLessThanOrEqual(60);
    } finally {
      delete process.env.AUTH_ADDRESS_BUDGET;
    }
  });
});

describe('failed sign-ins, per account', () => {
  it('answers the 6th wrong password with the time to wait; another account signs in meanwhile', async () => {
    const ada = await signUp('Ada');
    const ben = await signUp('Ben');
    const guesser = { peer: '203.0.113.66' };
    const tries = [];
    for (let i = 0; i < 6; i++) tries.push(await signIn(ada.email, `wrong password ${i}`, guesser));
    console.info(
      `[sign-in limits] 6 wrong passwords for one account: ${tries.map((t) => t.status).join(' ')}`,
    );
    expect(tries.slice(0, 5).map((t) => t.status)).toEqual([401, 401, 401, 401, 401]);
    expect(tries[5]).toMatchObject({
      status: 429,
      retryAfter: '60',
      json: {
        code: 'TOO_MANY_FAILED_SIGN_INS',
        message: 'Too many failed sign-ins for this account. Try again in 1 minute.',
      },
    });
    // The right password for another account works, from another address and from this one.
    expect((await signIn(ben.email, PASSWORD, { peer: '203.0.113.67' })).status).toBe(200);
    expect((await signIn(ben.email, PASSWORD, guesser)).status).toBe(200);
    // The held account is held from every address, even with the right password.
    expect((await signIn(ada.email, PASSWORD, { peer: '203.0.113.68' })).status).toBe(429);
  });

  it('counts a burst of parallel guesses one by one: at most 5 reach the password check', async () => {
    const cy = await signUp('Cy');
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(cy.email, `wrong ${i}`, { peer: `203.0.113.${100 + i}` })),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('clears the count after a successful sign-in', async () => {
    const dee = await signUp('Dee');
    const via = { peer: '203.0.113.70' };
    for (let i = 0; i < 4; i++) expect((await signIn(dee.email, 'wrong password', via)).status).toBe(401);
    expect((await signIn(dee.email, PASSWORD, via)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn(dee.email, 'wrong password', via)).status).toBe(401);
  });
});

describe('the client address', () => {
  it('ignores X-Forwarded-For from an untrusted peer: forged addresses share its one budget', async () => {
    process.env.AUTH_ADDRESS_BUDGET = '3';
    try {
      const forged = (i: number) => ({ peer: '198.51.100.90', forwardedFor: `192.0.2.${i}` });
      const statuses = [];
      for (let i = 1; i <= 4; i++)
        statuses.push((await signIn(nobody(), 'wrong password', forged(i))).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      // The same address, told by a trusted proxy, is the same exhausted bucket.
      const viaProxy = { peer: '10.9.0.1', forwardedFor: '198.51.100.90' };
      expect((await signIn(nobody(), 'wrong password', viaProxy)).status).toBe(429);
    } finally {
      delete process.env.AUTH_ADDRESS_BUDGET;
    }
  });

  it('takes X-Forwarded-For from a trusted proxy: each client gets its own budget', async () => {
    process.env.AUTH_ADDRESS_BUDGET = '3';
    try {
      const client = (i: number) => ({
        peer: '10.9.8.20',
        forwardedFor: `6.6.6.6, 192.0.2.${50 + i}, 10.9.0.1`,
      });
      const statuses = [];
      for (let i = 1; i <= 4; i++)
        statuses.push((await signIn(nobody(), 'wrong password', client(i))).status);
      expect(statuses).toEqual([401, 401, 401, 401]);
      const same = { peer: '10.9.0.1', forwardedFor: '192.0.2.99' };
      const repeated = [];
      for (let i = 0; i < 4; i++) repeated.push((await signIn(nobody(), 'wrong password', same)).status);
      expect(repeated).toEqual([401, 401, 401, 429]);
    } finally {
      delete process.env.AUTH_ADDRESS_BUDGET;
    }
  });

  it('records the resolved address on the session, not a forged one', async () => {
    const eve = await signUp('Eve');
    const ok = await signIn(eve.email, PASSWORD, { peer: '10.9.0.1', forwardedFor: '192.0.2.200' });
    expect(ok.status).toBe(200);
    const forged = await signIn(eve.email, PASSWORD, { peer: '198.51.100.91', forwardedFor: '192.0.2.201' });
    expect(forged.status).toBe(200);
    const sessions = await db.session.findMany({ where: { userId: eve.id }, select: { ipAddress: true } });
    expect(sessions.map((s) => s.ipAddress).sort()).toEqual(
      expect.arrayContaining(['192.0.2.200', '198.51.100.91']),
    );
    expect(sessions.map((s) => s.ipAddress)).not.toContain('192.0.2.201');
  });
});
