import { describe, expect, it } from 'vitest';
import { buildDocumentIndex } from '@/lib/anchoring/document-text';
import { BLOCK_SEPARATOR } from '@/lib/anchoring/types';
import type { HighlightRecord } from './highlight-runs';
import { previewRun } from './run-preview';

const index = buildDocumentIndex([
  { anchor: 'p-1', text: 'The first paragraph.' },
  { anchor: 'p-2', text: 'And the second one.' },
]);

function record(id: string, over: Partial<HighlightRecord> = {}): HighlightRecord {
  return {
    id,
    start: { block: 'p-1', offset: 4 },
    end: { block: 'p-1', offset: 9 },
    tags: ['claim'],
    author: { id: 'u1', name: 'Ada' },
    group: { id: 'g1', name: 'Seminar' },
    target: { exact: '' },
    noteText: '',
    ...over,
  };
}

describe('previewRun', () => {
  it('gives each annotation its author, group, tags, start block and quote, in the run’s order', () => {
    const records = new Map([
      ['a', record('a')],
      [
        'b',
        record('b', {
          start: { block: 'p-1', offset: 10 },
          end: { block: 'p-2', offset: 3 },
          tags: ['evidence', 'claim'],
          author: { id: 'u2', name: 'Bob' },
          group: null,
        }),
      ],
    ]);
    expect(previewRun(['b', 'a'], records, index)).toEqual([
      {
        id: 'b',
        authorName: 'Bob',
        groupName: null,
        tags: ['evidence', 'claim'],
        startBlock: 'p-1',
        quote: `paragraph.${BLOCK_SEPARATOR}And`,
      },
      {
        id: 'a',
        authorName: 'Ada',
        groupName: 'Seminar',
        tags: ['claim'],
        startBlock: 'p-1',
        quote: 'first',
      },
    ]);
  });

  it('leaves out ids it has no record for and records off the text', () => {
    const records = new Map([
      ['a', record('a')],
      ['gone', record('gone', { start: { block: 'p-9', offset: 0 }, end: { block: 'p-9', offset: 2 } })],
    ]);
    expect(previewRun(['missing', 'gone', 'a'], records, index).map((p) => p.id)).toEqual(['a']);
  });
});
