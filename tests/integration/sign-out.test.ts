// Signing out signs out everywhere at once: a copy of the session cookie is refused on the
// very next request, for reads and writes (no cookie cache keeps it alive). Also measures
// what a session lookup costs with better-auth's cookie cache on and off (docs/adr/0006).
import { performance } from 'node:perf_hooks';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { describe, expect, it } from 'vitest';
import { GET as listGroups, POST as createGroup } from '@/app/api/v1/groups/route';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { auth } from '@/lib/server/auth';
import { db } from '@/lib/server/db';
import { readerFromRequest } from '@/lib/server/session';
import { BASE, call, signUp } from '../support/api';

describe('sign-out', () => {
  it('refuses a copied session cookie on the next read and write', async () => {
    const ada = await signUp('Ada');
    const copied = ada.cookie;
    expect((await call(listGroups, 'GET', '/x', { user: ada })).status).toBe(200);

    const out = await authPost(
      new Request(`${BASE}/api/auth/sign-out`, {
        method: 'POST',
        headers: { cookie: ada.cookie, origin: BASE, 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(out.status).toBe(200);

    const read = await call(listGroups, 'GET', '/x', { user: { ...ada, cookie: copied } });
    expect(read.status).toBe(401);
    const write = await call(createGroup, 'POST', '/x', {
      user: { ...ada, cookie: copied },
      body: { name: 'After' },
    });
    expect(write.status).toBe(401);
    expect(await db.group.count({ where: { createdById: ada.id } })).toBe(0);
  });
});

describe('session lookup cost', () => {
  it('is measured for a full lookup, the cookie cache alone, and the cache with the revocation check', async () => {
    const ada = await signUp('Ada');
    const uncached = betterAuth({
      baseURL: BASE,
      secret: process.env.BETTER_AUTH_SECRET,
      database: prismaAdapter(db, { provider: 'postgresql' }),
      emailAndPassword: { enabled: true },
      session: { cookieCache: { enabled: false } },
    });
    const time = async (lookup: () => Promise<unknown>) => {
      for (let i = 0; i < 20; i++) expect(await lookup()).toBeTruthy();
      const n = 300;
      const start = performance.now();
      for (let i = 0; i < n; i++) await lookup();
      return (performance.now() - start) / n;
    };
    const full = await time(() => uncached.api.getSession({ headers: new Headers({ cookie: ada.cookie }) }));
    const cacheOnly = await time(() => auth.api.getSession({ headers: new Headers({ cookie: ada.cookie }) }));
    const request = () => new Request(`${BASE}/api/v1/groups`, { headers: { cookie: ada.cookie } });
    const chosen = await time(() => readerFromRequest(request()));
    console.info(
      `[session] lookup per request: full (cache off) ${full.toFixed(3)} ms; cookie cache alone ` +
        `${cacheOnly.toFixed(3)} ms (was: sign-out took up to 60 s); cache + revocation check ${chosen.toFixed(3)} ms`,
    );
  });
});
