import { describe, expect, it } from 'vitest';
import { GET as listGroups, POST as createGroup } from '@/app/api/v1/groups/route';
import { POST as joinGroup } from '@/app/api/v1/groups/join/route';
import { GET as getGroup, PATCH as patchGroup } from '@/app/api/v1/groups/[id]/route';
import { DELETE as revokeInvite, POST as newInvite } from '@/app/api/v1/groups/[id]/invite/route';
import {
  DELETE as removeMember,
  PATCH as patchMember,
} from '@/app/api/v1/groups/[id]/members/[userId]/route';
import type { GroupDetail } from '@/lib/groups/types';
import { call, signUp, type TestUser } from '../support/api';

const INVALID_INVITE = 'This invite link is not valid any more. Ask your facilitator for a new one.';

async function newGroup(user: TestUser, name = 'Close reading seminar') {
  const res = await call(createGroup, 'POST', '/api/v1/groups', { user, body: { name } });
  expect(res.status).toBe(201);
  return res.json.group as GroupDetail & { inviteCode: string };
}

const join = (user: TestUser, code: string) =>
  call(joinGroup, 'POST', '/api/v1/groups/join', { user, body: { code } });
const detail = (user: TestUser, id: string) =>
  call(getGroup, 'GET', `/api/v1/groups/${id}`, { user, params: { id } });
const member = (user: TestUser, id: string, userId: string, method: 'PATCH' | 'DELETE', body?: unknown) =>
  call(method === 'PATCH' ? patchMember : removeMember, method, `/api/v1/groups/${id}/members/${userId}`, {
    user,
    params: { id, userId },
    body,
  });

describe('creating a group', () => {
  it('makes the creator its facilitator, with an unguessable invite code', async () => {
    const ada = await signUp('Ada');
    const group = await newGroup(ada, '  Autumn seminar  ');
    expect(group).toMatchObject({
      name: 'Autumn seminar',
      role: 'FACILITATOR',
      memberCount: 1,
      revealAfter: 0,
    });
    expect(group.inviteCode).toMatch(/^[a-z2-7]{16}$/);
    expect(group.members).toEqual([
      expect.objectContaining({ userId: ada.id, name: 'Ada', role: 'FACILITATOR', you: true }),
    ]);
    expect(group.documents).toEqual([]); // a new seminar's reading list is empty

    const list = await call(listGroups, 'GET', '/api/v1/groups', { user: ada });
    expect(list.json.groups).toEqual([
      expect.objectContaining({ id: group.id, name: 'Autumn seminar', role: 'FACILITATOR', memberCount: 1 }),
    ]);
    const other = await newGroup(ada, 'Second seminar');
    expect(other.inviteCode).not.toBe(group.inviteCode);
  });

  it('refuses an empty or overlong name with a field error', async () => {
    const ada = await signUp('Ada');
    for (const name of ['', '    ']) {
      const res = await call(createGroup, 'POST', '/api/v1/groups', { user: ada, body: { name } });
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: { name: 'Enter a name for the group.' },
      });
    }
    const long = await call(createGroup, 'POST', '/api/v1/groups', {
      user: ada,
      body: { name: 'x'.repeat(2000) },
    });
    expect(long.status).toBe(400);
    expect(long.json.error.fields.name).toMatch(/at most 80 characters/);
    const missing = await call(createGroup, 'POST', '/api/v1/groups', { user: ada, body: {} });
    expect(missing.json.error.fields.name).toBeTruthy();
    expect((await call(listGroups, 'GET', '/api/v1/groups', { user: ada })).json.groups).toEqual([]);
  });

  it('needs a signed-in reader', async () => {
    expect((await call(createGroup, 'POST', '/api/v1/groups', { body: { name: 'x' } })).status).toBe(401);
    expect((await call(listGroups, 'GET', '/api/v1/groups')).status).toBe(401);
  });
});

