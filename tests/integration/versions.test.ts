import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POST as importDocument } from '@/app/api/v1/documents/route';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import { GET as listVersions, POST as reviseDocument } from '@/app/api/v1/documents/[id]/versions/route';
import { db } from '@/lib/server/db';
import { makeAdministrator, putOnReadingList } from '../support/articles';
import { call, signUp, type TestUser } from '../support/api';

const SAMPLE = readFileSync(new URL('../../lib/articles/fixtures/face-time.txt', import.meta.url), 'utf8');
const ARTICLE =
  'Field Notes\n\nThe first paragraph describes the harbour in the early morning.\n\nThe second paragraph follows the boats out to sea.\n\nThe third paragraph brings them home at dusk.';

async function importAs(user: TestUser, text = ARTICLE): Promise<{ id: string; slug: string }> {
  const res = await call(importDocument, 'POST', '/api/v1/documents', {
    user,
    body: { text, format: 'text' },
  });
  expect(res.status).toBe(201);
  return res.json.document;
}

function revise(user: TestUser | null, id: string, body: unknown) {
  return call(reviseDocument, 'POST', `/api/v1/documents/${id}/versions`, { user, params: { id }, body });
}

async function anchorsOf(user: TestUser, id: string): Promise<string[]> {
  const res = await call(getDocument, 'GET', '/x', { user, params: { id } });
  return res.json.blocks.map((b: { anchor: string }) => b.anchor);
}

describe('who may upload a revised version', () => {
  it('lets the owner of an article revise it; a seminar reading it gets 403, anyone else 404', async () => {
    const ada = await signUp('Ada');
    const bob = await signUp('Bob');
    const cy = await signUp('Cy');
    const doc = await importAs(ada);
    const group = await db.group.create({
      data: {
        name: 'Seminar',
        createdById: ada.id,
        memberships: {
          create: [
            { userId: ada.id, role: 'FACILITATOR' },
            { userId: bob.id, role: 'MEMBER' },
          ],
        },
      },
    });
    await putOnReadingList(group.id, doc.id);
    const text = ARTICLE.replace('early morning', 'grey early morning');

    const byBob = await revise(bob, doc.id, { text, format: 'text' });
    expect(byBob.status).toBe(403);
    expect(byBob.json.error.message).toBe('Only the reader who owns this article can change it.');
    expect((await revise(cy, doc.id, { text, format: 'text' })).status).toBe(404);
    expect((await revise(null, doc.id, { text, format: 'text' })).status).toBe(401);
    expect((await revise(ada, 'no-such-article', { text, format: 'text' })).status).toBe(404);

    const byAda = await revise(ada, doc.slug, { text, format: 'text' });
    expect(byAda.status).toBe(201);
    expect(byAda.json.version).toMatchObject({ number: 2, current: true, paragraphs: 3 });
    expect(byAda.json.summary).toEqual({ anchored: 0, reanchored: 0, orphaned: 0 });
  });

  it('lets only an administrator revise the public sample article, not whoever facilitates a group', async () => {
    const bob = await signUp('Bob');
    const fay = await signUp('Fay');
    const adam = makeAdministrator(await signUp('Adam'));
    await db.group.create({
      data: {
        name: 'Seminar',
        createdById: fay.id,
        memberships: {
          create: [
            { userId: fay.id, role: 'FACILITATOR' },
            { userId: bob.id, role: 'MEMBER' },
          ],
        },
      },
    });
    const text = SAMPLE.replace('the cancelation of', 'the cancellation of');

    for (const reader of [bob, fay]) {
      const refused = await revise(reader, 'face-time', { text, format: 'text' });
      expect(refused.status).toBe(403);
      expect(refused.json.error.message).toBe('Only an administrator can change a public article.');
    }
    const byAdministrator = await revise(adam, 'face-time', { text, format: 'text' });
    expect(byAdministrator.status).toBe(201);
    expect(byAdministrator.json.version.number).toBe(2);
  });
});

