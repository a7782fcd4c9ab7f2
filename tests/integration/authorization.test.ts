// docs/design.md, "Visibility and authorization", for annotations, through the real routes:
// what a reader may not see is 404 (never 403); anonymous callers get 401.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as createGroup } from '@/app/api/v1/groups/route';
import { POST as joinGroup } from '@/app/api/v1/groups/join/route';
import { PATCH as patchMember } from '@/app/api/v1/groups/[id]/members/[userId]/route';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import {
  GET as listAnnotations,
  POST as createAnnotation,
} from '@/app/api/v1/documents/[id]/annotations/route';
import {
  DELETE as deleteAnnotation,
  GET as getAnnotation,
  PATCH as patchAnnotation,
} from '@/app/api/v1/annotations/[id]/route';
import { POST as hideAnnotation } from '@/app/api/v1/annotations/[id]/hide/route';
import { call, signUp, type TestUser } from '../support/api';

const note = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

let blocks: { anchor: string; text: string }[] = [];
let users: Record<'author' | 'member' | 'facilitator' | 'outsider', TestUser>;
let groupId = '';

beforeAll(async () => {
  const [author, member, facilitator, outsider] = await Promise.all([
    signUp('Author'),
    signUp('Member'),
    signUp('Facilitator'),
    signUp('Outsider'),
  ]);
  users = { author, member, facilitator, outsider };
  const group = (
    await call(createGroup, 'POST', '/x', { user: facilitator, body: { name: 'Authorization seminar' } })
  ).json.group;
  groupId = group.id;
  await Promise.all(
    [author, member].map((user) => call(joinGroup, 'POST', '/x', { user, body: { code: group.inviteCode } })),
  );
  blocks = (await call(getDocument, 'GET', '/x', { user: author, params: { id: 'face-time' } })).json.blocks;
});

