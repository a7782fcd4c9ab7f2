// A PostgreSQL outage during writes: requests answer 503 with Retry-After (never 500), the
// log names PostgreSQL, and once it is back the same requests retried with their
// Idempotency-Keys give the original results — including writes that committed while
// their answer was lost — so what clients were told and what is stored reconcile.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import {
  GET as listAnnotations,
  POST as createAnnotation,
} from '@/app/api/v1/documents/[id]/annotations/route';
import { PATCH as patchAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { POST as postReply } from '@/app/api/v1/annotations/[id]/replies/route';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { BASE, call, signUp, type TestUser } from '../support/api';
import { openPostgresLine, type PostgresLine } from '../support/postgres-line';

// Every client of the app code connects through the line (db.ts creates them lazily).
const directUrl = process.env.DATABASE_URL!;
const target = new URL(directUrl);
const line: PostgresLine = await openPostgresLine(target.hostname, Number(target.port || 5432));
const viaLine = new URL(directUrl);
viaLine.port = String(line.port);
process.env.DATABASE_URL = viaLine.toString();
// Clients made while the route modules loaded go; the next use makes new ones through the line.
const shared = globalThis as {
  marginaliaClients?: {
    prisma: { $disconnect(): Promise<void> };
    sql: { end(options?: { timeout?: number }): Promise<void> };
  };
};
await shared.marginaliaClients?.prisma.$disconnect();
await shared.marginaliaClients?.sql.end();
shared.marginaliaClients = undefined;

const direct = new pg.Client({ connectionString: directUrl });
let ada: TestUser;
let passage: {
  start: { block: string; offset: number };
  end: { block: string; offset: number };
  exact: string;
};

beforeAll(async () => {
  await direct.connect();
  ada = await signUp('Ada');
  const doc = await call(getDocument, 'GET', '/x', { user: ada, params: { id: 'face-time' } });
  const block = (doc.json.blocks as { anchor: string; text: string }[]).find((b) => b.anchor === 'p-4')!;
  passage = {
    start: { block: 'p-4', offset: 0 },
    end: { block: 'p-4', offset: 20 },
    exact: block.text.slice(0, 20),
  };
});

afterAll(async () => {
  await direct.end();
  await line.close();
  // A connection whose answer was swallowed may still wait; don't wait for it.
  await shared.marginaliaClients?.sql.end({ timeout: 1 });
  await shared.marginaliaClients?.prisma.$disconnect();
  shared.marginaliaClients = undefined;
});

const key = () => randomUUID();
const create = (k: string, note = 'A note') =>
  call(createAnnotation, 'POST', '/api/v1/documents/face-time/annotations', {
    user: ada,
    params: { id: 'face-time' },
    headers: { 'idempotency-key': k },
    body: {
      target: passage,
      tags: ['claim'],
      note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: note }] }] },
    },
  });
const patch = (k: string, id: string, rev: number, tags: string[]) =>
  call(patchAnnotation, 'PATCH', `/api/v1/annotations/${id}`, {
    user: ada,
    params: { id },
    headers: { 'idempotency-key': k },
    body: { rev, tags },
  });
const reply = (k: string, annotationId: string) =>
  call(postReply, 'POST', `/api/v1/annotations/${annotationId}/replies`, {
    user: ada,
    params: { id: annotationId },
    headers: { 'idempotency-key': k },
    body: {
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Agreed' }] }] },
    },
  });

async function count(sql: string, ...values: unknown[]): Promise<number> {
  const { rows } = await direct.query<{ n: string }>(sql, values);
  return Number(rows[0].n);
}
const annotationsOfAda = () =>
  count('SELECT count(*) AS n FROM annotations WHERE "authorId" = $1 AND "deletedAt" IS NULL', ada.id);

/** Waits until PostgreSQL itself has committed the key (seen on a direct connection). */
async function committed(k: string) {
  await vi.waitFor(
    async () => expect(await count('SELECT count(*) AS n FROM idempotency_keys WHERE key = $1', k)).toBe(1),
    { timeout: 20_000, interval: 10 },
  );
}

