// A note hidden by a facilitator (docs/design.md, "Visibility and authorization") in every
// channel: members keep seeing that there is an annotation on the passage, marked hidden,
// but nothing of its note: not its text, and not whether a word of it matches a search,
// whether through the list, the export's rows, its X-Total-Count or its section counts.
// Its author and the group's facilitators still read it everywhere.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as createGroup } from '@/app/api/v1/groups/route';
import { POST as joinGroup } from '@/app/api/v1/groups/join/route';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import {
  GET as listAnnotations,
  POST as createAnnotation,
} from '@/app/api/v1/documents/[id]/annotations/route';
import { GET as exportRoute } from '@/app/api/v1/documents/[id]/export/route';
import { POST as hideAnnotation } from '@/app/api/v1/annotations/[id]/hide/route';
import { POST as postReply } from '@/app/api/v1/annotations/[id]/replies/route';
import { POST as hideReply } from '@/app/api/v1/replies/[id]/hide/route';
import { readingSummary } from '@/lib/server/dal/reading-summary';
import { call, signUp, type TestUser } from '../support/api';

const note = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const SECRET_WORD = 'quokkas';
const REPLY_WORD = 'wombats';
let users: Record<'author' | 'member' | 'facilitator' | 'outsider', TestUser>;
let hiddenId = '';
let groupId = '';
let passage = '';

beforeAll(async () => {
  const [author, member, facilitator, outsider] = await Promise.all([
    signUp('Author'),
    signUp('Member'),
    signUp('Facilitator'),
    signUp('Outsider'),
  ]);
  users = { author, member, facilitator, outsider };
  const group = (
    await call(createGroup, 'POST', '/x', { user: facilitator, body: { name: 'Hidden notes seminar' } })
  ).json.group;
  for (const user of [author, member])
    await call(joinGroup, 'POST', '/x', { user, body: { code: group.inviteCode } });
  const blocks = (await call(getDocument, 'GET', '/x', { user: author, params: { id: 'face-time' } })).json
    .blocks as { anchor: string; text: string }[];
  passage = blocks.find((b) => b.anchor === 'p-4')!.text.slice(0, 30);
  const created = await call(createAnnotation, 'POST', '/x', {
    user: author,
    params: { id: 'face-time' },
    body: {
      target: { start: { block: 'p-4', offset: 0 }, end: { block: 'p-4', offset: 30 }, exact: passage },
      tags: ['framing'],
      note: note(`Off-topic remark about ${SECRET_WORD}`),
      groupId: group.id,
    },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  hiddenId = created.json.annotation.id;
  const reply = await call(postReply, 'POST', '/x', {
    user: author,
    params: { id: hiddenId },
    body: { body: note(`And another about ${REPLY_WORD}`) },
  });
  expect(reply.status).toBe(201);
  for (const [route, id] of [
    [hideAnnotation, hiddenId],
    [hideReply, reply.json.reply.id],
  ] as const) {
    const res = await call(route, 'POST', '/x', {
      user: facilitator,
      params: { id },
      body: { hidden: true },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
  }
  groupId = group.id;
});

const search = async (user: TestUser, q: string) => {
  const res = await call(listAnnotations, 'GET', '/x', { user, params: { id: 'face-time' }, query: { q } });
  expect(res.status).toBe(200);
  return (res.json.annotations as { id: string }[]).map((a) => a.id);
};

const exportAs = (user: TestUser, format: string, query: Record<string, string> = {}) =>
  call(exportRoute, 'GET', '/x', { user, params: { id: 'face-time' }, query: { format, ...query } });

describe('a note hidden by a facilitator', () => {
  it('is not found by members searching for a word of it; its author and the facilitator still find it', async () => {
    expect(await search(users.member, SECRET_WORD)).not.toContain(hiddenId);
    expect(await search(users.outsider, SECRET_WORD)).not.toContain(hiddenId);
    expect(await search(users.author, SECRET_WORD)).toContain(hiddenId);
    expect(await search(users.facilitator, SECRET_WORD)).toContain(hiddenId);
    // the passage itself is not hidden: searching for its words still finds the annotation
    expect(await search(users.member, passage)).toContain(hiddenId);
  });

  it('is not counted in a member’s export X-Total-Count for a word of it', async () => {
    for (const format of ['csv', 'markdown', 'jsonld']) {
      const asMember = await exportAs(users.member, format, { q: SECRET_WORD });
      expect(asMember.status).toBe(200);
      expect(asMember.headers.get('x-total-count')).toBe('0');
      expect(asMember.text).not.toContain(hiddenId);
      for (const reader of [users.author, users.facilitator]) {
        const res = await exportAs(reader, format, { q: SECRET_WORD });
        expect(res.headers.get('x-total-count')).toBe('1');
        expect(res.text).toContain(SECRET_WORD);
      }
    }
  });

  it('leaves no trace of a word of it in a member’s Markdown section counts or JSON-LD total', async () => {
    const markdown = await exportAs(users.member, 'markdown', { q: SECRET_WORD });
    expect(markdown.text).not.toMatch(/Framing/i);
    expect(markdown.text).toContain('_No annotations match this export._');
    const jsonld = await exportAs(users.member, 'jsonld', { q: SECRET_WORD });
    expect(JSON.parse(jsonld.text).total).toBe(0);
    const facilitators = await exportAs(users.facilitator, 'jsonld', { q: SECRET_WORD });
    expect(JSON.parse(facilitators.text).total).toBe(2); // the note and its reply
  });

  it('is exported to members without its text or its hidden reply’s, and in full to its author and the facilitator', async () => {
    for (const format of ['csv', 'markdown', 'jsonld']) {
      const asMember = await exportAs(users.member, format);
      expect(asMember.text).toContain(passage.slice(0, 12));
      expect(asMember.text).not.toContain(SECRET_WORD);
      expect(asMember.text).not.toContain(REPLY_WORD);
      for (const reader of [users.author, users.facilitator]) {
        const full = await exportAs(reader, format);
        expect(full.text).toContain(SECRET_WORD);
        // CSV gives a thread's reply count, not its text
        if (format !== 'csv') expect(full.text).toContain(REPLY_WORD);
      }
      expect((await exportAs(users.outsider, format)).text).not.toContain(passage.slice(0, 12));
    }
  });

  it('is counted in the facilitator’s per-reader summary, which members cannot open', async () => {
    const rows = await readingSummary(users.facilitator, 'face-time', groupId);
    expect(rows.find((r) => r.userId === users.author.id)).toMatchObject({ annotations: 1, replies: 1 });
    await expect(readingSummary(users.member, 'face-time', groupId)).rejects.toMatchObject({
      status: 403,
    });
    await expect(readingSummary(users.outsider, 'face-time', groupId)).rejects.toMatchObject({
      status: 404,
    });
  });
});
