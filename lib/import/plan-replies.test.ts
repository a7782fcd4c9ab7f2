import { describe, expect, it } from 'vitest';
import type { AnnotationPlan, ImportItem } from './plan-annotations';
import { planReplies, replyKey, replyParents } from './plan-replies';

const item = (over: Partial<ImportItem> & { index: number }): ImportItem => ({
  sourceId: null,
  exact: '',
  tags: [],
  noteText: 'A reply',
  ...over,
});
const now = new Date('2026-01-01T00:00:00Z');

function plan(): Pick<AnnotationPlan, 'skipped' | 'reportItems'> {
  return { skipped: [], reportItems: [] };
}

describe('replyParents', () => {
  const root = item({ index: 0, sourceId: 'root', exact: 'quote' });
  const first = item({ index: 1, sourceId: 'r1', replyTo: 'root' });
  const nested = item({ index: 2, sourceId: 'r2', replyTo: 'r1' });
  const orphan = item({ index: 3, sourceId: 'r3', replyTo: 'missing' });

  it('hangs every reply, nested or not, under its thread’s root annotation', () => {
    const parents = replyParents({
      replyItems: [first, nested, orphan],
      items: [root, first, nested, orphan],
      newIdBySource: new Map([['root', 'new-root']]),
      prior: new Map(),
      here: new Map(),
      visible: () => true,
    });
    expect(parents.map((p) => p.parent)).toEqual([
      { id: 'new-root', fresh: true },
      { id: 'new-root', fresh: true },
      null,
    ]);
  });

  it('finds a root imported earlier only if the importer may see it and it is not deleted', () => {
    const prior = new Map([
      ['root', { id: 'old-root', authorId: 'me', groupId: null, deletedAt: null }],
      ['missing', { id: 'theirs', authorId: 'them', groupId: null, deletedAt: null }],
    ]);
    const parents = replyParents({
      replyItems: [first, orphan],
      items: [first, orphan],
      newIdBySource: new Map(),
      prior,
      here: new Map(),
      visible: (p) => p.authorId === 'me',
    });
    expect(parents.map((p) => p.parent)).toEqual([{ id: 'old-root', fresh: false }, null]);
  });
});

describe('planReplies', () => {
  it('attaches new replies, skips repeats, empty replies and replies with nowhere to go', () => {
    const report = plan();
    let n = 0;
    const rows = planReplies({
      parents: [
        { item: item({ index: 1, sourceId: 'r1' }), parent: { id: 'a', fresh: true } },
        { item: item({ index: 2, sourceId: 'r1' }), parent: { id: 'a', fresh: true } },
        { item: item({ index: 3, noteText: '  ' }), parent: { id: 'a', fresh: true } },
        { item: item({ index: 4 }), parent: null },
      ],
      known: new Map(),
      hereReplies: new Map(),
      plan: report,
      readerId: 'me',
      readerName: 'Me',
      now,
      newId: () => `reply-${++n}`,
    });
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'reply-1',
        annotationId: 'a',
        authorId: 'me',
        bodyText: 'A reply',
        createdAt: now,
      }),
    ]);
    expect(report.skipped.map((s) => [s.index, s.reason])).toEqual([
      [2, 'the same id appears earlier in the file'],
      [3, 'the reply has no text'],
      [4, 'it replies to an annotation that is not in this file and was not imported before'],
    ]);
    expect(report.reportItems).toEqual([
      {
        index: 1,
        sourceId: 'r1',
        id: 'reply-1',
        kind: 'reply',
        status: 'ATTACHED',
        reason: 'added to the annotation it answers',
      },
    ]);
  });

  it('recognises a reply an earlier import added under the same annotation by its text and date', () => {
    const report = plan();
    const created = new Date('2025-05-05T10:00:00Z');
    const rows = planReplies({
      parents: [
        { item: item({ index: 1, created }), parent: { id: 'old', fresh: false } },
        { item: item({ index: 2, noteText: 'Something new' }), parent: { id: 'old', fresh: false } },
      ],
      known: new Map([[replyKey('old', 'A reply', created), 'earlier-reply']]),
      hereReplies: new Map(),
      plan: report,
      readerId: 'me',
      readerName: 'Me',
      now,
      newId: () => 'fresh-id',
    });
    expect(rows.map((r) => r.bodyText)).toEqual(['Something new']);
    expect(report.reportItems[0]).toEqual({
      index: 1,
      sourceId: null,
      id: 'earlier-reply',
      kind: 'reply',
      status: 'ALREADY_IMPORTED',
      reason: 'you imported it before',
    });
  });

  it("keeps the original author's name as an attribution, and recognises this server's own replies", () => {
    const report = plan();
    const rows = planReplies({
      parents: [
        { item: item({ index: 1, creatorName: ' Bob\n Builder ' }), parent: { id: 'a', fresh: true } },
        { item: item({ index: 2, creatorName: 'Me', noteText: 'Mine' }), parent: { id: 'a', fresh: true } },
        { item: item({ index: 3, sourceId: 'https://here/r' }), parent: { id: 'a', fresh: false } },
      ],
      known: new Map(),
      hereReplies: new Map([['https://here/r', 'reply-here']]),
      plan: report,
      readerId: 'me',
      readerName: 'Me',
      now,
      newId: () => 'new',
    });
    expect(rows.map((r) => [r.authorId, r.attribution])).toEqual([
      ['me', 'Bob Builder'],
      ['me', null],
    ]);
    expect(report.reportItems.map((r) => [r.status, r.reason])).toEqual([
      ['ATTACHED', 'added to the annotation it answers; written by Bob Builder, now yours'],
      ['ATTACHED', 'added to the annotation it answers'],
      ['ALREADY_HERE', "it is this server's own reply, still in this document"],
    ]);
  });
});
