// Argument links in the authorization matrix (docs/adr/0014-argument-links.md): a link is
// visible only to those who see both its ends, both ends' notes, and the link's own
// audience, in every channel: the list, the argument view, the JSON-LD and CSV exports and the live
// stream. Deleting an end removes the link everywhere; an export imported elsewhere keeps
// the links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as deleteAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { POST as hideAnnotation } from '@/app/api/v1/annotations/[id]/hide/route';
import { GET as getArgument } from '@/app/api/v1/documents/[id]/argument/route';
import { GET as eventsRoute } from '@/app/api/v1/documents/[id]/events/route';
import { GET as listLinks, POST as createLink } from '@/app/api/v1/documents/[id]/links/route';
import { BASE, call, signUp, type TestUser } from '../support/api';
import {
  annotate,
  exportAs,
  importFile,
  makeGroup,
  sampleDocument,
  SLUG,
  targetFor,
} from './export-fixtures';

type Name = 'ada' | 'bob' | 'fac' | 'out';
let users: Record<Name, TestUser>;
const links: Record<string, string> = {};
const ends: Record<string, string> = {};
const streams: Partial<Record<Name, Stream>> = {};
const open: AbortController[] = [];

interface Stream {
  linkEvents: (until: (id: string) => boolean) => Promise<string[]>;
}

/** The ids of `link` insert events, read until `until` says stop. */
async function subscribe(user: TestUser): Promise<Stream> {
  const abort = new AbortController();
  open.push(abort);
  const response = await eventsRoute(
    new Request(new URL(`/api/v1/documents/${SLUG}/events`, BASE), {
      headers: { cookie: user.cookie },
      signal: abort.signal,
    }),
    { params: Promise.resolve({ id: SLUG }) },
  );
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async linkEvents(until) {
      const seen: string[] = [];
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end < 0) {
          const chunk = await reader.read();
          if (chunk.done) throw new Error('the stream ended');
          buffer += decoder.decode(chunk.value, { stream: true });
          continue;
        }
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.+)$/m.exec(frame)?.[1];
        const data = /^data: (.+)$/m.exec(frame)?.[1];
        if (!type || !data) continue;
        const event = JSON.parse(data) as { id: string; op: string };
        if (type === 'link' && event.op === 'insert') seen.push(event.id);
        if (until(event.id)) return seen;
      }
    },
  };
}

const SECRETS = { L1: 'quince', L2: 'medlar', L3: 'loquat', L4: 'sorrel', L5: 'tamarind', L6: 'kumquat' };
const EXPECTED: Record<Name, string[]> = {
  ada: ['L1', 'L2', 'L3', 'L6'],
  bob: ['L1', 'L4', 'L5', 'L6'],
  fac: ['L1', 'L4', 'L6'],
  out: [],
};

beforeAll(async () => {
  const [ada, bob, fac, out] = await Promise.all([
    signUp('Ada'),
    signUp('Bob'),
    signUp('Fac'),
    signUp('Out'),
  ]);
  users = { ada, bob, fac, out };
  const group = await makeGroup('Matrix seminar', fac, [ada, bob]);
  for (const name of ['ada', 'bob', 'fac', 'out'] as const) streams[name] = await subscribe(users[name]);
  const { blocks } = await sampleDocument();
  const paras = blocks.filter((b) => b.kind === 'PARAGRAPH');
  const at = (i: number) =>
    targetFor(blocks, paras[i].anchor, paras[i].text.split(' ').slice(0, 4).join(' '));
  const g = group.id;
  ends.A1 = (await annotate(ada, { target: at(2), tags: ['claim'], groupId: g })).id;
  ends.B1 = (await annotate(bob, { target: at(4), tags: ['evidence'], groupId: g })).id;
  ends.A2 = (await annotate(ada, { target: at(6), tags: ['evidence'] })).id;
  ends.B2 = (await annotate(bob, { target: at(8), tags: ['evidence'], groupId: g })).id;
  const make = async (
    key: string,
    user: TestUser,
    from: string,
    relation: string,
    groupId: string | null,
  ) => {
    const res = await call(createLink, 'POST', '/x', {
      user,
      params: { id: SLUG },
      body: {
        fromId: ends[from],
        toId: ends.A1,
        relation,
        note: `about ${SECRETS[key as keyof typeof SECRETS]}`,
        groupId,
      },
    });
    expect(res.status, res.text).toBe(201);
    links[key] = res.json.link.id;
  };
  await make('L1', ada, 'B1', 'supports', g);
  await make('L2', ada, 'A2', 'supports', g); // a private end: Ada's eyes only
  await make('L3', ada, 'B1', 'contradicts', null); // a private link
  await make('L5', bob, 'B1', 'frames', null);
  const hidden = await call(hideAnnotation, 'POST', '/x', {
    user: fac,
    params: { id: ends.B2 },
    body: { hidden: true },
  });
  expect(hidden.status).toBe(200);
  // its end's note is hidden: its author and the facilitator still read it, Ada does not
  await make('L4', bob, 'B2', 'supports', g);
  await make('L6', fac, 'B1', 'qualifies', g);
});

