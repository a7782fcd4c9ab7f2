// Reading lists, the library's sections, archiving, deleting and re-sharing an article
// (docs/design.md, "Articles: owner, audience, reading lists").
import { describe, expect, it } from 'vitest';
import { POST as importArticle } from '@/app/api/v1/documents/route';
import {
  DELETE as deleteDocument,
  GET as getDocument,
  PATCH as patchDocument,
} from '@/app/api/v1/documents/[id]/route';
import { POST as createAnnotation } from '@/app/api/v1/documents/[id]/annotations/route';
import { GET as exportAnnotations } from '@/app/api/v1/documents/[id]/export/route';
import { GET as listReadings, POST as addReading } from '@/app/api/v1/groups/[id]/readings/route';
import {
  DELETE as removeReading,
  PATCH as patchReading,
} from '@/app/api/v1/groups/[id]/readings/[documentId]/route';
import { GET as getLibrary } from '@/app/api/v1/library/route';
import { call, signUp, type TestUser } from '../support/api';
import { makeAdministrator } from '../support/articles';
import { makeGroup } from './export-fixtures';

const text = (title: string) =>
  `${title}\n\nThe first paragraph of ${title}, long enough to be read closely by a seminar.\n\nThe second paragraph carries the argument.`;

async function importAs(user: TestUser, title: string) {
  const res = await call(importArticle, 'POST', '/x', { user, body: { text: text(title), format: 'text' } });
  expect(res.status, res.text).toBe(201);
  return res.json.document as { id: string; slug: string; title: string };
}

const add = (user: TestUser, groupId: string, documentId: string, dueDate?: string) =>
  call(addReading, 'POST', '/x', { user, params: { id: groupId }, body: { documentId, dueDate } });
const patchList = (user: TestUser, groupId: string, documentId: string, body: unknown) =>
  call(patchReading, 'PATCH', '/x', { user, params: { id: groupId, documentId }, body });
const titles = (readings: { title: string }[]) => readings.map((r) => r.title);
const library = async (user: TestUser, query: Record<string, string> = {}) => {
  const res = await call(getLibrary, 'GET', '/x', { user, query });
  expect(res.status, res.text).toBe(200);
  return res.json;
};
const annotate = async (user: TestUser, id: string) => {
  const res = await call(createAnnotation, 'POST', '/x', {
    user,
    params: { id },
    body: {
      target: { start: { block: 'p-1', offset: 0 }, end: { block: 'p-1', offset: 9 }, exact: 'The first' },
      tags: ['claim'],
    },
  });
  expect(res.status, res.text).toBe(201);
};

