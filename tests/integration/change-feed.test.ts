// The per-process caches (sessions, memberships, documents, tags) and what keeps them
// correct (docs/adr/0011): a change made by ANOTHER process (here: a connection of its own,
// outside this process's pool, as another app server's would be) reaches this one through
// the `marginalia_cache` NOTIFY; while that LISTEN is down nothing is cached. The two-process
// proof with real servers is e2e/scale-out.spec.ts.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listGroups } from '@/app/api/v1/groups/route';
import { POST as createAnnotationRoute } from '@/app/api/v1/documents/[id]/annotations/route';
import { GET as getDocumentRoute } from '@/app/api/v1/documents/[id]/route';
import { changeFeed } from '@/lib/server/change-feed';
import { db, statementCount } from '@/lib/server/db';
import { readerFromRequest } from '@/lib/server/session';
import { BASE, call, signUp, type TestUser } from '../support/api';

let other: pg.Client;
let blocks: { anchor: string; text: string }[] = [];

beforeAll(async () => {
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
});
afterAll(async () => {
  await other.end();
});

const feedLive = async () => {
  changeFeed().ensure();
  await expect.poll(() => changeFeed().live, { timeout: 10_000 }).toBe(true);
};

const lookup = (user: TestUser) =>
  readerFromRequest(new Request(`${BASE}/api/v1/groups`, { headers: { cookie: user.cookie } }));

/** Counts what this process sends to PostgreSQL through either driver while `fn` runs. */
async function roundTrips(fn: () => Promise<unknown>): Promise<number> {
  const before = statementCount();
  await fn();
  return statementCount() - before;
}

function annotationBody(groupId?: string) {
  const block = blocks.find((b) => b.anchor === 'p-4')!;
  return {
    target: {
      start: { block: 'p-4', offset: 0 },
      end: { block: 'p-4', offset: 12 },
      exact: block.text.slice(0, 12),
    },
    tags: ['claim'],
    ...(groupId ? { groupId } : {}),
  };
}

describe('sessions', () => {
  it('are answered from memory while the feed is live, and a deletion elsewhere ends them', async () => {
    const ada = await signUp('Ada');
    await feedLive();
    expect(await lookup(ada)).toMatchObject({ id: ada.id });
    // Warm: a lookup reaches PostgreSQL no more.
    const trips = await roundTrips(async () => {
      for (let i = 0; i < 200; i++) await lookup(ada);
    });
    expect(trips).toBe(0);

    const started = performance.now();
    await other.query(`DELETE FROM "sessions" WHERE "userId" = $1`, [ada.id]);
    await expect.poll(() => lookup(ada), { interval: 1 }).toBeNull();
    console.info(
      `[change-feed] a session deleted by another connection ended here after ${(performance.now() - started).toFixed(1)} ms`,
    );
    expect((await call(listGroups, 'GET', '/x', { user: ada })).status).toBe(401);
  });

  it('refuses a cookie whose signature is not ours, and one for a token that does not exist', async () => {
    const ada = await signUp('Ada');
    await feedLive();
    const [name, value] = ada.cookie.split(';')[0]!.split('=') as [string, string];
    const decoded = decodeURIComponent(value);
    const token = decoded.slice(0, decoded.lastIndexOf('.'));
    const forged = `${name}=${encodeURIComponent(`${token}.${'A'.repeat(43)}=`)}`;
    expect(await lookup({ ...ada, cookie: forged })).toBeNull();
    const unknownToken = `${name}=${encodeURIComponent(`nope${decoded.slice(4)}`)}`;
    expect(await lookup({ ...ada, cookie: unknownToken })).toBeNull();
  });

  it('follows a changed name', async () => {
    const ada = await signUp('Ada');
    await feedLive();
    expect((await lookup(ada))?.name).toBe('Ada');
    await other.query(`UPDATE "users" SET "name" = 'Ada L.' WHERE "id" = $1`, [ada.id]);
    await expect.poll(async () => (await lookup(ada))?.name, { interval: 1 }).toBe('Ada L.');
  });

  it('are read from the sessions table while the feed is down', async () => {
    const ada = await signUp('Ada');
    await feedLive();
    expect(await lookup(ada)).not.toBeNull();
    // Cut the LISTEN connection as a network failure would.
    await other.query(`SELECT pg_terminate_backend($1)`, [changeFeed().backendPid]);
    await expect.poll(() => changeFeed().live, { interval: 1 }).toBe(false);
    await other.query(`DELETE FROM "sessions" WHERE "userId" = $1`, [ada.id]);
    // No notification can arrive: the very next lookup must see the deletion anyway, unless
    // the feed is already back (then it has emptied every cache on the way).
    expect(await lookup(ada)).toBeNull();
    await feedLive();
  });
});