async function annotate(user: TestUser, opts: { groupId?: string; text?: string; anchor?: string } = {}) {
  const block = blocks.find((b) => b.anchor === (opts.anchor ?? 'p-3'))!;
  const target = {
    start: { block: block.anchor, offset: 0 },
    end: { block: block.anchor, offset: 30 },
    exact: block.text.slice(0, 30),
  };
  const res = await call(createAnnotation, 'POST', '/x', {
    user,
    params: { id: 'face-time' },
    body: { target, tags: ['claim'], note: note(opts.text ?? 'A note'), groupId: opts.groupId },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.annotation as { id: string; rev: number };
}

const read = (user: TestUser | null, id: string) =>
  call(getAnnotation, 'GET', '/x', { user, params: { id } });
const edit = (user: TestUser | null, id: string, rev: number) =>
  call(patchAnnotation, 'PATCH', '/x', { user, params: { id }, body: { rev, note: note('Edited') } });
const remove = (user: TestUser | null, id: string) =>
  call(deleteAnnotation, 'DELETE', '/x', { user, params: { id } });
const hide = (user: TestUser | null, id: string, hidden = true) =>
  call(hideAnnotation, 'POST', '/x', { user, params: { id }, body: { hidden } });
const list = async (user: TestUser) =>
  (await call(listAnnotations, 'GET', '/x', { user, params: { id: 'face-time' } })).json.annotations as {
    id: string;
    noteText: string;
    hidden: boolean;
  }[];
const listIds = async (user: TestUser) => (await list(user)).map((a) => a.id);

describe('a private annotation', () => {
  it('is read, edited and deleted by its author only', async () => {
    const own = await annotate(users.author);
    expect((await read(users.author, own.id)).status).toBe(200);
    expect(await listIds(users.author)).toContain(own.id);
    for (const other of [users.member, users.facilitator, users.outsider]) {
      expect((await read(other, own.id)).status).toBe(404);
      expect((await edit(other, own.id, own.rev)).status).toBe(404);
      expect((await remove(other, own.id)).status).toBe(404);
      expect(await listIds(other)).not.toContain(own.id);
    }
    // a facilitator cannot moderate what they cannot see; the author is no facilitator
    expect((await hide(users.facilitator, own.id)).status).toBe(404);
    expect((await hide(users.author, own.id)).status).toBe(403);

    const edited = await edit(users.author, own.id, own.rev);
    expect(edited.json.annotation.noteText).toBe('Edited');
    expect((await remove(users.author, own.id)).status).toBe(204);
    expect((await read(users.author, own.id)).status).toBe(404);
  });

  it('does not exist for anonymous callers', async () => {
    const own = await annotate(users.author);
    for (const res of [
      await read(null, own.id),
      await edit(null, own.id, own.rev),
      await remove(null, own.id),
      await hide(null, own.id),
    ]) {
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('UNAUTHENTICATED');
    }
    expect((await call(listAnnotations, 'GET', '/x', { params: { id: 'face-time' } })).status).toBe(401);
  });
});

describe('a group annotation', () => {
  it('is read by members and facilitators, changed only by its author, invisible to others', async () => {
    const shared = await annotate(users.author, { groupId });
    for (const reader of [users.author, users.member, users.facilitator]) {
      const res = await read(reader, shared.id);
      expect(res.status).toBe(200);
      expect(res.json.annotation.group).toEqual({ id: groupId, name: 'Authorization seminar' });
      expect(await listIds(reader)).toContain(shared.id);
    }
    expect((await read(users.member, shared.id)).json.annotation.can).toEqual({
      edit: false,
      delete: false,
      reply: true,
      hide: false,
    });
    expect((await read(users.facilitator, shared.id)).json.annotation.can).toEqual({
      edit: false,
      delete: false,
      reply: true,
      hide: true,
    });

    for (const reader of [users.member, users.facilitator]) {
      const denied = await edit(reader, shared.id, shared.rev);
      expect(denied.status).toBe(403);
      expect(denied.json.error.message).toMatch(/Only its author/);
      expect((await remove(reader, shared.id)).status).toBe(403);
    }
    expect((await read(users.outsider, shared.id)).status).toBe(404);
    expect((await edit(users.outsider, shared.id, shared.rev)).status).toBe(404);
    expect((await remove(users.outsider, shared.id)).status).toBe(404);
    expect((await hide(users.outsider, shared.id)).status).toBe(404);
    expect(await listIds(users.outsider)).not.toContain(shared.id);

    expect((await edit(users.author, shared.id, shared.rev)).status).toBe(200);
    expect((await remove(users.author, shared.id)).status).toBe(204);
    expect((await read(users.member, shared.id)).status).toBe(404);
  });

  it('can be hidden and shown again by a facilitator only; members then see it without its note', async () => {
    const shared = await annotate(users.author, { groupId, text: 'Off-topic remark' });
    const denied = await hide(users.member, shared.id);
    expect(denied.status).toBe(403);
    expect(denied.json.error.message).toMatch(/Only a facilitator/);
    expect((await hide(users.author, shared.id)).status).toBe(403);

    const hidden = await hide(users.facilitator, shared.id);
    expect(hidden.status).toBe(200);
    expect(hidden.json.annotation).toMatchObject({
      hidden: true,
      noteText: 'Off-topic remark',
      rev: shared.rev,
    });
    expect((await read(users.member, shared.id)).json.annotation).toMatchObject({
      hidden: true,
      noteText: '',
      note: null,
    });
    expect((await list(users.member)).find((a) => a.id === shared.id)).toMatchObject({
      hidden: true,
      noteText: '',
    });
    expect((await read(users.author, shared.id)).json.annotation).toMatchObject({
      hidden: true,
      noteText: 'Off-topic remark',
    });
    // hiding is not an edit: the author's pending edit with the old rev still applies
    expect((await edit(users.author, shared.id, shared.rev)).status).toBe(200);

    expect((await hide(users.facilitator, shared.id, false)).json.annotation.hidden).toBe(false);
    expect((await read(users.member, shared.id)).json.annotation).toMatchObject({
      hidden: false,
      noteText: 'Edited',
    });
    expect(
      (
        await call(hideAnnotation, 'POST', '/x', {
          user: users.facilitator,
          params: { id: shared.id },
          body: {},
        })
      ).status,
    ).toBe(400);
  });
});

describe('membership changes', () => {
  it('takes a removed member’s access away at once, and stops them sharing with the group', async () => {
    const [ada, gone] = await Promise.all([signUp('Ada'), signUp('Gone')]);
    const group = (await call(createGroup, 'POST', '/x', { user: ada, body: { name: 'Short-lived' } })).json
      .group;
    await call(joinGroup, 'POST', '/x', { user: gone, body: { code: group.inviteCode } });
    const adas = await annotate(ada, { groupId: group.id });
    const theirs = await annotate(gone, { groupId: group.id });
    expect((await read(gone, adas.id)).status).toBe(200);

    const { DELETE: removeMember } = await import('@/app/api/v1/groups/[id]/members/[userId]/route');
    expect(
      (await call(removeMember, 'DELETE', '/x', { user: ada, params: { id: group.id, userId: gone.id } }))
        .status,
    ).toBe(204);
    expect((await read(gone, adas.id)).status).toBe(404);
    expect(await listIds(gone)).not.toContain(adas.id);
    // their own note stays theirs, and stays in the group for the others
    expect((await read(gone, theirs.id)).status).toBe(200);
    expect((await read(ada, theirs.id)).status).toBe(200);
    const refused = await call(createAnnotation, 'POST', '/x', {
      user: gone,
      params: { id: 'face-time' },
      body: {
        target: {
          start: { block: 'p-3', offset: 0 },
          end: { block: 'p-3', offset: 5 },
          exact: blocks.find((b) => b.anchor === 'p-3')!.text.slice(0, 5),
        },
        tags: ['claim'],
        groupId: group.id,
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.fields.groupId).toMatch(/not a member/);
  });

  it('gives a promoted member the facilitator’s powers at once', async () => {
    const [ada, bo, cy] = await Promise.all([signUp('Ada'), signUp('Bo'), signUp('Cy')]);
    const group = (await call(createGroup, 'POST', '/x', { user: ada, body: { name: 'Promotion' } })).json
      .group;
    await Promise.all(
      [bo, cy].map((user) => call(joinGroup, 'POST', '/x', { user, body: { code: group.inviteCode } })),
    );
    const cys = await annotate(cy, { groupId: group.id });
    expect((await hide(bo, cys.id)).status).toBe(403);
    await call(patchMember, 'PATCH', '/x', {
      user: ada,
      params: { id: group.id, userId: bo.id },
      body: { role: 'FACILITATOR' },
    });
    expect((await hide(bo, cys.id)).json.annotation.hidden).toBe(true);
  });
});
