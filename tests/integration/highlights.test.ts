// The reader page's compact highlights: exactly the annotations the list shows for the current
// version (never another reader's private one), in columns, with an ETag that answers 304
// until something this reader sees changes.
import { describe, expect, it } from 'vitest';
import { POST as createGroup } from '@/app/api/v1/groups/route';
import { POST as joinGroup } from '@/app/api/v1/groups/join/route';
import { GET as listAnnotations } from '@/app/api/v1/documents/[id]/annotations/route';
import { GET as listHighlights } from '@/app/api/v1/documents/[id]/highlights/route';
import { DELETE as deleteAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { POST as hideAnnotation } from '@/app/api/v1/annotations/[id]/hide/route';
import { highlightsSchema } from '@/lib/annotations/schemas';
import type { AnnotationView, Highlights } from '@/lib/annotations/types';
import { call, signUp, type TestUser } from '../support/api';
import { annotateSpan, sampleBlocks } from '../support/annotate';

const blocksOf = sampleBlocks;

async function annotate(user: TestUser, anchor: string, tags: string[], groupId?: string) {
  const block = (await blocksOf(user)).find((b) => b.anchor === anchor)!;
  return annotateSpan(user, block, { from: 4, to: 20 }, tags, groupId);
}

const highlights = (user: TestUser, etag?: string) =>
  call(listHighlights, 'GET', '/x', {
    user,
    params: { id: 'face-time' },
    headers: etag ? { 'if-none-match': etag } : {},
  });

const listed = async (user: TestUser) =>
  (await call(listAnnotations, 'GET', '/x', { user, params: { id: 'face-time' } })).json
    .annotations as AnnotationView[];

describe('GET /documents/{id}/highlights', () => {
  it('holds exactly what the list shows, in columns, and never another reader’s private annotation', async () => {
    const [ada, bob] = await Promise.all([signUp('Ada'), signUp('Bob')]);
    const group = (await call(createGroup, 'POST', '/x', { user: ada, body: { name: 'Columns' } })).json
      .group;
    await call(joinGroup, 'POST', '/x', { user: bob, body: { code: group.inviteCode } });
    const adaPrivate = await annotate(ada, 'p-2', ['claim']);
    const adaShared = await annotate(ada, 'p-3', ['claim', 'framing'], group.id);
    const bobPrivate = await annotate(bob, 'p-1', ['evidence']);

    const res = await highlights(bob);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^W\/".+"$/);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const h = highlightsSchema.parse(res.json) as Highlights;
    expect(h.ids).not.toContain(adaPrivate);
    expect(h.ids).toEqual((await listed(bob)).map((a) => a.id));
    expect(new Set(h.ids)).toEqual(new Set([adaShared, bobPrivate]));

    // The list by id (a highlight's annotations): only those asked for, and only visible ones.
    const byId = await call(listAnnotations, 'GET', '/x', {
      user: bob,
      params: { id: 'face-time' },
      query: { annotation: [adaShared, adaPrivate] },
    });
    expect(byId.json.annotations.map((a: AnnotationView) => a.id)).toEqual([adaShared]);

    const blocks = await blocksOf(bob);
    const views = new Map((await listed(bob)).map((a) => [a.id, a]));
    h.ids.forEach((id, i) => {
      const view = views.get(id)!;
      expect(blocks[h.startBlock[i]].anchor).toBe(view.target.start.block);
      expect(blocks[h.endBlock[i]].anchor).toBe(view.target.end.block);
      expect([h.startOffset[i], h.endOffset[i]]).toEqual([view.target.start.offset, view.target.end.offset]);
      expect(h.tagIndexes[i].map((t) => h.tags[t])).toEqual(view.tags);
      expect(h.authors[h.author[i]]).toEqual(view.author);
      expect(h.group[i] === -1 ? null : h.groups[h.group[i]]).toEqual(view.group);
      expect(h.flags[i] & 1).toBe(view.author.id === bob.id ? 1 : 0);
    });
  });

  it('answers 304 until something the reader sees changes, and not for what they cannot see', async () => {
    const [ada, bob] = await Promise.all([signUp('Ada'), signUp('Bob')]);
    const group = (await call(createGroup, 'POST', '/x', { user: ada, body: { name: 'Tags' } })).json.group;
    await call(joinGroup, 'POST', '/x', { user: bob, body: { code: group.inviteCode } });
    await annotate(ada, 'p-4', ['claim'], group.id);

    const first = await highlights(bob);
    const etag = first.headers.get('etag')!;
    const again = await highlights(bob, etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);

    // Ada's private note is none of Bob's business: still 304
    await annotate(ada, 'p-5', ['evidence']);
    expect((await highlights(bob, etag)).status).toBe(304);

    // a shared note appears: 200 with a new ETag and the note
    const shared = await annotate(ada, 'p-6', ['framing'], group.id);
    const changed = await highlights(bob, etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.json.ids).toContain(shared);

    // Bob's own shared note hidden by the facilitator: flagged, and the ETag moves
    const bobs = await annotate(bob, 'p-7', ['claim'], group.id);
    const etag2 = (await highlights(bob)).headers.get('etag')!;
    expect(
      (await call(hideAnnotation, 'POST', '/x', { user: ada, params: { id: bobs }, body: { hidden: true } }))
        .status,
    ).toBe(200);
    const hidden = await highlights(bob, etag2);
    expect(hidden.status).toBe(200);
    expect(hidden.json.flags[hidden.json.ids.indexOf(bobs)]).toBe(1 | 2);

    // deleted: gone, and the ETag moves again
    const etag3 = hidden.headers.get('etag')!;
    expect((await call(deleteAnnotation, 'DELETE', '/x', { user: ada, params: { id: shared } })).status).toBe(
      204,
    );
    const gone = await highlights(bob, etag3);
    expect(gone.status).toBe(200);
    expect(gone.json.ids).not.toContain(shared);
  });

  it('is 404 for a document the reader cannot see, and 401 signed out', async () => {
    const ada = await signUp('Ada');
    const missing = await call(listHighlights, 'GET', '/x', { user: ada, params: { id: 'no-such-article' } });
    expect(missing.status).toBe(404);
    expect((await call(listHighlights, 'GET', '/x', { params: { id: 'face-time' } })).status).toBe(401);
  });
});