describe('a seminar’s reading list', () => {
  it('is built by facilitators, read by members, and shows its articles to them alone', async () => {
    const fay = await signUp('Fay');
    const mo = await signUp('Mo');
    const stranger = await signUp('Stranger');
    const seminar = await makeGroup('Seminar', fay, [mo]);
    const first = await importAs(fay, 'First Reading');
    const second = await importAs(fay, 'Second Reading');
    const strangers = await importAs(stranger, 'A Stranger’s Draft');

    expect((await call(getDocument, 'GET', '/x', { user: mo, params: { id: first.slug } })).status).toBe(404);
    expect((await add(fay, seminar.id, first.id, '2027-03-01')).status).toBe(201);
    expect((await add(fay, seminar.id, second.slug)).status).toBe(201);
    expect((await add(fay, seminar.id, first.id)).status).toBe(409); // on the list already
    expect((await add(fay, seminar.id, strangers.id)).status).toBe(404); // not hers to see
    expect((await add(mo, seminar.id, 'face-time')).status).toBe(403); // members read only
    expect((await add(stranger, seminar.id, 'face-time')).status).toBe(404); // not his seminar

    const read = await call(listReadings, 'GET', '/x', { user: mo, params: { id: seminar.id } });
    expect(read.json.readings).toEqual([
      expect.objectContaining({ title: 'First Reading', position: 0, dueDate: '2027-03-01' }),
      expect.objectContaining({ title: 'Second Reading', position: 1, dueDate: null }),
    ]);
    expect(
      (await call(listReadings, 'GET', '/x', { user: stranger, params: { id: seminar.id } })).status,
    ).toBe(404);
    expect((await call(getDocument, 'GET', '/x', { user: mo, params: { id: first.slug } })).status).toBe(200);
    expect(
      (await call(getDocument, 'GET', '/x', { user: stranger, params: { id: first.slug } })).status,
    ).toBe(404);

    // reorder, date, clear
    const moved = await patchList(fay, seminar.id, second.id, { position: 0, dueDate: '2027-02-15' });
    expect(moved.status, moved.text).toBe(200);
    expect(titles(moved.json.readings)).toEqual(['Second Reading', 'First Reading']);
    const cleared = await patchList(fay, seminar.id, first.id, { dueDate: null });
    expect(cleared.json.readings[1]).toMatchObject({ title: 'First Reading', dueDate: null });
    expect((await patchList(mo, seminar.id, first.id, { position: 0 })).status).toBe(403);
    expect((await patchList(fay, seminar.id, strangers.id, { position: 0 })).status).toBe(404);

    // the member's library: the list in the facilitator's order, nothing else of Fay's
    const mos = await library(mo);
    expect(mos.readingLists).toEqual([
      expect.objectContaining({ groupName: 'Seminar', readings: [expect.anything(), expect.anything()] }),
    ]);
    expect(titles(mos.readingLists[0].readings)).toEqual(['Second Reading', 'First Reading']);
    expect(mos.mine).toEqual([]);
    expect(mos.public.map((d: { slug: string }) => d.slug)).toEqual(['face-time']);
    expect(titles((await library(stranger)).mine)).toEqual(['A Stranger’s Draft']);
    expect((await library(stranger)).readingLists).toEqual([]);

    // removing a reading hides the article from members who have not annotated it
    const removed = await call(removeReading, 'DELETE', '/x', {
      user: fay,
      params: { id: seminar.id, documentId: second.id },
    });
    expect(titles(removed.json.readings)).toEqual(['First Reading']);
    expect(removed.json.readings[0].position).toBe(0);
    expect((await call(getDocument, 'GET', '/x', { user: mo, params: { id: second.id } })).status).toBe(404);
  });

  it('searches titles and sorts the reader’s own articles', async () => {
    const ada = await signUp('Ada');
    await importAs(ada, 'Beta on harbours');
    await importAs(ada, 'Alpha on boats');
    await importAs(ada, 'Gamma on harbours');
    expect(titles((await library(ada, { sort: 'title' })).mine)).toEqual([
      'Alpha on boats',
      'Beta on harbours',
      'Gamma on harbours',
    ]);
    expect(titles((await library(ada, { sort: 'oldest', q: 'HARBOUR' })).mine)).toEqual([
      'Beta on harbours',
      'Gamma on harbours',
    ]);
    expect((await library(ada, { q: 'no such words' })).public).toEqual([]);
  });
});

