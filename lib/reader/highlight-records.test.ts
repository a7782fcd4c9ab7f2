import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from './filter-annotations';
import { recordFromView, recordsFromPayload, shownIds } from './highlight-records';

const payload = {
  documentVersion: 1,
  tags: ['claim', 'evidence'],
  authors: [
    { id: 'u1', name: 'Ada' },
    { id: 'u2', name: 'Bob' },
  ],
  groups: [{ id: 'g1', name: 'Seminar' }],
  ids: ['a', 'b', 'c'],
  startBlock: [1, 2, 9],
  startOffset: [0, 5, 0],
  endBlock: [1, 3, 9],
  endOffset: [4, 2, 1],
  tagIndexes: [[0], [1, 0], [0]],
  author: [0, 1, 0],
  group: [-1, 0, 0],
  flags: [1, 0, 0],
};

describe('highlight records', () => {
  it('reads the payload’s columns, skipping blocks the version does not have', () => {
    const records = recordsFromPayload(payload, ['title', 'p-1', 'p-2', 'p-3']);
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(records[1]).toMatchObject({
      start: { block: 'p-2', offset: 5 },
      end: { block: 'p-3', offset: 2 },
      tags: ['evidence', 'claim'],
      author: { id: 'u2', name: 'Bob' },
      group: { id: 'g1', name: 'Seminar' },
    });
    expect(records[0].group).toBeNull();
  });

  it('filters like the review panel: tags, readers, and a server search for saved ones', () => {
    const records = recordsFromPayload(payload, ['title', 'p-1', 'p-2', 'p-3']);
    const local = recordFromView({
      id: 'new',
      target: {
        start: { block: 'p-1', offset: 0 },
        end: { block: 'p-1', offset: 2 },
        exact: 'Gi',
        prefix: '',
        suffix: '',
      },
      tags: ['claim'],
      author: { id: 'u1', name: 'Ada' },
      group: null,
      noteText: 'giraffe',
      local: { state: 'saving' },
    });
    const all = [...records, local];
    expect([...shownIds(all, NO_FILTERS, 'u1', null)]).toEqual(['a', 'b', 'new']);
    expect([...shownIds(all, { ...NO_FILTERS, tags: ['evidence'] }, 'u1', null)]).toEqual(['b']);
    expect([...shownIds(all, { ...NO_FILTERS, mine: 'others' }, 'u1', null)]).toEqual(['b']);
    expect([...shownIds(all, { ...NO_FILTERS, q: 'giraffe' }, 'u1', new Set(['a']))]).toEqual(['a', 'new']);
  });
});