afterAll(() => {
  for (const controller of open.splice(0)) controller.abort();
});

const named = (ids: string[]) =>
  ids.map((id) => Object.keys(links).find((k) => links[k] === id) ?? id).sort();

async function channels(user: TestUser) {
  const list = await call(listLinks, 'GET', '/x', { user, params: { id: SLUG } });
  const argument = await call(getArgument, 'GET', '/x', { user, params: { id: SLUG } });
  const exported = await exportAs(user, 'jsonld');
  const csv = await exportAs(user, 'csv');
  expect([list.status, argument.status, exported.status, csv.status]).toEqual([200, 200, 200, 200]);
  // the CSV's argument table names a link by its note (the one cell only the link gives)
  const csvLinks = Object.entries(SECRETS)
    .filter(([, secret]) => csv.text.includes(`about ${secret}`))
    .map(([key]) => key);
  const exportedLinks = (JSON.parse(exported.text).first.items as { id: string; motivation: string }[])
    .filter((i) => i.motivation === 'linking')
    .map((i) => i.id.split('/').pop()!);
  return {
    list: named(list.json.links.map((l: { id: string }) => l.id)),
    argument: named(argument.json.view.links.map((l: { id: string }) => l.id)),
    export: named(exportedLinks),
    csv: csvLinks.sort(),
    text: list.text + argument.text + exported.text + csv.text,
  };
}

describe('who sees an argument link', () => {
  it.each(['ada', 'bob', 'fac', 'out'] as const)(
    '%s sees exactly their links, in every channel',
    async (name) => {
      const seen = await channels(users[name]);
      const expected = [...EXPECTED[name]].sort();
      expect(seen.list).toEqual(expected);
      expect(seen.argument).toEqual(expected);
      expect(seen.export).toEqual(expected);
      expect(seen.csv).toEqual(expected);
      for (const [key, secret] of Object.entries(SECRETS)) {
        if (expected.includes(key)) continue;
        expect(seen.text, `${name} must not read ${key}`).not.toContain(secret);
        expect(seen.text, `${name} must not learn of ${key}`).not.toContain(links[key]);
      }
    },
  );

  it('tells each reader live of the links they see, and of no other', async () => {
    for (const name of ['ada', 'bob', 'fac'] as const) {
      const heard = await streams[name]!.linkEvents((id) => id === links.L6);
      expect(named(heard), name).toEqual([...EXPECTED[name]].sort());
    }
    // the outsider's own annotation comes after every link: nothing about links before it
    const { blocks } = await sampleDocument();
    const para = blocks.find((b) => b.kind === 'PARAGRAPH')!;
    const own = await annotate(users.out, {
      target: targetFor(blocks, para.anchor, para.text.slice(0, 10)),
      tags: ['claim'],
    });
    expect(await streams.out!.linkEvents((id) => id === own.id)).toEqual([]);
  });

  it('carries the links through an export and an import elsewhere, once', async () => {
    const file = (await exportAs(users.ada, 'jsonld')).text;
    const zed = await signUp('Zed');
    const first = await importFile(zed, file);
    expect(first.status, first.text).toBe(200);
    expect(first.json.links).toEqual({ imported: 4, alreadyImported: 0, skipped: 0 });
    expect(first.json.rejected).toEqual([]);
    const again = await importFile(zed, file);
    expect(again.json.links).toEqual({ imported: 0, alreadyImported: 4, skipped: 0 });
    const list = await call(listLinks, 'GET', '/x', { user: zed, params: { id: SLUG } });
    expect(list.json.links.map((l: { relation: string }) => l.relation).sort()).toEqual([
      'contradicts',
      'qualifies',
      'supports',
      'supports',
    ]);
  });

  it('drops a link from every channel once either end is deleted', async () => {
    expect(
      (await call(deleteAnnotation, 'DELETE', '/x', { user: users.bob, params: { id: ends.B1 } })).status,
    ).toBe(204);
    const gone = ['L1', 'L3', 'L5', 'L6'];
    for (const name of ['ada', 'bob', 'fac'] as const) {
      const seen = await channels(users[name]);
      const expected = EXPECTED[name].filter((k) => !gone.includes(k)).sort();
      expect(seen.list, name).toEqual(expected);
      expect(seen.argument, name).toEqual(expected);
      expect(seen.export, name).toEqual(expected);
      expect(seen.csv, name).toEqual(expected);
    }
  });
});