describe('removing an article', () => {
  it('archives it out of every library; those who annotated it still read and export it; the owner restores it', async () => {
    const fay = await signUp('Fay');
    const mo = await signUp('Mo');
    const nell = await signUp('Nell');
    const seminar = await makeGroup('Seminar', fay, [mo, nell]);
    const doc = await importAs(fay, 'To Be Archived');
    await add(fay, seminar.id, doc.id);
    await annotate(mo, doc.id);

    expect(
      (
        await call(patchDocument, 'PATCH', '/x', {
          user: mo,
          params: { id: doc.id },
          body: { archived: true },
        })
      ).status,
    ).toBe(403);
    const archived = await call(patchDocument, 'PATCH', '/x', {
      user: fay,
      params: { id: doc.id },
      body: { archived: true },
    });
    expect(archived.status, archived.text).toBe(200);
    expect(archived.json.document).toMatchObject({ archived: true, owned: true, othersAnnotated: true });

    expect((await library(mo)).readingLists[0].readings).toEqual([]);
    expect((await library(fay)).mine).toEqual([
      expect.objectContaining({ title: 'To Be Archived', archived: true }),
    ]);
    expect((await call(getDocument, 'GET', '/x', { user: mo, params: { id: doc.slug } })).status).toBe(200);
    const exported = await call(exportAnnotations, 'GET', '/x', {
      user: mo,
      params: { id: doc.id },
      query: { format: 'csv' },
    });
    expect(exported.status).toBe(200);
    expect(exported.text).toContain('The first');
    expect((await call(getDocument, 'GET', '/x', { user: nell, params: { id: doc.slug } })).status).toBe(404);

    const restored = await call(patchDocument, 'PATCH', '/x', {
      user: fay,
      params: { id: doc.id },
      body: { archived: false },
    });
    expect(restored.json.document.archived).toBe(false);
    expect(titles((await library(nell)).readingLists[0].readings)).toEqual(['To Be Archived']);
  });

  it('deletes only an article no one else has annotated, with the owner’s own annotations', async () => {
    const fay = await signUp('Fay');
    const mo = await signUp('Mo');
    const seminar = await makeGroup('Seminar', fay, [mo]);
    const shared = await importAs(fay, 'Annotated By Others');
    await add(fay, seminar.id, shared.id);
    await annotate(mo, shared.id);
    const refused = await call(deleteDocument, 'DELETE', '/x', { user: fay, params: { id: shared.id } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toBe(
      'Other readers have 1 annotation on this article; archive it instead.',
    );
    expect((await call(deleteDocument, 'DELETE', '/x', { user: mo, params: { id: shared.id } })).status).toBe(
      403,
    );

    const own = await importAs(fay, 'Only Mine');
    await annotate(fay, own.id);
    await annotate(fay, own.id);
    const deleted = await call(deleteDocument, 'DELETE', '/x', { user: fay, params: { id: own.slug } });
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.json.deleted).toEqual({ id: own.id, title: 'Only Mine', annotations: 2 });
    expect((await call(getDocument, 'GET', '/x', { user: fay, params: { id: own.id } })).status).toBe(404);
  });

  it('leaves making an article public, and changing a public one, to an administrator', async () => {
    const fay = await signUp('Fay');
    const stranger = await signUp('Stranger');
    const admin = makeAdministrator(await signUp('Admin'));
    const doc = await importAs(fay, 'For Everyone');
    const byOwner = await call(patchDocument, 'PATCH', '/x', {
      user: fay,
      params: { id: doc.id },
      body: { audience: 'public' },
    });
    expect(byOwner.status).toBe(403);
    // the administrator cannot see someone's private article either
    expect(
      (
        await call(patchDocument, 'PATCH', '/x', {
          user: admin,
          params: { id: doc.id },
          body: { audience: 'public' },
        })
      ).status,
    ).toBe(404);
    await add(fay, (await makeGroup('Admin’s seat', fay, [admin])).id, doc.id);
    const byAdmin = await call(patchDocument, 'PATCH', '/x', {
      user: admin,
      params: { id: doc.id },
      body: { audience: 'public' },
    });
    expect(byAdmin.status, byAdmin.text).toBe(200);
    expect((await call(getDocument, 'GET', '/x', { user: stranger, params: { id: doc.slug } })).status).toBe(
      200,
    );
    expect(titles((await library(stranger)).public)).toContain('For Everyone');
    const archiveSample = await call(patchDocument, 'PATCH', '/x', {
      user: fay,
      params: { id: 'face-time' },
      body: { archived: true },
    });
    expect(archiveSample.status).toBe(403);
    expect(archiveSample.json.error.message).toBe('Only an administrator can change a public article.');
  });
});
