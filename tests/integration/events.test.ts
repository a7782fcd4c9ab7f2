// The live stream through the real route: PostgreSQL NOTIFY → the process's one LISTEN →
// each reader's Server-Sent Events, filtered by what that reader may see.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import { POST as createAnnotation } from '@/app/api/v1/documents/[id]/annotations/route';
import { PATCH as patchAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { POST as postReply } from '@/app/api/v1/annotations/[id]/replies/route';
import { POST as hideReply } from '@/app/api/v1/replies/[id]/hide/route';
import { PATCH as patchReply } from '@/app/api/v1/replies/[id]/route';
import { POST as hideAnnotation } from '@/app/api/v1/annotations/[id]/hide/route';
import { GET as eventsRoute } from '@/app/api/v1/documents/[id]/events/route';
import { BASE, call, signUp, type TestUser } from '../support/api';

const note = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

interface ServerEvent {
  type: string;
  data: Record<string, unknown>;
}

let blocks: { anchor: string; text: string }[] = [];
const open: AbortController[] = [];

beforeAll(async () => {
  const someone = await signUp('Someone');
  blocks = (await call(getDocument, 'GET', '/x', { user: someone, params: { id: 'face-time' } })).json.blocks;
});

afterEach(() => {
  for (const controller of open.splice(0)) controller.abort();
});

/** Subscribes as `user` and returns a reader of the stream's events. */
async function subscribe(user: TestUser | null, documentId = 'face-time') {
  const abort = new AbortController();
  open.push(abort);
  const request = new Request(new URL(`/api/v1/documents/${documentId}/events`, BASE), {
    headers: user ? { cookie: user.cookie } : {},
    signal: abort.signal,
  });
  const response = await eventsRoute(request, { params: Promise.resolve({ id: documentId }) });
  if (!response.ok) return { response, next: null as never, abort: () => abort.abort(), raw: '' };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const state = { buffer: '', raw: '' };

  function takeFrame(): ServerEvent | null | undefined {
    const end = state.buffer.indexOf('\n\n');
    if (end < 0) return undefined;
    const frame = state.buffer.slice(0, end);
    state.buffer = state.buffer.slice(end + 2);
    const type = /^event: (.+)$/m.exec(frame)?.[1];
    const data = /^data: (.+)$/m.exec(frame)?.[1];
    return type && data ? { type, data: JSON.parse(data) } : null;
  }

  /** The next event (comments and retry lines skipped); fails after `ms` without one.
   * An event takes milliseconds on an idle machine; the limit is generous so that only a
   * missing event fails, not a busy machine (it stays inside the 30 s test limit, so the
   * failure still shows what arrived). */
  async function next(ms = 20_000): Promise<ServerEvent> {
    const deadline = Date.now() + ms;
    for (;;) {
      let frame = takeFrame();
      while (frame === null) frame = takeFrame();
      if (frame) return frame;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no event within ${ms} ms; got so far: ${JSON.stringify(state.raw)}`)),
          Math.max(0, deadline - Date.now()),
        );
      });
      const chunk = await Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error('the stream ended');
      const text = decoder.decode(chunk.value, { stream: true });
      state.buffer += text;
      state.raw += text;
    }
  }

  return {
    response,
    next,
    abort: () => abort.abort(),
    reader,
    get raw() {
      return state.raw;
    },
  };
}

async function annotate(user: TestUser, groupId?: string, anchor = 'p-5') {
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
      tags: ['evidence'],
      note: note('seen live?'),
      groupId,
    },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.annotation as { id: string; rev: number };
}

async function seminar(facilitator: TestUser, members: TestUser[], revealAfter = 0) {
  const group = await db.group.create({
    data: { name: 'Live seminar', createdById: facilitator.id, revealAfter },
  });
  await db.membership.createMany({
    data: [
      { groupId: group.id, userId: facilitator.id, role: 'FACILITATOR' as const },
      ...members.map((m) => ({ groupId: group.id, userId: m.id, role: 'MEMBER' as const })),
    ],
  });
  return group.id;
}

/** Events up to and including the first that matches. */
async function eventsUntil(
  stream: { next: (ms?: number) => Promise<ServerEvent> },
  done: (e: ServerEvent) => boolean,
) {
  const seen: ServerEvent[] = [];
  for (;;) {
    const event = await stream.next();
    seen.push(event);
    if (done(event)) return seen;
  }
}

describe('the events stream', () => {
  it('is an uncached Server-Sent Events response for signed-in readers of a document', async () => {
    const reader = await signUp('Reader');
    const stream = await subscribe(reader);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.response.headers.get('cache-control')).toMatch(/no-cache/);
    expect(stream.response.headers.get('x-accel-buffering')).toBe('no');

    const anonymous = await subscribe(null);
    expect(anonymous.response.status).toBe(401);
    expect((await anonymous.response.json()).error.code).toBe('UNAUTHENTICATED');
    expect((await subscribe(reader, 'no-such-article')).response.status).toBe(404);
  });

  it('tells a group member, with ids only, of another member’s new annotation and reply', async () => {
    const [facilitator, ada, ben] = await Promise.all([signUp('Facilitator'), signUp('Ada'), signUp('Ben')]);
    const groupId = await seminar(facilitator, [ada, ben]);
    const stream = await subscribe(ben);

    const shared = await annotate(ada, groupId);
    expect(await stream.next()).toEqual({ type: 'annotation', data: { op: 'insert', id: shared.id } });

    const reply = await call(postReply, 'POST', '/x', {
      user: facilitator,
      params: { id: shared.id },
      body: { body: note('Good catch') },
    });
    expect(reply.status).toBe(201);
    expect(await stream.next()).toEqual({
      type: 'reply',
      data: { op: 'insert', id: reply.json.reply.id, annotationId: shared.id },
    });

    await call(hideReply, 'POST', '/x', {
      user: facilitator,
      params: { id: reply.json.reply.id },
      body: { hidden: true },
    });
    expect(await stream.next()).toEqual({
      type: 'reply',
      data: { op: 'update', id: reply.json.reply.id, annotationId: shared.id },
    });
    expect(stream.raw).not.toContain('Good catch');
    expect(stream.raw).not.toContain('seen live?');
  });

  it('says nothing of someone else’s private annotation, or of a group the reader is not in', async () => {
    const [facilitator, ada, ben, outsider] = await Promise.all([
      signUp('Facilitator'),
      signUp('Ada'),
      signUp('Ben'),
      signUp('Outsider'),
    ]);
    const groupId = await seminar(facilitator, [ada, ben]);
    const forBen = await subscribe(ben);
    const forOutsider = await subscribe(outsider);

    const secret = await annotate(ada);
    const shared = await annotate(ada, groupId);
    const outsidersOwn = await annotate(outsider);

    // Each stream's first event is the next one it may see: the private one never came.
    expect(await forBen.next()).toEqual({ type: 'annotation', data: { op: 'insert', id: shared.id } });
    expect(await forOutsider.next()).toEqual({
      type: 'annotation',
      data: { op: 'insert', id: outsidersOwn.id },
    });
    expect(forBen.raw + forOutsider.raw).not.toContain(secret.id);
    expect(forOutsider.raw).not.toContain(shared.id);
  });

  it('stops at once for a member removed from the group, and tells their page to resync', async () => {
    const [facilitator, ada, ben] = await Promise.all([signUp('Facilitator'), signUp('Ada'), signUp('Ben')]);
    const groupId = await seminar(facilitator, [ada, ben]);
    const stream = await subscribe(ben);
    const before = await annotate(ada, groupId);
    expect(await stream.next()).toEqual({ type: 'annotation', data: { op: 'insert', id: before.id } });

    await db.membership.delete({ where: { groupId_userId: { groupId, userId: ben.id } } });
    const after = await annotate(ada, groupId);
    const own = await annotate(ben);
    const seen = await eventsUntil(stream, (e) => e.data.id === own.id);
    expect(seen.map((e) => e.data.id)).not.toContain(after.id);
    expect(seen[0]).toEqual({ type: 'resync', data: { reason: 'access-changed' } });
  });

  it('tells the group when an annotation is taken back to private, so their pages drop it', async () => {
    const [facilitator, ada, ben] = await Promise.all([signUp('Facilitator'), signUp('Ada'), signUp('Ben')]);
    const groupId = await seminar(facilitator, [ada, ben]);
    const stream = await subscribe(ben);
    const shared = await annotate(ada, groupId);
    expect(await stream.next()).toMatchObject({ data: { op: 'insert', id: shared.id } });
    const res = await call(patchAnnotation, 'PATCH', '/x', {
      user: ada,
      params: { id: shared.id },
      body: { version: shared.rev, groupId: null }, // the former name of rev, still accepted
    });
    expect(res.status).toBe(200);
    expect(await stream.next()).toEqual({ type: 'annotation', data: { op: 'update', id: shared.id } });
    // from now on it is private: later edits are not announced to Ben
    await call(patchAnnotation, 'PATCH', '/x', {
      user: ada,
      params: { id: shared.id },
      body: { rev: shared.rev + 1, note: note('private now') },
    });
    const own = await annotate(ben);
    expect(await stream.next()).toEqual({ type: 'annotation', data: { op: 'insert', id: own.id } });
  });

  it('holds others’ annotations back under "reveal after", and resyncs the page once the member has posted enough', async () => {
    const [facilitator, ada, cleo] = await Promise.all([
      signUp('Facilitator'),
      signUp('Ada'),
      signUp('Cleo'),
    ]);
    const groupId = await seminar(facilitator, [ada, cleo], 1);
    const stream = await subscribe(cleo);
    const held = await annotate(ada, groupId);
    const first = await annotate(cleo, groupId);
    expect(await stream.next()).toEqual({ type: 'resync', data: { reason: 'access-changed' } });
    const later = await annotate(ada, groupId);
    // Cleo's own first note may arrive in the batch after the resync, or be covered by it.
    const seen = await eventsUntil(stream, (e) => e.data.id === later.id);
    expect(seen.map((e) => e.data.id).filter((id) => id !== first.id)).toEqual([later.id]);
    expect(stream.raw).not.toContain(held.id);
  });

  it('does not tell members of edits to a note or reply hidden from them, but of its hiding and showing', async () => {
    const [facilitator, ada, ben] = await Promise.all([signUp('Facilitator'), signUp('Ada'), signUp('Ben')]);
    const groupId = await seminar(facilitator, [ada, ben]);
    const forBen = await subscribe(ben);
    const forFacilitator = await subscribe(facilitator);
    const shared = await annotate(ada, groupId);
    const reply = await call(postReply, 'POST', '/x', {
      user: ada,
      params: { id: shared.id },
      body: { body: note('a reply') },
    });
    const replyId = reply.json.reply.id as string;
    const setHidden = async (route: typeof hideAnnotation, id: string, hidden: boolean) =>
      expect(
        (await call(route, 'POST', '/x', { user: facilitator, params: { id }, body: { hidden } })).status,
      ).toBe(200);
    await setHidden(hideAnnotation, shared.id, true);
    await setHidden(hideReply, replyId, true);
    const announced = [
      { type: 'annotation', data: { op: 'insert', id: shared.id } },
      { type: 'reply', data: { op: 'insert', id: replyId, annotationId: shared.id } },
      { type: 'annotation', data: { op: 'update', id: shared.id } },
      { type: 'reply', data: { op: 'update', id: replyId, annotationId: shared.id } },
    ];
    for (const stream of [forBen, forFacilitator])
      for (const event of announced) expect(await stream.next()).toEqual(event);

    // Ada edits both while they are hidden: the facilitator hears of it, Ben does not.
    const edited = await call(patchAnnotation, 'PATCH', '/x', {
      user: ada,
      params: { id: shared.id },
      body: { rev: shared.rev, note: note('rewritten in secret') },
    });
    expect(edited.status).toBe(200);
    expect(
      (
        await call(patchReply, 'PATCH', '/x', {
          user: ada,
          params: { id: replyId },
          body: { body: note('also') },
        })
      ).status,
    ).toBe(200);
    const edits = [
      { type: 'annotation', data: { op: 'update', id: shared.id } },
      { type: 'reply', data: { op: 'update', id: replyId, annotationId: shared.id } },
    ];
    for (const event of edits) expect(await forFacilitator.next()).toEqual(event);
    // Ben's next event is his own new note: the edits, announced before it, never came.
    const own = await annotate(ben);
    expect(await forBen.next()).toEqual({ type: 'annotation', data: { op: 'insert', id: own.id } });
    await setHidden(hideAnnotation, shared.id, false);
    expect(await forBen.next()).toEqual({ type: 'annotation', data: { op: 'update', id: shared.id } });
    expect(forBen.raw).not.toContain('rewritten in secret');
  });

  it('ends when the request is aborted', async () => {
    const reader = await signUp('Leaving');
    const stream = await subscribe(reader);
    const pending = stream.reader!.read();
    stream.abort();
    let chunk = await pending;
    while (!chunk.done) chunk = await stream.reader!.read();
    expect(chunk.done).toBe(true);
  });
});
