// Editing an annotation is one read and one write statement (annotation-update.ts): its answer is
// built from what the edit knows, so it must be exactly what reading the annotation back shows,
// whatever the edit changed, and every refusal stays as it was.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import {
  GET as listAnnotations,
  POST as createAnnotation,
} from '@/app/api/v1/documents/[id]/annotations/route';
import { GET as getAnnotation, PATCH as patchAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { POST as hideAnnotation } from '@/app/api/v1/annotations/[id]/hide/route';
import { POST as postReply } from '@/app/api/v1/annotations/[id]/replies/route';
import { db, statementCount } from '@/lib/server/db';
import { call, signUp, type TestUser } from '../support/api';

const note = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

let facilitator: TestUser;
let ada: TestUser;
let ben: TestUser;
let outsider: TestUser;
let groupId: string;
let exact = '';

beforeAll(async () => {
  [facilitator, ada, ben, outsider] = await Promise.all([
    signUp('Facilitator'),
    signUp('Ada'),
    signUp('Ben'),
    signUp('Outsider'),
  ]);
  const doc = await call(getDocument, 'GET', '/x', { user: ada, params: { id: 'face-time' } });
  exact = (doc.json.blocks as { anchor: string; text: string }[])
    .find((b) => b.anchor === 'p-4')!
    .text.slice(0, 20);
  const group = await db.group.create({ data: { name: 'Edit seminar', createdById: facilitator.id } });
  groupId = group.id;
  await db.membership.createMany({
    data: [
      { groupId, userId: facilitator.id, role: 'FACILITATOR' as const },
      { groupId, userId: ada.id, role: 'MEMBER' as const },
      { groupId, userId: ben.id, role: 'MEMBER' as const },
    ],
  });
  await db.tag.create({ data: { groupId, slug: 'seminar-only', name: 'Seminar only', color: '#336699' } });
});

async function create(user: TestUser, body: Record<string, unknown> = {}) {
  const res = await call(createAnnotation, 'POST', '/x', {
    user,
    params: { id: 'face-time' },
    body: {
      target: { start: { block: 'p-4', offset: 0 }, end: { block: 'p-4', offset: 20 }, exact },
      tags: ['claim'],
      note: note('first thoughts'),
      ...body,
    },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.annotation as { id: string; rev: number };
}

const patch = (user: TestUser, id: string, body: Record<string, unknown>) =>
  call(patchAnnotation, 'PATCH', `/api/v1/annotations/${id}`, { user, params: { id }, body });
const read = async (user: TestUser, id: string) =>
  (await call(getAnnotation, 'GET', '/x', { user, params: { id } })).json.annotation;

describe('PATCH /annotations/{id}', () => {
  it('answers exactly what a read of the annotation then shows, in two round trips', async () => {
    const { id } = await create(ada, { groupId });
    await call(postReply, 'POST', '/x', { user: ben, params: { id }, body: { body: note('a reply') } });
    expect((await patch(ada, id, { rev: 1, tags: ['claim'] })).status).toBe(200); // the caches warm
    const before = statementCount();
    const res = await patch(ada, id, { rev: 2, tags: ['evidence', 'claim'], note: note('second thoughts') });
    const roundTrips = statementCount() - before;
    expect(res.status).toBe(200);
    expect(roundTrips).toBe(2);
    expect(res.json.annotation).toMatchObject({
      rev: 3,
      tags: ['claim', 'evidence'],
      noteText: 'second thoughts',
      replyCount: 1,
      visibility: 'group',
      group: { id: groupId, name: 'Edit seminar' },
    });
    expect(res.json.annotation).toEqual(await read(ada, id));
    const list = await call(listAnnotations, 'GET', '/x', { user: ben, params: { id: 'face-time' } });
    expect(list.json.annotations.find((a: { id: string }) => a.id === id)).toEqual(await read(ben, id));
  });

  it('keeps what it is not sent, clears a note sent as null, and moves between group and private', async () => {
    const { id } = await create(ada, { groupId, tags: ['framing'] });
    const cleared = await patch(ada, id, { rev: 1, note: null });
    expect(cleared.json.annotation).toMatchObject({ rev: 2, note: null, noteText: '', tags: ['framing'] });
    expect(cleared.json.annotation).toEqual(await read(ada, id));
    const mine = await patch(ada, id, { rev: 2, groupId: null });
    expect(mine.json.annotation).toMatchObject({ rev: 3, visibility: 'private', group: null });
    expect(mine.json.annotation).toEqual(await read(ada, id));
    const shared = await patch(ada, id, { rev: 3, groupId, tags: ['seminar-only'] });
    expect(shared.json.annotation).toMatchObject({ rev: 4, tags: ['seminar-only'], group: { id: groupId } });
    expect(shared.json.annotation).toEqual(await read(ada, id));
  });

  it('refuses a tag of the group it leaves, a group the author is not in, and changes nothing', async () => {
    const { id } = await create(ada, { groupId, tags: ['seminar-only'] });
    const leaving = await patch(ada, id, { rev: 1, groupId: null });
    expect(leaving.status).toBe(400);
    expect(leaving.json.error.fields.tags).toMatch(/seminar-only/);
    const elsewhere = await patch(outsider, (await create(outsider)).id, { rev: 1, groupId });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.error.fields.groupId).toBeTruthy();
    expect(await read(ada, id)).toMatchObject({ rev: 1, tags: ['seminar-only'] });
  });

  it('answers a stale rev with 409 and the current annotation', async () => {
    const { id } = await create(ada);
    await patch(ada, id, { rev: 1, tags: ['evidence'] });
    const stale = await patch(ada, id, { rev: 1, tags: ['framing'] });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('CONFLICT');
    expect(stale.json.error.current).toEqual(await read(ada, id));
  });

  it('edits a note a facilitator hid: still hidden, rev of the edit, as the author reads it', async () => {
    const { id } = await create(ben, { groupId });
    const hidden = await call(hideAnnotation, 'POST', '/x', {
      user: facilitator,
      params: { id },
      body: { hidden: true },
    });
    expect(hidden.status).toBe(200);
    const res = await patch(ben, id, { rev: 1, note: note('revised after moderation') });
    expect(res.json.annotation).toMatchObject({ rev: 2, hidden: true, noteText: 'revised after moderation' });
    expect(res.json.annotation).toEqual(await read(ben, id));
    expect(await read(ada, id)).toMatchObject({ hidden: true, note: null, noteText: '' });
  });

  it('is 403 for a member who sees it, 404 for someone who does not, and 404 once deleted', async () => {
    const { id } = await create(ada, { groupId });
    expect((await patch(ben, id, { rev: 1, tags: ['claim'] })).status).toBe(403);
    expect((await patch(outsider, id, { rev: 1, tags: ['claim'] })).status).toBe(404);
    const own = await create(outsider);
    await db.annotation.update({ where: { id: own.id }, data: { deletedAt: new Date() } });
    expect((await patch(outsider, own.id, { rev: 1, tags: ['claim'] })).status).toBe(404);
    expect(await read(ada, id)).toMatchObject({ rev: 1 });
  });

  it('leaves the list showing each annotation to each reader exactly as reading it does', async () => {
    const ours = new Set([facilitator.id, ada.id, ben.id, outsider.id]);
    for (const user of [facilitator, ada, ben, outsider]) {
      const list = await call(listAnnotations, 'GET', '/x', { user, params: { id: 'face-time' } });
      expect(list.status).toBe(200);
      const items = (list.json.annotations as { id: string; author: { id: string } }[]).filter((a) =>
        ours.has(a.author.id),
      );
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(item).toEqual(await read(user, item.id));
    }
  });
});
