// Creates and edits sent with an Idempotency-Key are safe to retry: a repeat answers as the
// first attempt did (even when both race), never a duplicate and never a 409 against itself.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import { POST as createAnnotation } from '@/app/api/v1/documents/[id]/annotations/route';
import { DELETE as deleteAnnotation, PATCH as patchAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { POST as postReply } from '@/app/api/v1/annotations/[id]/replies/route';
import { PATCH as patchReply } from '@/app/api/v1/replies/[id]/route';
import { db } from '@/lib/server/db';
import { call, signUp, type TestUser } from '../support/api';

let ada: TestUser;
let exact = '';
beforeAll(async () => {
  ada = await signUp('Ada');
  const doc = await call(getDocument, 'GET', '/x', { user: ada, params: { id: 'face-time' } });
  exact = (doc.json.blocks as { anchor: string; text: string }[])
    .find((b) => b.anchor === 'p-4')!
    .text.slice(0, 20);
});

const text = (t: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }],
});
const create = (key: string) =>
  call(createAnnotation, 'POST', '/api/v1/documents/face-time/annotations', {
    user: ada,
    params: { id: 'face-time' },
    headers: { 'idempotency-key': key },
    body: {
      target: { start: { block: 'p-4', offset: 0 }, end: { block: 'p-4', offset: 20 }, exact },
      tags: ['claim'],
    },
  });
const countMine = () => db.annotation.count({ where: { authorId: ada.id, deletedAt: null } });

describe('Idempotency-Key', () => {
  it('two racing attempts of one create make one annotation and get the same answer', async () => {
    const before = await countMine();
    const key = randomUUID();
    const [a, b] = await Promise.all([create(key), create(key)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json).toEqual(b.json);
    expect(await countMine()).toBe(before + 1);
  });

  it('a repeated edit answers as the first did, on a stale version, without a 409', async () => {
    const id = (await create(randomUUID())).json.annotation.id as string;
    const key = randomUUID();
    const edit = () =>
      call(patchAnnotation, 'PATCH', `/api/v1/annotations/${id}`, {
        user: ada,
        params: { id },
        headers: { 'idempotency-key': key },
        body: { version: 1, tags: ['evidence'] },
      });
    const [first, second] = await Promise.all([edit(), edit()]);
    expect(first).toMatchObject({ status: 200, json: { annotation: { rev: 2, tags: ['evidence'] } } });
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect((await edit()).json).toEqual(first.json);
  });

  it('replies and their edits, and deletes, replay too', async () => {
    const id = (await create(randomUUID())).json.annotation.id as string;
    const key = randomUUID();
    const reply = () =>
      call(postReply, 'POST', `/api/v1/annotations/${id}/replies`, {
        user: ada,
        params: { id },
        headers: { 'idempotency-key': key },
        body: { body: text('Once only') },
      });
    const first = await reply();
    expect(first.status).toBe(201);
    expect(await reply()).toMatchObject({ status: 201, json: first.json });
    expect(await db.reply.count({ where: { annotationId: id } })).toBe(1);

    const replyId = first.json.reply.id as string;
    const editKey = randomUUID();
    const edit = () =>
      call(patchReply, 'PATCH', `/api/v1/replies/${replyId}`, {
        user: ada,
        params: { id: replyId },
        headers: { 'idempotency-key': editKey },
        body: { body: text('Edited once') },
      });
    const edited = await edit();
    expect(edited.status).toBe(200);
    expect((await edit()).json).toEqual(edited.json);

    const deleteKey = randomUUID();
    const remove = () =>
      call(deleteAnnotation, 'DELETE', `/api/v1/annotations/${id}`, {
        user: ada,
        params: { id },
        headers: { 'idempotency-key': deleteKey },
      });
    expect((await remove()).status).toBe(204);
    expect((await remove()).status).toBe(204);
  });

  it('refuses a key reused for another request, and a malformed key', async () => {
    const key = randomUUID();
    expect((await create(key)).status).toBe(201);
    const other = await call(
      postReply,
      'POST',
      '/api/v1/annotations/00000000-0000-4000-8000-000000000000/replies',
      {
        user: ada,
        params: { id: '00000000-0000-4000-8000-000000000000' },
        headers: { 'idempotency-key': key },
        body: { body: text('x') },
      },
    );
    expect(other.status).toBe(400);
    expect(other.json.error.message).toMatch(/already used for a different request/);
    const bad = await create('not a key!');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('BAD_REQUEST');
  });
});
