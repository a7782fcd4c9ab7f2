// Replies through the real routes: the thread, its validation, and the authorization
// matrix of docs/design.md for replies (author edits and deletes their own, members read,
// facilitators hide, everyone else gets 404, anonymous callers 401).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import { POST as createAnnotation } from '@/app/api/v1/documents/[id]/annotations/route';
import { DELETE as deleteAnnotation, GET as getAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { GET as listRepliesRoute, POST as postReplyRoute } from '@/app/api/v1/annotations/[id]/replies/route';
import { DELETE as deleteReplyRoute, PATCH as patchReplyRoute } from '@/app/api/v1/replies/[id]/route';
import { POST as hideReplyRoute } from '@/app/api/v1/replies/[id]/hide/route';
import { call, signUp, type TestUser } from '../support/api';

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

type Who = 'author' | 'member' | 'other' | 'facilitator' | 'outsider';
let users: Record<Who, TestUser>;
let groupId = '';
let blocks: { anchor: string; text: string }[] = [];

beforeAll(async () => {
  const list = await Promise.all(
    ['Author', 'Member', 'Other', 'Facilitator', 'Outsider'].map((n) => signUp(n)),
  );
  users = { author: list[0], member: list[1], other: list[2], facilitator: list[3], outsider: list[4] };
  // Groups straight through Prisma: these tests are about replies, not the groups API.
  const group = await db.group.create({ data: { name: 'Reply seminar', createdById: users.facilitator.id } });
  groupId = group.id;
  await db.membership.createMany({
    data: [
      { groupId, userId: users.facilitator.id, role: 'FACILITATOR' },
      ...[users.author, users.member, users.other].map((u) => ({
        groupId,
        userId: u.id,
        role: 'MEMBER' as const,
      })),
    ],
  });
  blocks = (await call(getDocument, 'GET', '/x', { user: users.author, params: { id: 'face-time' } })).json
    .blocks;
});

async function annotate(user: TestUser, shared: boolean) {
  const block = blocks.find((b) => b.anchor === 'p-4')!;
  const res = await call(createAnnotation, 'POST', '/x', {
    user,
    params: { id: 'face-time' },
    body: {
      target: {
        start: { block: 'p-4', offset: 0 },
        end: { block: 'p-4', offset: 20 },
        exact: block.text.slice(0, 20),
      },
      tags: ['claim'],
      groupId: shared ? groupId : undefined,
    },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.annotation.id as string;
}

const thread = (user: TestUser | null, annotationId: string) =>
  call(listRepliesRoute, 'GET', '/x', { user, params: { id: annotationId } });
const reply = (user: TestUser | null, annotationId: string, body: unknown) =>
  call(postReplyRoute, 'POST', '/x', { user, params: { id: annotationId }, body: { body } });
const edit = (user: TestUser | null, id: string, text: string) =>
  call(patchReplyRoute, 'PATCH', '/x', { user, params: { id }, body: { body: doc(text) } });
const remove = (user: TestUser | null, id: string) =>
  call(deleteReplyRoute, 'DELETE', '/x', { user, params: { id } });
const hide = (user: TestUser | null, id: string, hidden = true) =>
  call(hideReplyRoute, 'POST', '/x', { user, params: { id }, body: { hidden } });

async function replyOk(user: TestUser, annotationId: string, text: string) {
  const res = await reply(user, annotationId, doc(text));
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.reply as { id: string };
}

describe('a thread under a group annotation', () => {
  it('is read by every member in time order, with who wrote what and what each may do', async () => {
    const annotationId = await annotate(users.author, true);
    const first = await replyOk(users.member, annotationId, 'First, from a member');
    await replyOk(users.facilitator, annotationId, 'Then the facilitator');
    await replyOk(users.author, annotationId, 'And the author answers');

    const seenByMember = await thread(users.member, annotationId);
    expect(seenByMember.status).toBe(200);
    expect(seenByMember.json.replies.map((r: { bodyText: string }) => r.bodyText)).toEqual([
      'First, from a member',
      'Then the facilitator',
      'And the author answers',
    ]);
    expect(seenByMember.json.replies[0]).toEqual({
      id: first.id,
      annotationId,
      author: { id: users.member.id, name: 'Member' },
      attribution: null,
      body: doc('First, from a member'),
      bodyText: 'First, from a member',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      hidden: false,
      can: { edit: true, delete: true, hide: false },
    });
    expect(seenByMember.json.replies[1].can).toEqual({ edit: false, delete: false, hide: false });

    const seenByFacilitator = (await thread(users.facilitator, annotationId)).json.replies;
    expect(seenByFacilitator.map((r: { can: { hide: boolean } }) => r.can.hide)).toEqual([true, false, true]);
    expect(
      (await call(getAnnotation, 'GET', '/x', { user: users.other, params: { id: annotationId } })).json
        .annotation.replyCount,
    ).toBe(3);
  });

  it('does not exist for a signed-in outsider (404) and asks anonymous callers to sign in (401)', async () => {
    const annotationId = await annotate(users.author, true);
    const { id } = await replyOk(users.member, annotationId, 'Members only');
    for (const res of [
      await thread(users.outsider, annotationId),
      await reply(users.outsider, annotationId, doc('Let me in')),
      await edit(users.outsider, id, 'x'),
      await remove(users.outsider, id),
      await hide(users.outsider, id),
    ]) {
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('NOT_FOUND');
    }
    for (const res of [
      await thread(null, annotationId),
      await reply(null, annotationId, doc('Anyone?')),
      await edit(null, id, 'x'),
      await remove(null, id),
      await hide(null, id),
    ]) {
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('UNAUTHENTICATED');
    }
    expect((await thread(users.member, annotationId)).json.replies).toHaveLength(1);
  });

  it('disappears for a member who is removed from the group', async () => {
    const annotationId = await annotate(users.author, true);
    const leaver = await signUp('Leaver');
    await db.membership.create({ data: { groupId, userId: leaver.id } });
    const { id } = await replyOk(leaver, annotationId, 'Before I go');
    await db.membership.delete({ where: { groupId_userId: { groupId, userId: leaver.id } } });
    expect((await thread(leaver, annotationId)).status).toBe(404);
    expect((await edit(leaver, id, 'Changed my mind')).status).toBe(404);
    expect((await thread(users.member, annotationId)).json.replies[0].bodyText).toBe('Before I go');
  });
});

describe('a thread under a private annotation', () => {
  it('is its author’s alone', async () => {
    const annotationId = await annotate(users.author, false);
    await replyOk(users.author, annotationId, 'A note to self');
    expect((await thread(users.author, annotationId)).json.replies).toHaveLength(1);
    for (const other of [users.member, users.facilitator, users.outsider]) {
      expect((await thread(other, annotationId)).status).toBe(404);
      expect((await reply(other, annotationId, doc('Hello?'))).status).toBe(404);
    }
  });

  it('goes on when the annotation is orphaned by a revision, and ends with the annotation', async () => {
    const annotationId = await annotate(users.author, false);
    await db.annotation.update({ where: { id: annotationId }, data: { status: 'ORPHANED' } });
    await replyOk(users.author, annotationId, 'Its text is gone; the thread stays');
    expect((await thread(users.author, annotationId)).json.replies).toHaveLength(1);
    expect(
      (await call(deleteAnnotation, 'DELETE', '/x', { user: users.author, params: { id: annotationId } }))
        .status,
    ).toBe(204);
    expect((await thread(users.author, annotationId)).status).toBe(404);
    expect((await reply(users.author, annotationId, doc('Too late'))).status).toBe(404);
  });
});

describe('a reply body', () => {
  it('is validated like a note: empty, missing or malformed bodies are refused with a readable message', async () => {
    const annotationId = await annotate(users.author, true);
    const cases: unknown[] = [
      undefined,
      null,
      { type: 'doc', content: [] },
      doc('   '),
      { type: 'doc', content: [{ type: 'image', attrs: { src: 'x' } }] },
      'plain text',
    ];
    for (const body of cases) {
      const res = await call(postReplyRoute, 'POST', '/x', {
        user: users.member,
        params: { id: annotationId },
        body: body === undefined ? {} : { body },
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
      expect(res.json.error.fields.body).toMatch(/\w/);
    }
    const unsupported = await reply(users.member, annotationId, {
      type: 'doc',
      content: [{ type: 'image', attrs: { src: 'x' } }],
    });
    expect(unsupported.json.error.message).toMatch(/Unsupported node type/);
    expect((await thread(users.member, annotationId)).json.replies).toEqual([]);
  });

  it('keeps formatting and links that notes allow, normalised', async () => {
    const annotationId = await annotate(users.author, true);
    const body = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'See ' },
            {
              type: 'text',
              text: 'this',
              marks: [
                { type: 'bold' },
                { type: 'link', attrs: { href: 'https://example.org', target: '_blank' } },
              ],
            },
          ],
        },
      ],
    };
    const res = await reply(users.member, annotationId, body);
    expect(res.status).toBe(201);
    expect(res.json.reply.bodyText).toBe('See this');
    expect(res.json.reply.body.content[0].content[1].marks).toEqual(
      expect.arrayContaining([{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.org' } }]),
    );
  });
});

describe('changing a reply', () => {
  it('is for its author only: others who see it get 403, and a deleted reply is gone', async () => {
    const annotationId = await annotate(users.author, true);
    const { id } = await replyOk(users.member, annotationId, 'Draft thought');
    for (const other of [users.author, users.other, users.facilitator]) {
      const res = await edit(other, id, 'Not yours');
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('FORBIDDEN');
      expect((await remove(other, id)).status).toBe(403);
    }
    const edited = await edit(users.member, id, 'Better thought');
    expect(edited.status).toBe(200);
    expect(edited.json.reply).toMatchObject({ id, bodyText: 'Better thought', body: doc('Better thought') });
    expect(Date.parse(edited.json.reply.updatedAt)).toBeGreaterThanOrEqual(
      Date.parse(edited.json.reply.createdAt),
    );
    expect(
      (
        await call(patchReplyRoute, 'PATCH', '/x', {
          user: users.member,
          params: { id },
          body: { body: { type: 'doc', content: [] } },
        })
      ).status,
    ).toBe(400);
    expect((await thread(users.other, annotationId)).json.replies[0].bodyText).toBe('Better thought');

    expect((await remove(users.member, id)).status).toBe(204);
    expect((await thread(users.member, annotationId)).json.replies).toEqual([]);
    expect((await edit(users.member, id, 'Back?')).status).toBe(404);
    expect((await remove(users.member, id)).status).toBe(404);
    expect(
      (await call(getAnnotation, 'GET', '/x', { user: users.author, params: { id: annotationId } })).json
        .annotation.replyCount,
    ).toBe(0);
    // soft delete: the row is kept
    expect(await db.reply.findUnique({ where: { id }, select: { deletedAt: true } })).toEqual({
      deletedAt: expect.any(Date),
    });
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await edit(users.member, '00000000-0000-4000-8000-00000000ffff', 'x')).status).toBe(404);
    expect((await remove(users.member, 'not-a-uuid')).status).toBe(400);
  });
});

describe('hiding a reply', () => {
  it('is for the group’s facilitators; members then see a placeholder while the author and facilitators still read it', async () => {
    const annotationId = await annotate(users.author, true);
    const { id } = await replyOk(users.member, annotationId, 'Off-topic remark');
    expect((await hide(users.author, id)).status).toBe(403);
    expect((await hide(users.other, id)).status).toBe(403);

    const hidden = await hide(users.facilitator, id);
    expect(hidden.status).toBe(200);
    expect(hidden.json.reply).toMatchObject({ id, hidden: true, bodyText: 'Off-topic remark' });

    const forOther = (await thread(users.other, annotationId)).json.replies[0];
    expect(forOther).toMatchObject({
      id,
      hidden: true,
      body: null,
      bodyText: '',
      author: { name: 'Member' },
    });
    expect((await thread(users.author, annotationId)).json.replies[0]).toMatchObject({
      hidden: true,
      body: null,
    });
    expect((await thread(users.member, annotationId)).json.replies[0]).toMatchObject({
      hidden: true,
      bodyText: 'Off-topic remark',
    });
    expect((await thread(users.facilitator, annotationId)).json.replies[0]).toMatchObject({
      hidden: true,
      bodyText: 'Off-topic remark',
      can: { hide: true },
    });

    const shown = await hide(users.facilitator, id, false);
    expect(shown.json.reply).toMatchObject({ hidden: false, bodyText: 'Off-topic remark' });
    expect((await thread(users.other, annotationId)).json.replies[0]).toMatchObject({
      hidden: false,
      bodyText: 'Off-topic remark',
    });
    expect(
      (
        await call(hideReplyRoute, 'POST', '/x', {
          user: users.facilitator,
          params: { id },
          body: { hidden: 'yes' },
        })
      ).status,
    ).toBe(400);
  });

  it('is not possible on a private annotation’s thread, which facilitators cannot see', async () => {
    const annotationId = await annotate(users.author, false);
    const { id } = await replyOk(users.author, annotationId, 'Mine');
    expect((await hide(users.facilitator, id)).status).toBe(404);
    expect((await hide(users.author, id)).status).toBe(403);
  });
});
