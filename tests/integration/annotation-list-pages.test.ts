// A document's annotation list in pages (ADR 0023): pages of any size, one after another,
// are exactly the whole list in its order, with the filters and the visibility rules applied
// across them; a page boundary holds when its last annotation is deleted meanwhile; a cursor
// or a limit the list did not give is a typed 400, never a 500.
import { describe, expect, it } from 'vitest';
import { POST as createGroup } from '@/app/api/v1/groups/route';
import { POST as joinGroup } from '@/app/api/v1/groups/join/route';
import { GET as listAnnotations } from '@/app/api/v1/documents/[id]/annotations/route';
import { DELETE as deleteAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { encodeListCursor } from '@/lib/annotations/list-cursor';
import { ANNOTATION_PAGE_DEFAULT, ANNOTATION_PAGE_MAX } from '@/lib/limits';
import type { AnnotationView } from '@/lib/annotations/types';
import { call, signUp, type TestUser } from '../support/api';
import { annotateSpan, sampleBlocks } from '../support/annotate';

type Page = { annotations: AnnotationView[]; next: string | null };

const page = async (user: TestUser, query: Record<string, string> = {}) => {
  const res = await call(listAnnotations, 'GET', '/x', { user, params: { id: 'face-time' }, query });
  expect(res.status).toBe(200);
  return res.json as Page;
};

async function allPages(user: TestUser, limit: number, query: Record<string, string> = {}) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const p: Page = await page(user, { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(p.annotations.length).toBeLessThanOrEqual(limit);
    ids.push(...p.annotations.map((a) => a.id));
    cursor = p.next;
    pages++;
  } while (cursor);
  return { ids, pages };
}

async function scene() {
  const [ada, bob] = await Promise.all([signUp('Ada'), signUp('Bob')]);
  const group = (await call(createGroup, 'POST', '/x', { user: ada, body: { name: 'Pages' } })).json.group;
  await call(joinGroup, 'POST', '/x', { user: bob, body: { code: group.inviteCode } });
  const blocks = await sampleBlocks(ada);
  const annotate = (user: TestUser, b: number, from: number, tags: string[], groupId?: string) =>
    annotateSpan(user, blocks[b], { from, to: from + 12 }, tags, groupId);
  // Out of document order, and three on the very same passage (ties by time, then id).
  for (const [b, from, tags] of [
    [5, 2, ['claim']],
    [1, 4, ['framing']],
    [3, 0, ['claim']],
    [1, 4, ['claim']],
    [1, 4, ['evidence']],
    [2, 8, ['claim']],
    [4, 1, ['framing']],
  ] as const)
    await annotate(ada, b, from, [...tags], group.id);
  await annotate(ada, 2, 2, ['claim']); // private: Bob never sees it, on any page
  await annotate(bob, 6, 3, ['claim'], group.id);
  return { ada, bob, blocks };
}

describe('GET /documents/{id}/annotations in pages', () => {
  it('gives the whole list in order, page after page, whatever the page size', async () => {
    const { ada, bob, blocks } = await scene();
    const blockNumber = (anchor: string) => blocks.findIndex((b) => b.anchor === anchor);
    for (const user of [ada, bob]) {
      const whole = await page(user, { limit: String(ANNOTATION_PAGE_MAX) });
      expect(whole.next).toBeNull();
      expect(whole.annotations).toHaveLength(user === ada ? 9 : 8);
      const starts = whole.annotations.map((a) => a.target.start);
      const sorted = [...starts].sort(
        (x, y) => blockNumber(x.block) - blockNumber(y.block) || x.offset - y.offset,
      );
      expect(starts).toEqual(sorted);
      for (const limit of [1, 2, 3, 8]) {
        const { ids, pages } = await allPages(user, limit);
        expect(ids).toEqual(whole.annotations.map((a) => a.id));
        expect(pages).toBe(Math.max(1, Math.ceil(ids.length / limit)));
      }
    }
    // The default page holds ANNOTATION_PAGE_DEFAULT; this scene fits in one.
    expect((await page(bob)).annotations).toHaveLength(Math.min(8, ANNOTATION_PAGE_DEFAULT));
  });

  it('applies the filters across pages, and the past-version list pages the same way', async () => {
    const { bob } = await scene();
    const claims = (await page(bob, { tag: 'claim' })).annotations.map((a) => a.id);
    expect(claims).toHaveLength(5);
    expect((await allPages(bob, 1, { tag: 'claim' })).ids).toEqual(claims);
    const atVersion = (await page(bob, { version: '1' })).annotations.map((a) => a.id);
    expect(atVersion).toHaveLength(8);
    expect((await allPages(bob, 3, { version: '1' })).ids).toEqual(atVersion);
  });

  it('keeps its place when the last annotation of a page is deleted before the next page', async () => {
    const { ada } = await scene();
    const whole = (await page(ada)).annotations.map((a) => a.id);
    const first = await page(ada, { limit: '3' });
    const res = await call(deleteAnnotation, 'DELETE', '/x', {
      user: ada,
      params: { id: first.annotations[2].id },
    });
    expect(res.status).toBe(204);
    const second = await page(ada, { limit: '3', cursor: first.next! });
    expect(second.annotations.map((a) => a.id)).toEqual(whole.slice(3, 6));
  });

  it('refuses a cursor or a limit it did not give with a typed 400', async () => {
    const { bob } = await scene();
    const position = {
      orphaned: false,
      startIndex: 1,
      startOffset: 0,
      createdAt: '2026-11-30T10:00:00.000Z',
      id: '9b2f1c3e-0a4b-4c5d-8e6f-7a8b9c0d1e2f',
    };
    const good = encodeListCursor(position);
    expect((await page(bob, { cursor: good })).annotations.length).toBeGreaterThan(0);
    const bad: Record<string, string>[] = [
      { cursor: 'not a cursor' },
      { cursor: 'bm90IGEgY3Vyc29y' },
      { cursor: Buffer.from('[true,1,2,"yesterday","x"]').toString('base64url') },
      { cursor: encodeListCursor({ ...position, startIndex: -1 }) },
      { cursor: 'A'.repeat(5_000) },
      { limit: '0' },
      { limit: String(ANNOTATION_PAGE_MAX + 1) },
      { limit: '2.5' },
      { limit: 'ten' },
    ];
    for (const query of bad) {
      const res = await call(listAnnotations, 'GET', '/x', { user: bob, params: { id: 'face-time' }, query });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.json.error.fields)).toEqual([`query.${Object.keys(query)[0]}`]);
    }
  });
});