describe('joining by code', () => {
  it('joins once, however many times the link is used, and accepts a pasted link', async () => {
    const ada = await signUp('Ada');
    const bo = await signUp('Bo');
    const group = await newGroup(ada);
    const first = await join(bo, group.inviteCode);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ group: { id: group.id, name: group.name, role: 'MEMBER' }, joined: true });
    const again = await join(bo, `http://127.0.0.1:3000/join/${group.inviteCode.toUpperCase()}`);
    expect(again.json).toMatchObject({ joined: false, group: { role: 'MEMBER' } });
    const creator = await join(ada, group.inviteCode);
    expect(creator.json).toMatchObject({ joined: false, group: { role: 'FACILITATOR' } });
    const seen = await detail(bo, group.id);
    expect(seen.json.group.memberCount).toBe(2);
    expect(seen.json.group.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ['Ada', 'FACILITATOR'],
      ['Bo', 'MEMBER'],
    ]);
    expect(seen.json.group).not.toHaveProperty('inviteCode');
  });

  it('answers 404 with a clear message for wrong, malformed and revoked codes', async () => {
    const ada = await signUp('Ada');
    const bo = await signUp('Bo');
    const group = await newGroup(ada);
    for (const code of ['aaaaaaaaaaaaaaaa', 'not a code!', '1234', `${group.inviteCode}x`]) {
      const res = await join(bo, code);
      expect(res.status).toBe(404);
      expect(res.json.error).toEqual({ code: 'NOT_FOUND', message: INVALID_INVITE });
    }
    expect((await call(revokeInvite, 'DELETE', '/x', { user: ada, params: { id: group.id } })).status).toBe(
      204,
    );
    expect((await join(bo, group.inviteCode)).json.error.message).toBe(INVALID_INVITE);
    expect((await detail(ada, group.id)).json.group.inviteCode).toBeNull();

    const fresh = await call(newInvite, 'POST', '/x', { user: ada, params: { id: group.id } });
    expect(fresh.json).toEqual({
      inviteCode: expect.stringMatching(/^[a-z2-7]{16}$/),
      invitePath: `/join/${fresh.json.inviteCode}`,
    });
    expect((await join(bo, group.inviteCode)).status).toBe(404);
    expect((await join(bo, fresh.json.inviteCode)).json.joined).toBe(true);
  });

  it('gives 50 readers joining at the same moment 50 memberships and no errors', async () => {
    const ada = await signUp('Ada');
    const group = await newGroup(ada);
    const readers = await Promise.all(Array.from({ length: 50 }, (_, i) => signUp(`Reader ${i}`)));
    const results = await Promise.all(readers.map((r) => join(r, group.inviteCode)));
    expect(results.map((r) => r.status)).toEqual(readers.map(() => 200));
    expect(results.every((r) => r.json.joined)).toBe(true);
    // the same reader clicking Join five times at once still makes one membership
    const twice = await Promise.all(Array.from({ length: 5 }, () => join(readers[0], group.inviteCode)));
    expect(twice.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(twice.filter((r) => r.json.joined)).toHaveLength(0);
    expect((await detail(ada, group.id)).json.group.memberCount).toBe(51);
  });
});

