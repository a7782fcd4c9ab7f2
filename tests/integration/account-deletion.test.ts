// Leaving the service, in both of the reader's modes: counts reconcile, a shared note's thread
// still reads with "Former member" in place of the departed reader, nothing of theirs is left
// under their name, their sessions end, and their email address can sign up anew.
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { DELETE as deleteAccountRoute, GET as accountRoute } from '@/app/api/v1/account/route';
import { GET as exportMine } from '@/app/api/v1/account/annotations/route';
import { GET as getAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { GET as listReplies, POST as createReply } from '@/app/api/v1/annotations/[id]/replies/route';
import { POST as createAnnotation } from '@/app/api/v1/documents/[id]/annotations/route';
import { POST as createGroup } from '@/app/api/v1/groups/route';
import { POST as joinGroup } from '@/app/api/v1/groups/join/route';
import { db } from '@/lib/server/db';
import { BASE, call, signUp, type TestUser } from '../support/api';
import { paragraphs, sampleDocument, targetFor } from './export-fixtures';

let ada: TestUser; // the facilitator, who stays
let bob: TestUser; // the member who leaves
let groupId: string;
let notes: { adaShared: string; bobShared: string; bobPrivate: string };

async function annotate(user: TestUser, text: string, shared: boolean) {
  const sample = await sampleDocument();
  const para = sample.blocks.find((b) => b.kind === 'PARAGRAPH')!;
  const res = await call(createAnnotation, 'POST', '/x', {
    user,
    params: { id: 'face-time' },
    body: {
      target: targetFor(sample.blocks, para.anchor, para.text.slice(0, 30)),
      tags: ['claim'],
      note: paragraphs(text),
      ...(shared ? { groupId } : {}),
    },
  });
  expect(res.status).toBe(201);
  return res.json.annotation.id as string;
}

async function reply(user: TestUser, annotationId: string, text: string) {
  const res = await call(createReply, 'POST', '/x', {
    user,
    params: { id: annotationId },
    body: { body: paragraphs(text) },
  });
  expect(res.status).toBe(201);
}

beforeEach(async () => {
  ada = await signUp('Ada');
  bob = await signUp('Bob');
  const group = await call(createGroup, 'POST', '/x', { user: ada, body: { name: 'Leaving seminar' } });
  groupId = group.json.group.id;
  await call(joinGroup, 'POST', '/x', { user: bob, body: { code: group.json.group.inviteCode } });
  notes = {
    adaShared: await annotate(ada, 'Ada asks', true),
    bobShared: await annotate(bob, 'Bob claims', true),
    bobPrivate: await annotate(bob, 'Bob privately', false),
  };
  await reply(ada, notes.bobShared, 'Ada answers Bob');
  await reply(bob, notes.adaShared, 'Bob answers Ada');
  await reply(bob, notes.bobShared, 'Bob adds');
});

const counts = async () => ({
  annotations: await db.annotation.count(),
  replies: await db.reply.count(),
  users: await db.user.count(),
});

async function signUpAgain(email: string) {
  const response = await authPost(
    new Request(`${BASE}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { origin: BASE, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bob again', email, password: 'a fresh passphrase' }),
    }),
  );
  return response.status;
}

describe('deleting an account', () => {
  it('names what will be lost before anything is', async () => {
    const holdings = await call(accountRoute, 'GET', '/x', { user: bob });
    expect(holdings.status).toBe(200);
    expect(holdings.json.holdings).toEqual({
      privateNotes: 1,
      sharedNotes: 1,
      replies: 2,
      othersRepliesOnShared: 1,
      groupsCreated: 0,
    });
  });

  it('anonymises shared notes and replies as "Former member" and deletes private ones', async () => {
    const before = await counts();
    const res = await call(deleteAccountRoute, 'DELETE', '/x', { user: bob, body: { mode: 'anonymise' } });
    expect(res.status).toBe(200);
    expect(res.json.deleted).toEqual({
      mode: 'anonymise',
      deletedNotes: 1,
      anonymisedNotes: 1,
      deletedReplies: 0,
      anonymisedReplies: 2,
    });
    const after = await counts();
    // One private note gone; the account replaced by its "Former member".
    expect(after).toEqual({
      annotations: before.annotations - 1,
      replies: before.replies,
      users: before.users,
    });

    // Ada's view of the seminar thread reads on, with the departed reader anonymous.
    const shared = await call(getAnnotation, 'GET', '/x', { user: ada, params: { id: notes.bobShared } });
    expect(shared.status).toBe(200);
    expect(shared.json.annotation.author.name).toBe('Former member');
    expect(shared.json.annotation.author.id).not.toBe(bob.id);
    const thread = await call(listReplies, 'GET', '/x', { user: ada, params: { id: notes.bobShared } });
    expect(thread.json.replies.map((r: { author: { name: string } }) => r.author.name)).toEqual([
      'Ada',
      'Former member',
    ]);
    const onAdas = await call(listReplies, 'GET', '/x', { user: ada, params: { id: notes.adaShared } });
    expect(onAdas.json.replies.map((r: { author: { name: string } }) => r.author.name)).toEqual([
      'Former member',
    ]);
    expect(onAdas.text).toContain('Bob answers Ada');
    expect(await db.annotation.count({ where: { id: notes.bobPrivate } })).toBe(0);
    expect(await db.user.count({ where: { email: bob.email } })).toBe(0);

    // The session ended with the account, and the address is free again.
    expect((await call(accountRoute, 'GET', '/x', { user: bob })).status).toBe(401);
    expect(await signUpAgain(bob.email)).toBe(200);
  });

  it('deletes everything the reader wrote when they ask for that', async () => {
    const before = await counts();
    const res = await call(deleteAccountRoute, 'DELETE', '/x', { user: bob, body: { mode: 'everything' } });
    expect(res.status).toBe(200);
    expect(res.json.deleted).toMatchObject({ deletedNotes: 2, anonymisedNotes: 0, deletedReplies: 2 });
    const after = await counts();
    // Bob's two notes, his two replies, and Ada's reply under his shared note.
    expect(after).toEqual({
      annotations: before.annotations - 2,
      replies: before.replies - 3,
      users: before.users - 1,
    });
    expect(
      (await call(getAnnotation, 'GET', '/x', { user: ada, params: { id: notes.bobShared } })).status,
    ).toBe(404);
    expect(await signUpAgain(bob.email)).toBe(200);
  });

  it('keeps a seminar its creator leaves', async () => {
    const res = await call(deleteAccountRoute, 'DELETE', '/x', { user: ada, body: { mode: 'everything' } });
    expect(res.status).toBe(200);
    const group = await db.group.findUnique({
      where: { id: groupId },
      select: { createdBy: { select: { name: true } } },
    });
    expect(group?.createdBy.name).toBe('Former member');
    expect(await db.membership.count({ where: { groupId } })).toBe(1);
  });

  it('refuses an unknown mode and a signed-out caller', async () => {
    expect(
      (await call(deleteAccountRoute, 'DELETE', '/x', { user: bob, body: { mode: 'some' } })).status,
    ).toBe(400);
    expect((await call(deleteAccountRoute, 'DELETE', '/x', { body: { mode: 'everything' } })).status).toBe(
      401,
    );
    expect(await db.user.count({ where: { id: bob.id } })).toBe(1);
  });
});

describe('downloading all my annotations', () => {
  it('is one W3C collection of the reader’s own notes and their threads, across articles', async () => {
    const res = await call(exportMine, 'GET', '/x', { user: bob });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/ld+json');
    const collection = JSON.parse(res.text);
    expect(collection.type).toBe('AnnotationCollection');
    // Bob's two notes and the two replies in his shared note's thread (Ada's and his own).
    expect(collection.total).toBe(4);
    const items = collection.first.items as { type: string; motivation: string; creator: { name: string } }[];
    const notesOnly = items.filter((i) => i.motivation !== 'replying');
    expect(notesOnly).toHaveLength(2);
    expect(notesOnly.every((i) => i.creator.name === 'Bob')).toBe(true);
    expect(items).toHaveLength(4);
  });
});
