// Argument links through the real routes: create, list, update, delete; relation types like
// group tags; self-links and cross-document links refused; the database's own guards.
import { beforeAll, describe, expect, it } from 'vitest';
import { DELETE as deleteAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { GET as listLinks, POST as createLink } from '@/app/api/v1/documents/[id]/links/route';
import { GET as getArgument } from '@/app/api/v1/documents/[id]/argument/route';
import { GET as getDisagreements } from '@/app/api/v1/documents/[id]/disagreements/route';
import { POST as importArticle } from '@/app/api/v1/documents/route';
import { GET as listRelations, POST as createRelation } from '@/app/api/v1/groups/[id]/relations/route';
import { PATCH as patchRelation } from '@/app/api/v1/groups/[id]/relations/[relationId]/route';
import { DELETE as deleteLink, PATCH as patchLink } from '@/app/api/v1/links/[id]/route';
import { db } from '@/lib/server/db';
import { call, signUp, type TestUser } from '../support/api';
import { annotate, exportAs, makeGroup, sampleDocument, SLUG, targetFor } from './export-fixtures';

type Blocks = Awaited<ReturnType<typeof sampleDocument>>['blocks'];
let blocks: Blocks = [];
let paras: Blocks = [];

beforeAll(async () => {
  blocks = (await sampleDocument()).blocks;
  paras = blocks.filter((b) => b.kind === 'PARAGRAPH');
});

const passage = (i: number, words = 4) => {
  const text = paras[i].text.split(' ').slice(0, words).join(' ');
  return targetFor(blocks, paras[i].anchor, text);
};

function link(user: TestUser, body: Record<string, unknown>, documentId = SLUG) {
  return call(createLink, 'POST', '/x', { user, params: { id: documentId }, body });
}

async function linksOf(user: TestUser, query: Record<string, string> = {}) {
  const res = await call(listLinks, 'GET', '/x', { user, params: { id: SLUG }, query });
  expect(res.status, res.text).toBe(200);
  return res.json as {
    links: { id: string; relation: string; note: string }[];
    relations: { slug: string }[];
  };
}

describe('argument links', () => {
  it('links evidence to a claim, lists, edits and deletes the link (its author only)', async () => {
    const [fac, ada, bob] = await Promise.all([signUp('Fac'), signUp('Ada'), signUp('Bob')]);
    const group = await makeGroup('Argument seminar', fac, [ada, bob]);
    const claim = await annotate(ada, { target: passage(2), tags: ['claim'], groupId: group.id });
    const evidence = await annotate(bob, { target: passage(5), tags: ['evidence'], groupId: group.id });

    const created = await link(ada, {
      fromId: evidence.id,
      toId: claim.id,
      relation: 'supports',
      note: '  The figures back it up.  ',
      groupId: group.id,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.link).toMatchObject({
      fromId: evidence.id,
      toId: claim.id,
      relation: 'supports',
      note: 'The figures back it up.',
      visibility: 'group',
      can: { edit: true, delete: true },
    });
    const id = created.json.link.id as string;
    // the same link again is the same link
    const again = await link(ada, {
      fromId: evidence.id,
      toId: claim.id,
      relation: 'supports',
      groupId: group.id,
    });
    expect(again.json.link.id).toBe(id);

    const forBob = await linksOf(bob);
    expect(forBob.links.map((l) => l.id)).toEqual([id]);
    expect(forBob.relations.map((r) => r.slug)).toEqual(['supports', 'contradicts', 'frames', 'qualifies']);

    expect(
      (await call(patchLink, 'PATCH', '/x', { user: bob, params: { id }, body: { note: 'x' } })).status,
    ).toBe(403);
    const edited = await call(patchLink, 'PATCH', '/x', {
      user: ada,
      params: { id },
      body: { relation: 'qualifies', note: 'Only partly.' },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json.link).toMatchObject({ relation: 'qualifies', note: 'Only partly.' });

    expect((await call(deleteLink, 'DELETE', '/x', { user: bob, params: { id } })).status).toBe(403);
    expect((await call(deleteLink, 'DELETE', '/x', { user: ada, params: { id } })).status).toBe(204);
    expect((await linksOf(bob)).links).toEqual([]);
    expect((await call(deleteLink, 'DELETE', '/x', { user: ada, params: { id } })).status).toBe(404);
  });

  it('refuses self-links, unknown relations, ends on another document and ends one cannot see', async () => {
    const [ada, bob] = await Promise.all([signUp('Ada'), signUp('Bob')]);
    const mine = await annotate(ada, { target: passage(1), tags: ['claim'] });
    const other = await annotate(ada, { target: passage(3), tags: ['evidence'] });
    const bobs = await annotate(bob, { target: passage(4), tags: ['evidence'] });

    const self = await link(ada, { fromId: mine.id, toId: mine.id, relation: 'supports' });
    expect(self.status).toBe(400);
    expect(self.json.error.fields.toId).toMatch(/itself/);
    const unknown = await link(ada, { fromId: other.id, toId: mine.id, relation: 'proves' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.fields.relation).toMatch(/Unknown relation/);
    const hidden = await link(ada, { fromId: bobs.id, toId: mine.id, relation: 'supports' });
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.json)).not.toContain(bobs.id);

    const imported = await call(importArticle, 'POST', '/x', {
      user: ada,
      body: { text: 'Elsewhere\n\nA paragraph of another article, long enough to highlight.' },
    });
    const slug = imported.json.document.slug as string;
    const elsewhereBlocks = await db.block.findMany({
      where: { version: { document: { slug } } },
      select: { anchor: true, text: true, kind: true },
    });
    const para = elsewhereBlocks.find((b) => b.kind === 'PARAGRAPH')!;
    const there = await annotate(
      ada,
      { target: targetFor(elsewhereBlocks, para.anchor, 'A paragraph'), tags: ['evidence'] },
      slug,
    );
    expect((await link(ada, { fromId: there.id, toId: mine.id, relation: 'supports' })).status).toBe(404);

    // the database holds the same invariants
    const docId = (await sampleDocument()).id;
    const base = { documentId: docId, relationId: '00000000-0000-4000-8000-000000000101', authorId: ada.id };
    await expect(
      db.annotationLink.create({ data: { ...base, fromId: mine.id, toId: mine.id } }),
    ).rejects.toThrow();
    await expect(
      db.annotationLink.create({ data: { ...base, fromId: there.id, toId: mine.id } }),
    ).rejects.toThrow();
  });

  it('lets a facilitator add and rename relations, which only the group’s links may use', async () => {
    const [fac, ada] = await Promise.all([signUp('Fac'), signUp('Ada')]);
    const group = await makeGroup('Relations seminar', fac, [ada]);
    const refused = await call(createRelation, 'POST', '/x', {
      user: ada,
      params: { id: group.id },
      body: { name: 'Illustrates', color: '#1d4ed8' },
    });
    expect(refused.status).toBe(403);
    const created = await call(createRelation, 'POST', '/x', {
      user: fac,
      params: { id: group.id },
      body: { name: 'Illustrates', color: '#1D4ED8', line: 'dotted' },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.relation).toMatchObject({
      slug: 'illustrates',
      color: '#1d4ed8',
      line: 'dotted',
      retired: false,
    });
    const dup = await call(createRelation, 'POST', '/x', {
      user: fac,
      params: { id: group.id },
      body: { name: 'illustrates', color: '#1d4ed8' },
    });
    expect(dup.status).toBe(409);

    const claim = await annotate(ada, { target: passage(2), tags: ['claim'], groupId: group.id });
    const example = await annotate(ada, { target: passage(6), tags: ['evidence'], groupId: group.id });
    expect((await link(ada, { fromId: example.id, toId: claim.id, relation: 'illustrates' })).status).toBe(
      400,
    );
    const shared = await link(ada, {
      fromId: example.id,
      toId: claim.id,
      relation: 'illustrates',
      groupId: group.id,
    });
    expect(shared.status, shared.text).toBe(201);

    const renamed = await call(patchRelation, 'PATCH', '/x', {
      user: fac,
      params: { id: group.id, relationId: created.json.relation.id },
      body: { name: 'Exemplifies' },
    });
    expect(renamed.json.relation).toMatchObject({ slug: 'exemplifies', name: 'Exemplifies' });
    expect((await linksOf(ada)).links[0].relation).toBe('exemplifies');
    const listed = await call(listRelations, 'GET', '/x', { user: ada, params: { id: group.id } });
    expect(listed.json.relations.map((r: { slug: string }) => r.slug)).toEqual(['exemplifies']);
    const outsider = await signUp('Outsider');
    expect(
      (await call(listRelations, 'GET', '/x', { user: outsider, params: { id: group.id } })).status,
    ).toBe(404);
  });

  it('builds the argument view and the disagreements from what the reader sees', async () => {
    const [fac, ada, bob] = await Promise.all([signUp('Fac'), signUp('Ada'), signUp('Bob')]);
    const group = await makeGroup('Views seminar', fac, [ada, bob]);
    const g = { groupId: group.id };
    const claim = await annotate(ada, { target: passage(2, 6), tags: ['claim'], ...g });
    const e1 = await annotate(bob, { target: passage(4), tags: ['evidence'], ...g });
    const e2 = await annotate(ada, { target: passage(7), tags: ['evidence'], ...g });
    const lonely = await annotate(bob, { target: passage(9), tags: ['evidence'], ...g });
    const framing = await annotate(bob, { target: passage(1), tags: ['framing'], ...g });
    // Bob reads ¶3's opening as evidence where Ada saw a claim
    await annotate(bob, { target: passage(2, 5), tags: ['evidence'], ...g });
    for (const [from, relation] of [
      [e1.id, 'supports'],
      [e2.id, 'supports'],
      [framing.id, 'frames'],
    ])
      expect((await link(ada, { fromId: from, toId: claim.id, relation, ...g })).status).toBe(201);

    const argument = await call(getArgument, 'GET', '/x', {
      user: fac,
      params: { id: SLUG },
      query: { group: group.id },
    });
    expect(argument.status, argument.text).toBe(200);
    const entry = argument.json.view.claims[0];
    expect(entry.claim.id).toBe(claim.id);
    expect(entry.claim.paragraph).toBe(3);
    expect(entry.incoming.supports.map((i: { annotation: { id: string } }) => i.annotation.id)).toEqual([
      e1.id,
      e2.id,
    ]);
    expect(entry.incoming.frames.map((i: { annotation: { id: string } }) => i.annotation.id)).toEqual([
      framing.id,
    ]);
    expect(argument.json.view.unlinkedEvidence.map((a: { id: string }) => a.id)).toContain(lonely.id);

    const split = await call(getDisagreements, 'GET', '/x', {
      user: fac,
      params: { id: SLUG },
      query: { group: group.id },
    });
    expect(split.status, split.text).toBe(200);
    expect(split.json.disagreements).toHaveLength(1);
    const [first] = split.json.disagreements;
    expect(first.paragraph).toBe(3);
    expect(
      first.readings.map((r: { readerName: string; tags: string[] }) => [r.readerName, r.tags[0]]).sort(),
    ).toEqual([
      ['Ada', 'claim'],
      ['Bob', 'evidence'],
    ]);
    expect(split.json.agreement).toMatchObject({ alpha: 0, observed: 0, units: 1, raters: 2 });

    const markdown = await exportAs(fac, 'markdown', { group: group.id });
    expect(markdown.text).toContain('## Argument');
    expect(markdown.text).toMatch(
      /- Claim ¶3 “[^”]+”: supported by ¶5 “[^”]+” and ¶8 “[^”]+”; framed by ¶2 “[^”]+”\./,
    );
    expect(markdown.text).toContain('### Evidence no one has linked');

    // the CSV carries the same argument as a second table after the annotations
    const csv = await exportAs(fac, 'csv', { group: group.id });
    expect(csv.status, csv.text).toBe(200);
    const [annotationsTable, argumentTable] = csv.text.split('\r\n\r\n');
    expect(annotationsTable.split('\r\n')).toHaveLength(1 + 6); // header + the group's six
    const rows = argumentTable.trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'argument,claim paragraph,claim quote,claim author,relation,paragraph,quote,tags,author,link note',
    );
    const claimRows = rows.filter((r) => r.startsWith('claim,¶3,'));
    expect(
      claimRows.map((r) => r.split(',').filter((c) => /^(supported|framed) by$|^¶\d+$/.test(c))),
    ).toEqual([
      ['¶3', 'supported by', '¶5'],
      ['¶3', 'supported by', '¶8'],
      ['¶3', 'framed by', '¶2'],
    ]);
    expect(rows.some((r) => r.startsWith('evidence no one has linked,,,,,¶10,'))).toBe(true);

    // deleting an end removes its links from every view
    expect((await call(deleteAnnotation, 'DELETE', '/x', { user: bob, params: { id: e1.id } })).status).toBe(
      204,
    );
    const after = await call(getArgument, 'GET', '/x', { user: ada, params: { id: SLUG } });
    expect(
      after.json.view.claims[0].incoming.supports.map((i: { annotation: { id: string } }) => i.annotation.id),
    ).toEqual([e2.id]);
    expect((await linksOf(ada)).links).toHaveLength(2);
    // and purging it removes the rows too
    await db.annotation.delete({ where: { id: e2.id } });
    expect(await db.annotationLink.count({ where: { OR: [{ fromId: e2.id }, { toId: e2.id }] } })).toBe(0);
  });
});