function expectUnavailable(res: { status: number; json: { error: { code: string } }; headers: Headers }) {
  expect(res.status).toBe(503);
  expect(res.json.error.code).toBe('SERVICE_UNAVAILABLE');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

describe('PostgreSQL refuses connections during writes', () => {
  it('answers 503 with Retry-After, logs the dependency, and retries give the first results', async () => {
    const first = await create(key());
    expect(first.status).toBe(201);
    const annotationId = first.json.annotation.id as string;
    const before = await annotationsOfAda();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    await line.cut();
    const keys = { create: key(), patch: key(), reply: key() };
    expectUnavailable(await create(keys.create, 'Written during the outage'));
    expectUnavailable(await patch(keys.patch, annotationId, 1, ['evidence']));
    expectUnavailable(await reply(keys.reply, annotationId));
    expectUnavailable(await call(listAnnotations, 'GET', '/x', { user: ada, params: { id: 'face-time' } }));
    const signIn = await authPost(
      new Request(`${BASE}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE },
        body: JSON.stringify({ email: ada.email, password: 'correct horse battery' }),
      }),
    );
    expectUnavailable({ status: signIn.status, json: await signIn.json(), headers: signIn.headers });
    expect(errors.mock.calls.some((args) => /PostgreSQL/.test(String(args[0])))).toBe(true);
    errors.mockRestore();
    expect(await annotationsOfAda()).toBe(before);
    await line.restore();

    const created = await create(keys.create, 'Written during the outage');
    expect(created.status).toBe(201);
    const patched = await patch(keys.patch, annotationId, 1, ['evidence']);
    expect(patched.status).toBe(200);
    expect(patched.json.annotation.rev).toBe(2);
    const replied = await reply(keys.reply, annotationId);
    expect(replied.status).toBe(201);

    // The same requests again: the first answers, no duplicates, no 409 against itself.
    expect(await create(keys.create, 'Written during the outage')).toMatchObject({
      status: 201,
      json: created.json,
    });
    expect(await patch(keys.patch, annotationId, 1, ['evidence'])).toMatchObject({
      status: 200,
      json: patched.json,
    });
    expect(await reply(keys.reply, annotationId)).toMatchObject({ status: 201, json: replied.json });
    expect(await annotationsOfAda()).toBe(before + 1);
    expect(await count('SELECT count(*) AS n FROM replies WHERE "annotationId" = $1', annotationId)).toBe(1);
  });

  it('a create that committed while its answer was lost is not duplicated on retry', async () => {
    const before = await annotationsOfAda();
    const k = key();
    // postgres.js sends a prepared statement's parameters, not its text, on reuse.
    line.swallowRepliesAfter('Lost answer');
    const attempt = create(k, 'Lost answer');
    await committed(k);
    await line.cut();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expectUnavailable(await attempt);
    errors.mockRestore();
    await line.restore();
    expect(await annotationsOfAda()).toBe(before + 1);

    const retried = await create(k, 'Lost answer');
    expect(retried.status).toBe(201);
    const { rows } = await direct.query('SELECT result FROM idempotency_keys WHERE key = $1', [k]);
    expect(retried.json.annotation.id).toBe(rows[0].result.id);
    expect(await annotationsOfAda()).toBe(before + 1);
  });

  it('an edit that committed while its answer was lost is not a 409 on retry', async () => {
    const created = await create(key());
    const id = created.json.annotation.id as string;
    const k = key();
    // The edit is one statement, which alone carries its answer (new tag and all) for the key.
    line.swallowRepliesAfter('"framing"');
    const attempt = patch(k, id, 1, ['framing']);
    await committed(k);
    await line.cut();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expectUnavailable(await attempt);
    errors.mockRestore();
    await line.restore();

    const retried = await patch(k, id, 1, ['framing']);
    expect(retried.status).toBe(200);
    expect(retried.json.annotation).toMatchObject({ id, rev: 2, tags: ['framing'] });
    // A different edit on the stale version is still a conflict.
    expect((await patch(key(), id, 1, ['claim'])).status).toBe(409);
  });
});