describe('members and roles', () => {
  async function seminar() {
    const [ada, bo, cy] = await Promise.all([signUp('Ada'), signUp('Bo'), signUp('Cy')]);
    const group = await newGroup(ada);
    await join(bo, group.inviteCode);
    await join(cy, group.inviteCode);
    return { ada, bo, cy, group };
  }

  it('lets a member leave; they lose the group at once', async () => {
    const { bo, group } = await seminar();
    expect((await member(bo, group.id, bo.id, 'DELETE')).status).toBe(204);
    expect((await detail(bo, group.id)).status).toBe(404);
    expect((await call(listGroups, 'GET', '/x', { user: bo })).json.groups).toEqual([]);
  });

  it('lets a facilitator promote and remove members, and members do neither', async () => {
    const { ada, bo, cy, group } = await seminar();
    const denied = await member(bo, group.id, cy.id, 'DELETE');
    expect(denied.status).toBe(403);
    expect(denied.json.error.message).toBe('Only a facilitator can remove members.');
    expect((await member(bo, group.id, bo.id, 'PATCH', { role: 'FACILITATOR' })).status).toBe(403);

    const promoted = await member(ada, group.id, bo.id, 'PATCH', { role: 'FACILITATOR' });
    expect(promoted.json.member).toMatchObject({ userId: bo.id, role: 'FACILITATOR', you: false });
    expect((await detail(bo, group.id)).json.group.inviteCode).toBe(group.inviteCode);

    expect((await member(bo, group.id, cy.id, 'DELETE')).status).toBe(204);
    expect((await detail(cy, group.id)).status).toBe(404);
    expect((await member(ada, group.id, cy.id, 'DELETE')).status).toBe(404);
    expect((await member(ada, group.id, bo.id, 'PATCH', { role: 'OWNER' })).status).toBe(400);
  });

  it('never leaves a group without a facilitator', async () => {
    const { ada, bo, group } = await seminar();
    const leave = await member(ada, group.id, ada.id, 'DELETE');
    expect(leave.status).toBe(409);
    expect(leave.json.error.message).toMatch(/only facilitator.*Make another member a facilitator/);
    const demote = await member(ada, group.id, ada.id, 'PATCH', { role: 'MEMBER' });
    expect(demote.status).toBe(409);
    expect(demote.json.error.message).toMatch(/at least one facilitator/);

    await member(ada, group.id, bo.id, 'PATCH', { role: 'FACILITATOR' });
    // two facilitators demoting each other at the same moment: whoever goes second is
    // no longer a facilitator by then, so one of them stays
    const both = await Promise.all([
      member(ada, group.id, bo.id, 'PATCH', { role: 'MEMBER' }),
      member(bo, group.id, ada.id, 'PATCH', { role: 'MEMBER' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 403]);
    const roles = (await detail(ada, group.id)).json.group.members.filter(
      (m: { role: string }) => m.role === 'FACILITATOR',
    );
    expect(roles).toHaveLength(1);
  });
});

describe('group settings and privacy', () => {
  it('lets a facilitator rename the group and set reveal-after; members get 403, others 404', async () => {
    const [ada, bo, eve] = await Promise.all([signUp('Ada'), signUp('Bo'), signUp('Eve')]);
    const group = await newGroup(ada);
    await join(bo, group.inviteCode);
    const patch = (user: TestUser, body: unknown) =>
      call(patchGroup, 'PATCH', '/x', { user, params: { id: group.id }, body });

    const ok = await patch(ada, { name: 'Renamed', revealAfter: 3 });
    expect(ok.json.group).toMatchObject({ name: 'Renamed', revealAfter: 3 });
    expect((await patch(ada, { revealAfter: 101 })).json.error.fields.revealAfter).toMatch(/0 to 100/);
    expect((await patch(ada, { name: 'x'.repeat(81) })).status).toBe(400);

    const asMember = await patch(bo, { name: 'Mine now' });
    expect(asMember.status).toBe(403);
    expect(asMember.json.error.message).toMatch(/Only a facilitator/);
    expect((await call(newInvite, 'POST', '/x', { user: bo, params: { id: group.id } })).status).toBe(403);
    expect((await call(revokeInvite, 'DELETE', '/x', { user: bo, params: { id: group.id } })).status).toBe(
      403,
    );

    for (const res of [
      await detail(eve, group.id),
      await patch(eve, { name: 'Hijacked' }),
      await call(newInvite, 'POST', '/x', { user: eve, params: { id: group.id } }),
      await call(revokeInvite, 'DELETE', '/x', { user: eve, params: { id: group.id } }),
      await member(eve, group.id, bo.id, 'DELETE'),
      await member(eve, group.id, bo.id, 'PATCH', { role: 'MEMBER' }),
      await detail(eve, 'not-a-uuid'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('NOT_FOUND');
    }
    expect((await detail(ada, group.id)).json.group.name).toBe('Renamed');
  });
});
