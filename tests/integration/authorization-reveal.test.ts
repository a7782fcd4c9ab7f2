// "Reveal after you annotate": a member sees others' annotations in a group on a
// document only after posting `revealAfter` of their own there; facilitators see all.
import { describe, expect, it } from 'vitest';
import { POST as createGroup } from '@/app/api/v1/groups/route';
import { POST as joinGroup } from '@/app/api/v1/groups/join/route';
import { PATCH as patchGroup } from '@/app/api/v1/groups/[id]/route';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import {
  GET as listAnnotations,
  POST as createAnnotation,
} from '@/app/api/v1/documents/[id]/annotations/route';
import { DELETE as deleteAnnotation, GET as getAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { call, signUp, type TestUser } from '../support/api';

async function annotate(user: TestUser, groupId: string | undefined, anchor: string) {
  const blocks = (await call(getDocument, 'GET', '/x', { user, params: { id: 'face-time' } })).json
    .blocks as { anchor: string; text: string }[];
  const text = blocks.find((b) => b.anchor === anchor)!.text;
  const target = {
    start: { block: anchor, offset: 0 },
    end: { block: anchor, offset: 12 },
    exact: text.slice(0, 12),
  };
  const res = await call(createAnnotation, 'POST', '/x', {
    user,
    params: { id: 'face-time' },
    body: { target, tags: ['evidence'], groupId },
  });
  expect(res.status).toBe(201);
  return res.json.annotation.id as string;
}

const visible = async (user: TestUser) =>
  (
    (await call(listAnnotations, 'GET', '/x', { user, params: { id: 'face-time' } })).json.annotations as {
      id: string;
    }[]
  ).map((a) => a.id);

describe('reveal after N', () => {
  it('holds others’ group annotations back from a member until they have posted N in the group', async () => {
    const [fac, early, late] = await Promise.all([signUp('Facilitator'), signUp('Early'), signUp('Late')]);
    const group = (await call(createGroup, 'POST', '/x', { user: fac, body: { name: 'Blind first pass' } }))
      .json.group;
    await Promise.all(
      [early, late].map((user) => call(joinGroup, 'POST', '/x', { user, body: { code: group.inviteCode } })),
    );
    const facs = await annotate(fac, group.id, 'p-1');
    const earlys = [await annotate(early, group.id, 'p-2'), await annotate(early, group.id, 'p-3')];
    await call(patchGroup, 'PATCH', '/x', { user: fac, params: { id: group.id }, body: { revealAfter: 2 } });

    // Late has posted nothing: only their own notes, and others' are 404 one by one too
    const latePrivate = await annotate(late, undefined, 'p-4');
    expect(await visible(late)).toEqual([latePrivate]);
    expect((await call(getAnnotation, 'GET', '/x', { user: late, params: { id: facs } })).status).toBe(404);

    // a private note does not count; one group note is not enough
    const lateFirst = await annotate(late, group.id, 'p-5');
    expect((await visible(late)).sort()).toEqual([latePrivate, lateFirst].sort());

    const lateSecond = await annotate(late, group.id, 'p-6');
    expect((await visible(late)).sort()).toEqual(
      [facs, ...earlys, latePrivate, lateFirst, lateSecond].sort(),
    );

    // facilitators are never held back; Early had already posted two
    expect((await visible(fac)).sort()).toEqual([facs, ...earlys, lateFirst, lateSecond].sort());
    expect((await visible(early)).sort()).toEqual([facs, ...earlys, lateFirst, lateSecond].sort());

    // deleting one's own notes below N hides the others again
    await call(deleteAnnotation, 'DELETE', '/x', { user: late, params: { id: lateSecond } });
    expect((await visible(late)).sort()).toEqual([latePrivate, lateFirst].sort());

    // the facilitator turning the gate off reveals everything at once
    await call(patchGroup, 'PATCH', '/x', { user: fac, params: { id: group.id }, body: { revealAfter: 0 } });
    expect((await visible(late)).sort()).toEqual([facs, ...earlys, latePrivate, lateFirst].sort());
  });
});
