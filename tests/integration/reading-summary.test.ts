// The facilitator's per-reader summary of a document (J6).
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as createGroup } from '@/app/api/v1/groups/route';
import { POST as joinGroup } from '@/app/api/v1/groups/join/route';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import { POST as createAnnotation } from '@/app/api/v1/documents/[id]/annotations/route';
import { POST as createReply } from '@/app/api/v1/annotations/[id]/replies/route';
import { readingSummary } from '@/lib/server/dal/reading-summary';
import { call, signUp, type TestUser } from '../support/api';

let facilitator: TestUser;
let ada: TestUser;
let ben: TestUser;
let groupId = '';
let blocks: { anchor: string; text: string }[] = [];

async function annotate(user: TestUser, anchor: string, tags: string[], group: string | null) {
  const block = blocks.find((b) => b.anchor === anchor)!;
  const res = await call(createAnnotation, 'POST', '/x', {
    user,
    params: { id: 'face-time' },
    body: {
      target: {
        start: { block: anchor, offset: 0 },
        end: { block: anchor, offset: 12 },
        exact: block.text.slice(0, 12),
      },
      tags,
      groupId: group,
    },
  });
  expect(res.status).toBe(201);
  return res.json.annotation.id as string;
}

beforeAll(async () => {
  [facilitator, ada, ben] = await Promise.all([signUp('Facilitator'), signUp('Ada'), signUp('Ben')]);
  const group = (
    await call(createGroup, 'POST', '/x', { user: facilitator, body: { name: 'Summary seminar' } })
  ).json.group;
  groupId = group.id;
  for (const user of [ada, ben])
    await call(joinGroup, 'POST', '/x', { user, body: { code: group.inviteCode } });
  blocks = (await call(getDocument, 'GET', '/x', { user: ada, params: { id: 'face-time' } })).json.blocks;
  const first = await annotate(ada, 'p-1', ['claim', 'framing'], groupId);
  await annotate(ada, 'p-2', ['claim'], groupId);
  await annotate(ada, 'p-3', ['evidence'], null); // private: never counted
  const reply = await call(createReply, 'POST', '/x', {
    user: ben,
    params: { id: first },
    body: {
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Agreed' }] }] },
    },
  });
  expect(reply.status).toBe(201);
});

describe('reading summary', () => {
  it('counts each member’s shared annotations by tag, their replies and last activity', async () => {
    const rows = await readingSummary(facilitator, 'face-time', groupId);
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get('Ada')).toMatchObject({ annotations: 2, byTag: { claim: 2, framing: 1 }, replies: 0 });
    expect(byName.get('Ada')!.lastActivity).not.toBeNull();
    expect(byName.get('Ben')).toMatchObject({ annotations: 0, byTag: {}, replies: 1 });
    expect(byName.get('Facilitator')).toMatchObject({
      annotations: 0,
      role: 'FACILITATOR',
      lastActivity: null,
    });
    expect(rows[0].name).toBe('Ada');
  });

  it('is for facilitators only: a member gets 403, an outsider 404', async () => {
    await expect(readingSummary(ada, 'face-time', groupId)).rejects.toMatchObject({ status: 403 });
    const outsider = await signUp('Outsider');
    await expect(readingSummary(outsider, 'face-time', groupId)).rejects.toMatchObject({ status: 404 });
  });
});
