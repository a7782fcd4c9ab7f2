import { describe, expect, it } from 'vitest';
import type { AnnotationView } from '@/lib/annotations/types';
import { applyChanges, patchedView } from './annotation-cache';

const view = (id: string, extra: Partial<AnnotationView> = {}): AnnotationView => ({
  id,
  documentId: 'd',
  documentVersion: 1,
  target: {
    start: { block: 'p-1', offset: 0 },
    end: { block: 'p-1', offset: 3 },
    exact: 'abc',
    prefix: '',
    suffix: '',
  },
  tags: ['claim'],
  note: null,
  noteText: '',
  author: { id: 'u', name: 'U' },
  group: null,
  visibility: 'private',
  status: 'ANCHORED',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  rev: 1,
  replyCount: 0,
  hidden: false,
  can: { edit: true, delete: true, reply: true, hide: false },
  ...extra,
});

describe('applyChanges', () => {
  it('replaces in place, appends new ones once, and drops removed ids', () => {
    const list = [view('a'), view('b')];
    const next = applyChanges(list, {
      upsert: [view('b', { tags: ['framing'] }), view('c')],
      removeIds: ['a'],
    });
    expect(next.map((a) => [a.id, a.tags[0]])).toEqual([
      ['b', 'framing'],
      ['c', 'claim'],
    ]);
    expect(applyChanges(next, { upsert: [view('c')] })).toHaveLength(2);
  });
});

describe('patchedView', () => {
  it('shows an edit before the server confirms it: tags, note text and group', () => {
    const note = {
      type: 'doc' as const,
      content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'New' }] }],
    };
    const patched = patchedView(view('a'), { tags: ['evidence'], note, groupId: 'g' }, [
      { id: 'g', name: 'Seminar' },
    ]);
    expect(patched).toMatchObject({
      tags: ['evidence'],
      noteText: 'New',
      group: { id: 'g' },
      visibility: 'group',
    });
    expect(patchedView(patched, { groupId: null }, []).visibility).toBe('private');
  });
});