describe('memberships, documents and tags', () => {
  let reader: TestUser;
  let groupId: string;

  beforeAll(async () => {
    reader = await signUp('Member');
    const group = await db.group.create({ data: { name: 'Cache seminar', createdById: reader.id } });
    groupId = group.id;
    await db.membership.create({ data: { groupId, userId: reader.id, role: 'MEMBER' } });
    blocks = (await call(getDocumentRoute, 'GET', '/x', { user: reader, params: { id: 'face-time' } })).json
      .blocks;
  });

  const post = (body: object) =>
    call(createAnnotationRoute, 'POST', '/x', { user: reader, params: { id: 'face-time' }, body });

  it('a POST costs one statement once everything it checks is cached', async () => {
    await feedLive();
    expect((await post(annotationBody(groupId))).status).toBe(201);
    const trips = await roundTrips(async () => {
      for (let i = 0; i < 50; i++) expect((await post(annotationBody(groupId))).status).toBe(201);
    });
    expect(trips).toBe(50);
  });

  it('a membership removed elsewhere stops the reader sharing with the group at once', async () => {
    await feedLive();
    expect((await post(annotationBody(groupId))).status).toBe(201);
    await other.query(`DELETE FROM "memberships" WHERE "groupId" = $1 AND "userId" = $2`, [
      groupId,
      reader.id,
    ]);
    // At once, not once the notification has arrived: the insert checks the membership again.
    const refused = await post(annotationBody(groupId));
    expect(refused.status).toBe(400);
    expect(refused.json.error.fields.groupId).toBeTruthy();
    await other.query(
      `INSERT INTO "memberships" ("id", "groupId", "userId") VALUES (gen_random_uuid(), $1, $2)`,
      [groupId, reader.id],
    );
    await expect.poll(async () => (await post(annotationBody(groupId))).status, { interval: 1 }).toBe(201);
  });

  it('a tag retired elsewhere is refused', async () => {
    await feedLive();
    const tag = await db.tag.create({ data: { groupId, slug: 'gloss', name: 'Gloss', color: '#336699' } });
    expect((await post({ ...annotationBody(groupId), tags: ['gloss'] })).status).toBe(201);
    await other.query(`UPDATE "tags" SET "retiredAt" = now() WHERE "id" = $1`, [tag.id]);
    await expect
      .poll(async () => (await post({ ...annotationBody(groupId), tags: ['gloss'] })).status, { interval: 1 })
      .toBe(400);
  });

  it('an article made private elsewhere disappears for a reader who never wrote on it', async () => {
    await feedLive();
    const stranger = await signUp('Stranger');
    const read = () =>
      call(getDocumentRoute, 'GET', '/x', { user: stranger, params: { id: 'face-time' } }).then(
        (r) => r.status,
      );
    expect(await read()).toBe(200);
    await other.query(`UPDATE "documents" SET "audience" = 'PRIVATE' WHERE "slug" = 'face-time'`);
    await expect.poll(read, { interval: 1 }).toBe(404);
    await other.query(`UPDATE "documents" SET "audience" = 'PUBLIC' WHERE "slug" = 'face-time'`);
    await expect.poll(read, { interval: 1 }).toBe(200);
  });

  it("this process's own writes are seen at once, without waiting for their notification", async () => {
    await feedLive();
    expect((await post(annotationBody(groupId))).status).toBe(201);
    await db.membership.delete({ where: { groupId_userId: { groupId, userId: reader.id } } });
    expect((await post(annotationBody(groupId))).status).toBe(400);
    await db.membership.create({ data: { groupId, userId: reader.id } });
    expect((await post(annotationBody(groupId))).status).toBe(201);
  });
});
