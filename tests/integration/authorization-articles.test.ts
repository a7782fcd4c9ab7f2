// docs/design.md, "Articles: owner, audience, reading lists", through the real routes: every
// route that takes a document id or slug answers 404 (never 403) to a reader who may not see
// the article, with nothing of it in the answer, and 401 to a signed-out caller.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as importArticle } from '@/app/api/v1/documents/route';
import {
  DELETE as deleteDocument,
  GET as getDocument,
  PATCH as patchDocument,
} from '@/app/api/v1/documents/[id]/route';
import {
  GET as listAnnotations,
  POST as createAnnotation,
} from '@/app/api/v1/documents/[id]/annotations/route';
import { POST as importAnnotations } from '@/app/api/v1/documents/[id]/annotations/import/route';
import { GET as events } from '@/app/api/v1/documents/[id]/events/route';
import { GET as exportAnnotations } from '@/app/api/v1/documents/[id]/export/route';
import { GET as listVersions, POST as reviseDocument } from '@/app/api/v1/documents/[id]/versions/route';
import { GET as getAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { GET as listReplies } from '@/app/api/v1/annotations/[id]/replies/route';
import { POST as addReading } from '@/app/api/v1/groups/[id]/readings/route';
import { DELETE as removeReading } from '@/app/api/v1/groups/[id]/readings/[documentId]/route';
import { BASE, call, signUp, type ResponseJson, type TestUser } from '../support/api';
import { makeGroup } from './export-fixtures';

type Handler = Parameters<typeof call>[0];
type Route = {
  name: string;
  handler: Handler;
  method: string;
  query?: Record<string, string>;
  body?: unknown;
};

const text = (title: string) =>
  `${title}\n\nThe first paragraph of ${title}, long enough to be read closely by a seminar.\n\nThe second paragraph of ${title} carries its argument.`;

const routes = (title: string): Route[] => [
  { name: 'GET document', handler: getDocument, method: 'GET' },
  { name: 'PATCH document', handler: patchDocument, method: 'PATCH', body: { archived: true } },
  { name: 'DELETE document', handler: deleteDocument, method: 'DELETE' },
  { name: 'GET versions', handler: listVersions, method: 'GET' },
  {
    name: 'POST versions',
    handler: reviseDocument,
    method: 'POST',
    body: { text: text(title).replace('argument', 'argument, revised'), format: 'text' },
  },
  { name: 'GET annotations', handler: listAnnotations, method: 'GET' },
  {
    name: 'POST annotations',
    handler: createAnnotation,
    method: 'POST',
    body: {
      target: { start: { block: 'p-1', offset: 0 }, end: { block: 'p-1', offset: 9 }, exact: 'The first' },
      tags: ['claim'],
    },
  },
  ...(['csv', 'markdown', 'jsonld'] as const).map((format) => ({
    name: `GET export ${format}`,
    handler: exportAnnotations,
    method: 'GET',
    query: { format },
  })),
  {
    name: 'POST annotations/import',
    handler: importAnnotations,
    method: 'POST',
    body: {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:matrix:1',
      type: 'Annotation',
      target: { source: 'x:y', selector: { type: 'TextQuoteSelector', exact: 'The first' } },
    },
  },
  { name: 'GET events', handler: events, method: 'GET' },
];

/** Calls a route; a live event stream that opened is hung up at once. */
async function probe(route: Route, user: TestUser | null, id: string) {
  if (route.handler !== events)
    return call(route.handler, route.method, '/x', { user, params: { id }, ...route });
  const abort = new AbortController();
  const response = await events(
    new Request(new URL(`/api/v1/documents/${id}/events`, BASE), {
      headers: user ? { cookie: user.cookie } : {},
      signal: abort.signal,
    }),
    { params: Promise.resolve({ id }) },
  );
  const body = response.status === 200 ? '' : await response.text();
  abort.abort();
  await response.body?.cancel().catch(() => undefined);
  return { status: response.status, text: body, json: null as ResponseJson };
}

let owner: TestUser, member: TestUser, otherMember: TestUser, stranger: TestUser;
type Doc = { id: string; slug: string; title: string };
let listed: Doc, unlisted: Doc, archived: Doc, othersReading: Doc;

async function importAs(user: TestUser, title: string): Promise<Doc> {
  const res = await call(importArticle, 'POST', '/x', { user, body: { text: text(title), format: 'text' } });
  expect(res.status, res.text).toBe(201);
  return { id: res.json.document.id, slug: res.json.document.slug, title };
}

beforeAll(async () => {
  [owner, member, otherMember, stranger] = await Promise.all(
    ['Owner', 'Member', 'Other member', 'Stranger'].map((name) => signUp(name)),
  );
  const seminar = await makeGroup('Seminar A', owner, [member]);
  const other = await makeGroup('Seminar B', otherMember);
  listed = await importAs(owner, 'Listed Reading Zebra');
  unlisted = await importAs(owner, 'Unlisted Draft Quokka');
  archived = await importAs(owner, 'Archived Reading Narwhal');
  othersReading = await importAs(otherMember, 'Other Seminar Reading Okapi');
  for (const [user, groupId, doc] of [
    [owner, seminar.id, listed],
    [owner, seminar.id, archived],
    [otherMember, other.id, othersReading],
  ] as const) {
    const res = await call(addReading, 'POST', '/x', {
      user,
      params: { id: groupId },
      body: { documentId: doc.id },
    });
    expect(res.status, res.text).toBe(201);
  }
  const archive = await call(patchDocument, 'PATCH', '/x', {
    user: owner,
    params: { id: archived.id },
    body: { archived: true },
  });
  expect(archive.status, archive.text).toBe(200);
});

describe('the authorization matrix for articles', () => {
  it('answers 404 with nothing of the article to every reader who may not see it, on every route, by id and by slug', async () => {
    const unseen: [TestUser, Doc][] = [
      [otherMember, listed],
      [stranger, listed],
      [member, unlisted],
      [otherMember, unlisted],
      [stranger, unlisted],
      [member, archived],
      [otherMember, archived],
      [stranger, archived],
      [member, othersReading],
      [owner, othersReading],
      [stranger, othersReading],
    ];
    let cells = 0;
    const leaks: string[] = [];
    for (const [user, doc] of unseen) {
      for (const route of routes(doc.title)) {
        for (const id of [doc.id, doc.slug]) {
          cells++;
          const res = await probe(route, user, id);
          const leaked = [doc.title, doc.id].some((secret) => res.text.includes(secret) && secret !== id);
          if (res.status !== 404 || leaked) leaks.push(`${route.name} ${id} as ${user.name}: ${res.status}`);
        }
      }
    }
    for (const doc of [listed, unlisted, archived, othersReading]) {
      for (const route of routes(doc.title)) {
        cells++;
        const res = await probe(route, null, doc.slug);
        if (res.status !== 401) leaks.push(`${route.name} ${doc.slug} signed out: ${res.status}`);
      }
    }
    console.log(`[authorization-articles] ${cells} cells probed, ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
    expect(cells).toBe((11 * 2 + 4) * routes(listed.title).length);
  });

  it('lets the owner and the listing seminar’s members read, annotate and export; only the owner changes it', async () => {
    const readRoutes = routes(listed.title).filter((r) => r.method === 'GET');
    for (const user of [owner, member]) {
      for (const route of readRoutes) {
        const res = await probe(route, user, listed.slug);
        expect(res.status, `${route.name} as ${user.name}`).toBe(200);
      }
    }
    const annotate = routes(listed.title).find((r) => r.name === 'POST annotations')!;
    expect((await probe(annotate, member, listed.id)).status).toBe(201);
    for (const name of ['PATCH document', 'DELETE document', 'POST versions']) {
      const route = routes(listed.title).find((r) => r.name === name)!;
      const res = await probe(route, member, listed.id);
      expect(res.status, name).toBe(403);
      expect(res.json.error.message).toBe('Only the reader who owns this article can change it.');
    }
  });

  it('takes a seminar’s annotations on an article away from members when it leaves their reading list', async () => {
    const seminar = await makeGroup('Seminar C', owner, [member]);
    const doc = await importAs(owner, 'Withdrawn Reading Tapir');
    const listing = await call(addReading, 'POST', '/x', {
      user: owner,
      params: { id: seminar.id },
      body: { documentId: doc.id },
    });
    expect(listing.status, listing.text).toBe(201);
    const created = await call(createAnnotation, 'POST', '/x', {
      user: owner,
      params: { id: doc.id },
      body: {
        target: { start: { block: 'p-1', offset: 0 }, end: { block: 'p-1', offset: 9 }, exact: 'The first' },
        tags: ['claim'],
        groupId: seminar.id,
      },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.json.annotation.id as string;
    expect((await call(getAnnotation, 'GET', '/x', { user: member, params: { id } })).status).toBe(200);

    const removed = await call(removeReading, 'DELETE', '/x', {
      user: owner,
      params: { id: seminar.id, documentId: doc.id },
    });
    expect(removed.status, removed.text).toBe(200);
    for (const handler of [getAnnotation, listReplies]) {
      const res = await call(handler, 'GET', '/x', { user: member, params: { id } });
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('The first');
    }
    expect((await call(getAnnotation, 'GET', '/x', { user: owner, params: { id } })).status).toBe(200);
  });

  it('keeps an archived article readable by its owner', async () => {
    expect((await probe(routes(archived.title)[0], owner, archived.slug)).status).toBe(200);
  });
});