describe('uploading a revised version', () => {
  it('refuses a version identical to the current one, even with different line endings or trailing spaces', async () => {
    const ada = await signUp('Ada');
    const doc = await importAs(ada);
    for (const text of [ARTICLE, ARTICLE.replace(/\n/g, '\r\n'), ARTICLE.replace(/\n\n/g, '  \n\n')]) {
      const res = await revise(ada, doc.id, { text, format: 'text' });
      expect(res.status).toBe(409);
      expect(res.json.error).toMatchObject({
        code: 'CONFLICT',
        message: 'This version is identical to the current one.',
      });
    }
    const versions = await call(listVersions, 'GET', '/x', { user: ada, params: { id: doc.id } });
    expect(versions.json.versions).toHaveLength(1);
  });

  it('refuses an empty or binary revision with the importer’s messages', async () => {
    const ada = await signUp('Ada');
    const doc = await importAs(ada);
    const empty = await revise(ada, doc.id, { text: '', format: 'text' });
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toBe('The article is empty. Paste or upload some text.');
    const binary = await revise(ada, doc.id, {
      text: '\u0000\u0001PNG\u0002\u0003'.repeat(50),
      format: 'text',
    });
    expect(binary.status).toBe(400);
    expect(binary.json.error.message).toMatch(/does not look like text/);
  });

  it('takes the revised text’s title unless one is given', async () => {
    const ada = await signUp('Ada');
    const imported = await call(importDocument, 'POST', '/api/v1/documents', {
      user: ada,
      body: { text: ARTICLE, format: 'text', title: 'Harbour Diary' },
    });
    const { id } = imported.json.document;
    const kept = await revise(ada, id, {
      text: ARTICLE.replace('boats', 'trawlers'),
      format: 'text',
      title: 'Harbour Diary',
    });
    expect(kept.json.document.title).toBe('Harbour Diary');
    const parsed = await revise(ada, id, { text: ARTICLE.replace('boats', 'ferries'), format: 'text' });
    expect(parsed.json.document.title).toBe('Field Notes');
    const doc = await call(getDocument, 'GET', '/x', { user: ada, params: { id } });
    expect(doc.json.blocks[0]).toMatchObject({ kind: 'TITLE', text: 'Field Notes' });
    expect(doc.json.document.slug).toBe('harbour-diary');
  });

  it('never gives a new paragraph the anchor of one removed in an earlier version', async () => {
    const ada = await signUp('Ada');
    const doc = await importAs(ada);
    expect(await anchorsOf(ada, doc.id)).toEqual(['title', 'p-1', 'p-2', 'p-3']);
    const shorter = ARTICLE.replace('\n\nThe third paragraph brings them home at dusk.', '');
    expect((await revise(ada, doc.id, { text: shorter, format: 'text' })).status).toBe(201);
    expect(await anchorsOf(ada, doc.id)).toEqual(['title', 'p-1', 'p-2']);
    const longer = `${shorter}\n\nA wholly new closing paragraph about the lighthouse keeper.`;
    expect((await revise(ada, doc.id, { text: longer, format: 'text' })).status).toBe(201);
    expect(await anchorsOf(ada, doc.id)).toEqual(['title', 'p-1', 'p-2', 'p-4']);
  });

  it('numbers simultaneous revisions one after the other', async () => {
    const ada = await signUp('Ada');
    const doc = await importAs(ada);
    const [a, b] = await Promise.all([
      revise(ada, doc.id, { text: ARTICLE.replace('harbour', 'port'), format: 'text' }),
      revise(ada, doc.id, { text: ARTICLE.replace('boats', 'ships'), format: 'text' }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.json.version.number, b.json.version.number].sort()).toEqual([2, 3]);
    const versions = await call(listVersions, 'GET', '/x', { user: ada, params: { id: doc.id } });
    expect(versions.json.versions.map((v: { number: number }) => v.number)).toEqual([1, 2, 3]);
  });
});
